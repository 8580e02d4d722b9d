import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconArrowsSplit,
  IconBell,
  IconBuilding,
  IconCategory,
  IconClockHour4,
  IconForms,
  IconHistory,
  IconKey,
  IconMail,
  type IconProps,
  IconSettings,
  IconShieldLock,
  IconTruckDelivery,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { Permission } from '../../../../common/permissions.ts';
import type { Me } from '../../api/auth.ts';
import { hasPermission, useMe } from '../../app/session.ts';
import { EmptyState } from '../../components/EmptyState.tsx';

interface AdminLink {
  permission: Permission;
  to: string;
  labelKey: string;
  icon: ComponentType<IconProps>;
}

export const ADMIN_LINKS: AdminLink[] = [
  { permission: 'admin.users.manage', to: '/admin/users', labelKey: 'admin.nav.users', icon: IconUsers },
  {
    permission: 'admin.users.manage',
    to: '/admin/organizations',
    labelKey: 'orgAdmin.nav',
    icon: IconBuilding,
  },
  { permission: 'admin.roles.manage', to: '/admin/roles', labelKey: 'admin.nav.roles', icon: IconShieldLock },
  { permission: 'admin.fields.manage', to: '/admin/fields', labelKey: 'admin.nav.fields', icon: IconForms },
  { permission: 'admin.catalog.manage', to: '/admin/catalog', labelKey: 'admin.nav.catalog', icon: IconCategory },
  { permission: 'admin.sla.manage', to: '/admin/sla', labelKey: 'admin.nav.sla', icon: IconClockHour4 },
  { permission: 'admin.vendors.manage', to: '/admin/vendors', labelKey: 'admin.nav.vendors', icon: IconTruckDelivery },
  { permission: 'admin.workflow.manage', to: '/admin/workflow', labelKey: 'workflowAdmin.nav', icon: IconArrowsSplit },
  { permission: 'admin.mail.manage', to: '/admin/mail', labelKey: 'admin.nav.mail', icon: IconMail },
  {
    permission: 'admin.notifications.manage',
    to: '/admin/notifications',
    labelKey: 'notify.nav',
    icon: IconBell,
  },
  { permission: 'admin.settings.manage', to: '/admin/settings', labelKey: 'admin.nav.settings', icon: IconSettings },
  { permission: 'admin.tokens.manage', to: '/admin/tokens', labelKey: 'admin.nav.tokens', icon: IconKey },
  { permission: 'admin.audit.read', to: '/admin/audit', labelKey: 'admin.nav.audit', icon: IconHistory },
];

function allowedLinks(me: Me | null | undefined): AdminLink[] {
  return ADMIN_LINKS.filter((link) => hasPermission(me, link.permission));
}

/** The administration area's left navigation, showing only what the user may manage. */
export function AdminNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe().data;

  return (
    <Stack gap="sm">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs">
        {t('nav.admin')}
      </Text>
      <nav aria-label={t('nav.admin')}>
        {allowedLinks(me).map((link) => {
          const active = location.pathname === link.to || location.pathname.startsWith(`${link.to}/`);
          return (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              onClick={onNavigate}
              active={active}
              aria-current={active ? 'page' : undefined}
              label={t(link.labelKey)}
              leftSection={<link.icon size={18} stroke={1.6} />}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </nav>
    </Stack>
  );
}

/** `/admin` opens the first administration screen the user may use. */
export function AdminHomeRedirect() {
  const { t } = useTranslation();
  const first = allowedLinks(useMe().data)[0];
  if (first) return <Navigate to={first.to} replace />;
  return <EmptyState title={t('admin.nothingToManage')} />;
}
