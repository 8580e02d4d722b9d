import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconBellCog, IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout, type Me } from '../api/auth.ts';
import { queryKeys } from '../api/keys.ts';
import { hasPermission } from '../app/session.ts';
import type { AreaLink } from './AppLayout.tsx';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

export function UserMenu({ me, areas }: { me: Me; areas: AreaLink[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    try {
      await logout();
    } finally {
      // Drop every cached answer so the next user never sees this one's data.
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
      void navigate('/login', { replace: true });
    }
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.userMenu')}>
          <Group gap={6} wrap="nowrap">
            <Avatar size={32} radius="xl" color="indigo">
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${me.user.role}`, { defaultValue: me.user.role })}
          </Text>
        </Menu.Label>
        {areas.length > 1 && (
          <>
            <Menu.Divider />
            {areas.map((area) => (
              <Menu.Item key={area.to} component={Link} to={area.to} leftSection={<area.icon size={16} />}>
                {t(area.labelKey)}
              </Menu.Item>
            ))}
          </>
        )}
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/notifications" leftSection={<IconBellCog size={16} />}>
          {t('notify.me.menu')}
        </Menu.Item>
        {hasPermission(me, 'api.tokens.own') && (
          <Menu.Item component={Link} to="/settings/api-tokens" leftSection={<IconKey size={16} />}>
            {t('apiTokens.myTitle')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
