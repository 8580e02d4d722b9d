import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from '../components/AppLayout.tsx';
import { AnyVisitor, HomeRedirect, PublicOnly, RequireAuth, RequirePermission } from '../components/guards.tsx';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { AdminHomeRedirect } from '../pages/admin/AdminNav.tsx';

// Route-level screens load on demand: a customer never downloads the agent or admin code.
const LoginPage = lazy(() => import('../pages/auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../pages/auth/RegisterPage.tsx'));
const ForgotPasswordPage = lazy(() => import('../pages/auth/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('../pages/auth/ResetPasswordPage.tsx'));
const ConfirmEmailPage = lazy(() => import('../pages/auth/ConfirmEmailPage.tsx'));
const PortalTicketsPage = lazy(() => import('../pages/portal/PortalTicketsPage.tsx'));
const NewRequestPage = lazy(() => import('../pages/portal/NewRequestPage.tsx'));
const PortalTicketPage = lazy(() => import('../pages/portal/PortalTicketPage.tsx'));
const PortalSearchPage = lazy(() => import('../pages/portal/PortalSearchPage.tsx'));
const AgentHomeRedirect = lazy(() => import('../pages/agent/AgentHomeRedirect.tsx'));
const QueuePage = lazy(() => import('../pages/agent/QueuePage.tsx'));
const SearchPage = lazy(() => import('../pages/agent/SearchPage.tsx'));
const AgentTicketPage = lazy(() => import('../pages/agent/AgentTicketPage.tsx'));
const PortalKbPage = lazy(() => import('../pages/kb/PortalKbPage.tsx'));
const PortalArticlePage = lazy(() => import('../pages/kb/PortalArticlePage.tsx'));
const KbListPage = lazy(() => import('../pages/kb/KbListPage.tsx'));
const KbArticleEditorPage = lazy(() => import('../pages/kb/KbArticleEditorPage.tsx'));
const CannedPage = lazy(() => import('../pages/kb/CannedPage.tsx'));
const PublicKbLayout = lazy(() => import('../pages/kb/PublicKbLayout.tsx'));
const UsersPage = lazy(() => import('../pages/admin/UsersPage.tsx'));
const OrganizationsPage = lazy(() => import('../pages/admin/organizations/OrganizationsPage.tsx'));
const RolesPage = lazy(() => import('../pages/admin/RolesPage.tsx'));
const RoleEditorPage = lazy(() => import('../pages/admin/RoleEditorPage.tsx'));
const CustomFieldsPage = lazy(() => import('../pages/admin/CustomFieldsPage.tsx'));
const CatalogPage = lazy(() => import('../pages/admin/CatalogPage.tsx'));
const SlaPage = lazy(() => import('../pages/admin/sla/SlaPage.tsx'));
const VendorsPage = lazy(() => import('../pages/admin/vendors/VendorsPage.tsx'));
const WorkflowPage = lazy(() => import('../pages/admin/workflow/WorkflowPage.tsx'));
const MailPage = lazy(() => import('../pages/admin/mail/MailPage.tsx'));
const SettingsPage = lazy(() => import('../pages/admin/SettingsPage.tsx'));
const AuditPage = lazy(() => import('../pages/admin/AuditPage.tsx'));
const TokensPage = lazy(() => import('../pages/admin/tokens/TokensPage.tsx'));
const NotificationsPage = lazy(() => import('../pages/admin/notifications/NotificationsPage.tsx'));
const NotificationSettingsPage = lazy(() => import('../pages/settings/NotificationSettingsPage.tsx'));

const router = createBrowserRouter([
  { path: '/', element: <HomeRedirect /> },
  // The knowledge base for visitors without an account: public articles only (the server decides).
  {
    element: <PublicKbLayout />,
    children: [
      { path: '/help', element: <PortalKbPage base="/help" /> },
      { path: '/help/:id', element: <PortalArticlePage base="/help" /> },
    ],
  },
  // The link in the confirmation mail works whether or not this browser is signed in.
  { element: <AnyVisitor />, children: [{ path: '/confirm-email', element: <ConfirmEmailPage /> }] },
  {
    element: <PublicOnly />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            element: <RequirePermission permission="menu.portal" />,
            children: [
              { path: '/portal', element: <PortalTicketsPage /> },
              { path: '/portal/new', element: <NewRequestPage /> },
              { path: '/portal/tickets/:id', element: <PortalTicketPage /> },
              { path: '/portal/kb', element: <PortalKbPage /> },
              { path: '/portal/kb/:id', element: <PortalArticlePage /> },
              { path: '/portal/search', element: <PortalSearchPage /> },
            ],
          },
          {
            element: <RequirePermission permission="menu.agent" />,
            children: [
              { path: '/agent', element: <AgentHomeRedirect /> },
              { path: '/agent/queues/:queue', element: <QueuePage /> },
              { path: '/agent/search', element: <SearchPage /> },
              { path: '/agent/tickets/:id', element: <AgentTicketPage /> },
              { path: '/agent/kb', element: <KbListPage /> },
              { path: '/agent/kb/:id', element: <KbArticleEditorPage /> },
              { path: '/agent/canned', element: <CannedPage /> },
            ],
          },
          {
            element: <RequirePermission permission="menu.admin" />,
            children: [
              { path: '/admin', element: <AdminHomeRedirect /> },
              {
                element: <RequirePermission permission="admin.users.manage" />,
                children: [
                  { path: '/admin/users', element: <UsersPage /> },
                  { path: '/admin/organizations', element: <OrganizationsPage /> },
                ],
              },
              {
                element: <RequirePermission permission="admin.roles.manage" />,
                children: [
                  { path: '/admin/roles', element: <RolesPage /> },
                  { path: '/admin/roles/:id', element: <RoleEditorPage /> },
                ],
              },
              {
                element: <RequirePermission permission="admin.fields.manage" />,
                children: [{ path: '/admin/fields', element: <CustomFieldsPage /> }],
              },
              {
                element: <RequirePermission permission="admin.catalog.manage" />,
                children: [{ path: '/admin/catalog', element: <CatalogPage /> }],
              },
              {
                element: <RequirePermission permission="admin.sla.manage" />,
                children: [{ path: '/admin/sla', element: <SlaPage /> }],
              },
              {
                element: <RequirePermission permission="admin.vendors.manage" />,
                children: [{ path: '/admin/vendors', element: <VendorsPage /> }],
              },
              {
                element: <RequirePermission permission="admin.workflow.manage" />,
                children: [{ path: '/admin/workflow', element: <WorkflowPage /> }],
              },
              {
                element: <RequirePermission permission="admin.mail.manage" />,
                children: [{ path: '/admin/mail', element: <MailPage /> }],
              },
              {
                element: <RequirePermission permission="admin.notifications.manage" />,
                children: [{ path: '/admin/notifications', element: <NotificationsPage /> }],
              },
              {
                element: <RequirePermission permission="admin.settings.manage" />,
                children: [{ path: '/admin/settings', element: <SettingsPage /> }],
              },
              {
                element: <RequirePermission permission="admin.tokens.manage" />,
                children: [{ path: '/admin/tokens', element: <TokensPage /> }],
              },
              {
                element: <RequirePermission permission="admin.audit.read" />,
                children: [{ path: '/admin/audit', element: <AuditPage /> }],
              },
            ],
          },
          // Anyone signed in, for themselves: agents and portal customers alike.
          { path: '/settings/notifications', element: <NotificationSettingsPage /> },
          {
            element: <RequirePermission permission="api.tokens.own" />,
            children: [{ path: '/settings/api-tokens', element: <TokensPage reach="own" /> }],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
