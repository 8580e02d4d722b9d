import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Permission } from '../../../common/permissions.ts';
import { fetchMe, type Me } from '../api/auth.ts';
import { queryKeys } from '../api/keys.ts';
import i18n, { currentLocale, isLocale } from '../i18n/index.ts';

/** The current session: `data` is null when signed out, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** The first screen a user needs: admins start in user management, agents in their queue. */
export function homePath(me: Me): string {
  if (me.user.role === 'admin' && hasPermission(me, 'menu.admin')) return '/admin';
  if (hasPermission(me, 'menu.agent')) return '/agent';
  if (hasPermission(me, 'menu.portal')) return '/portal';
  if (hasPermission(me, 'menu.admin')) return '/admin';
  return '/portal';
}

/** After login the user's saved language wins over the browser's. */
export function useSyncUserLocale(me: Me | null | undefined): void {
  const locale = me?.user.locale;
  useEffect(() => {
    if (isLocale(locale) && locale !== currentLocale()) void i18n.changeLanguage(locale);
  }, [locale]);
}

/** Replaces the cached session after login, registration or logout. */
export function useSetSession() {
  const queryClient = useQueryClient();
  return (me: Me | null) => queryClient.setQueryData(queryKeys.me, me);
}
