import { Divider, NavLink, Text } from '@mantine/core';
import { IconBook, IconMessageBolt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Knowledge base and canned responses in the agent navigation. */
export function KbNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const path = useLocation().pathname;
  const links = [
    { to: '/agent/kb', label: t('kb.title'), icon: IconBook },
    { to: '/agent/canned', label: t('canned.title'), icon: IconMessageBolt },
  ];
  return (
    <>
      <Divider />
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
        {t('kb.toolsHeading')}
      </Text>
      <nav aria-label={t('kb.toolsHeading')}>
        {links.map(({ to, label, icon: Icon }) => {
          const active = path.startsWith(to);
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              onClick={onNavigate}
              active={active}
              aria-current={active ? 'page' : undefined}
              label={label}
              leftSection={<Icon size={18} stroke={1.6} />}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </nav>
    </>
  );
}
