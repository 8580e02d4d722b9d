import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '../../../common/permissions.ts';
import { hasPermission, homePath, useMe, useSyncUserLocale } from '../app/session.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './PageLoader.tsx';

/** Where a signed-out visitor was heading, so login can send them back there. */
export interface LoginRedirectState {
  from?: string;
}

export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  useSyncUserLocale(me.data);
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} m="xl" />;
  if (!me.data) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** Hides an area from roles without its menu permission (the server enforces it anyway). */
export function RequirePermission({ permission }: { permission: Permission }) {
  const me = useMe();
  if (!me.data) return null;
  if (!hasPermission(me.data, permission)) return <Navigate to={homePath(me.data)} replace />;
  return <Outlet />;
}

/** Login and registration; a signed-in user is sent on to their home screen. */
export function PublicOnly() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={homePath(me.data)} replace />;
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

/**
 * Pages for anyone, signed in or not (the e-mail confirmation link): waits for the session so a
 * signed-in browser has its CSRF token and language before the page acts.
 */
export function AnyVisitor() {
  const me = useMe();
  useSyncUserLocale(me.data);
  if (me.isPending) return <PageLoader />;
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homePath(me.data) : '/login'} replace />;
}
