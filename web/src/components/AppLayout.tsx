import { AppShell, Burger, Button, Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeadset, IconLifebuoy, IconSettings, IconUser } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import type { Permission } from '../../../common/permissions.ts';
import { useLiveUpdates } from '../app/live-updates.ts';
import { hasPermission, homePath, useMe } from '../app/session.ts';
import { AdminNav } from '../pages/admin/AdminNav.tsx';
import { QueueNav } from '../pages/agent/QueueNav.tsx';
import { HeaderSearch } from './HeaderSearch.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { PageLoader } from './PageLoader.tsx';
import { UserMenu } from './UserMenu.tsx';

export interface AreaLink {
  permission: Permission;
  to: string;
  prefix: string;
  labelKey: string;
  icon: typeof IconUser;
}

export const AREAS: AreaLink[] = [
  { permission: 'menu.portal', to: '/portal', prefix: '/portal', labelKey: 'nav.portal', icon: IconUser },
  { permission: 'menu.agent', to: '/agent', prefix: '/agent', labelKey: 'nav.agent', icon: IconHeadset },
  { permission: 'menu.admin', to: '/admin', prefix: '/admin', labelKey: 'nav.admin', icon: IconSettings },
];

/**
 * The signed-in frame: header with areas, language and user menu; queues beside agent screens
 * and the administration sections beside admin screens.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe().data;
  const location = useLocation();
  const inAgentArea = useMatch('/agent/*') !== null;
  const inAdminArea = useMatch('/admin/*') !== null;
  const withNavbar = inAgentArea || inAdminArea;
  const [navOpened, nav] = useDisclosure(false);
  useLiveUpdates(Boolean(me));
  if (!me) return null;

  const areas = AREAS.filter((area) => hasPermission(me, area.permission));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={withNavbar ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } } : undefined}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {withNavbar && (
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggleNavigation')}
              />
            )}
            <UnstyledButton component={Link} to={homePath(me)} aria-label={t('app.home')}>
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={32} radius="md" variant="filled">
                  <IconLifebuoy size={20} />
                </ThemeIcon>
                <Text fw={700} size="lg" visibleFrom="xs">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
            {areas.length > 1 && (
              <Group gap={4} ml="md" visibleFrom="sm" component="nav" aria-label={t('nav.areas')}>
                {areas.map((area) => {
                  const active = location.pathname.startsWith(area.prefix);
                  return (
                    <Button
                      key={area.to}
                      component={Link}
                      to={area.to}
                      variant={active ? 'light' : 'subtle'}
                      color={active ? undefined : 'gray'}
                      leftSection={<area.icon size={16} />}
                      aria-current={active ? 'page' : undefined}
                    >
                      {t(area.labelKey)}
                    </Button>
                  );
                })}
              </Group>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell agent={hasPermission(me, 'menu.agent')} />
            <HeaderSearch me={me} />
            <LanguageSwitcher />
            <UserMenu me={me} areas={areas} />
          </Group>
        </Group>
      </AppShell.Header>
      {withNavbar && (
        <AppShell.Navbar p="sm">
          {inAgentArea ? <QueueNav onNavigate={nav.close} /> : <AdminNav onNavigate={nav.close} />}
        </AppShell.Navbar>
      )}
      <AppShell.Main bg="gray.0">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
