import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_ROLE_KEYS, type DefaultRoleKey } from '../../../common/domain.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const AGENTS: DefaultRoleKey[] = ['operator', 'engineer', 'manager', 'admin'];

/** Who may call what, written down independently of the route rules it checks. */
const EXPECTED: Record<string, DefaultRoleKey[] | 'all'> = {
  'GET /api/v1/me': 'all',
  'PATCH /api/v1/me': 'all',
  'POST /api/v1/auth/email-confirmation': 'all',
  'GET /api/v1/users': AGENTS,
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'POST /api/v1/users/:id/reset-password': ['admin'],
  'GET /api/v1/roles': AGENTS,
  'GET /api/v1/permissions': ['admin'],
  'POST /api/v1/roles': ['admin'],
  'PATCH /api/v1/roles/:id': ['admin'],
  'DELETE /api/v1/roles/:id': ['admin'],
  'GET /api/v1/audit': ['admin'],
  'GET /api/v1/settings': ['admin'],
  'PATCH /api/v1/settings': ['admin'],
  'GET /api/v1/custom-fields': 'all',
  'POST /api/v1/custom-fields': ['admin'],
  'PATCH /api/v1/custom-fields/:id': ['admin'],
  'DELETE /api/v1/custom-fields/:id': ['admin'],
  'POST /api/v1/categories': ['admin'],
  'PATCH /api/v1/categories/:id': ['admin'],
  'DELETE /api/v1/categories/:id': ['admin'],
  'POST /api/v1/services': ['admin'],
  'PATCH /api/v1/services/:id': ['admin'],
  'DELETE /api/v1/services/:id': ['admin'],
  'POST /api/v1/groups': ['admin'],
  'GET /api/v1/groups/:id/members': ['admin'],
  'PATCH /api/v1/groups/:id': ['admin'],
  'DELETE /api/v1/groups/:id': ['admin'],
  'POST /api/v1/tickets': 'all',
  'GET /api/v1/tickets': 'all',
  'GET /api/v1/tickets/queues': AGENTS,
  'GET /api/v1/tickets/export': 'all',
  'GET /api/v1/tickets/:id': 'all',
  'PATCH /api/v1/tickets/:id': 'all',
  'POST /api/v1/tickets/:id/transitions': 'all',
  'GET /api/v1/tickets/:id/messages': 'all',
  'POST /api/v1/tickets/:id/messages': 'all',
  'GET /api/v1/tickets/:id/history': 'all',
  'POST /api/v1/attachments': 'all',
  'GET /api/v1/attachments/:id': 'all',
  'GET /api/v1/catalog': 'all',
  'GET /api/v1/sla/calendars': ['admin'],
  'POST /api/v1/sla/calendars': ['admin'],
  'PUT /api/v1/sla/calendars/:id': ['admin'],
  'DELETE /api/v1/sla/calendars/:id': ['admin'],
  'GET /api/v1/sla/policies': ['admin'],
  'POST /api/v1/sla/policies': ['admin'],
  'PUT /api/v1/sla/policies/:id': ['admin'],
  'DELETE /api/v1/sla/policies/:id': ['admin'],
  'GET /api/v1/contracts': ['admin'],
  'POST /api/v1/contracts': ['admin'],
  'PUT /api/v1/contracts/:id': ['admin'],
  'DELETE /api/v1/contracts/:id': ['admin'],
  'POST /api/v1/tickets/:id/escalate': ['operator', 'engineer', 'manager', 'admin'],
  'POST /api/v1/tickets/:id/escalate-vendor': ['engineer', 'manager', 'admin'],
  'GET /api/v1/organizations': AGENTS,
  'POST /api/v1/organizations': ['admin'],
  'GET /api/v1/organizations/:id': ['admin'],
  'PATCH /api/v1/organizations/:id': ['admin'],
  'DELETE /api/v1/organizations/:id': ['admin'],
  'GET /api/v1/vendors': ['engineer', 'manager', 'admin'],
  'POST /api/v1/vendors': ['admin'],
  'PUT /api/v1/vendors/:id': ['admin'],
  'DELETE /api/v1/vendors/:id': ['admin'],
  'GET /api/v1/workflow': ['admin'],
  'PUT /api/v1/workflow/statuses/:key': ['admin'],
  'DELETE /api/v1/workflow/statuses/:key': ['admin'],
  'PUT /api/v1/workflow/types/:key': ['admin'],
  'DELETE /api/v1/workflow/types/:key': ['admin'],
  'PUT /api/v1/workflow/transitions': ['admin'],
  'GET /api/v1/api-tokens': ['admin'],
  'GET /api/v1/api-tokens/scopes': ['admin'],
  'POST /api/v1/api-tokens': ['admin'],
  'DELETE /api/v1/api-tokens/:id': ['admin'],
  'GET /api/v1/me/api-tokens': AGENTS,
  'GET /api/v1/me/api-tokens/scopes': AGENTS,
  'POST /api/v1/me/api-tokens': AGENTS,
  'DELETE /api/v1/me/api-tokens/:id': AGENTS,
  'GET /api/v1/mail/accounts': ['admin'],
  'POST /api/v1/mail/accounts': ['admin'],
  'PUT /api/v1/mail/accounts/:id': ['admin'],
  'DELETE /api/v1/mail/accounts/:id': ['admin'],
  'POST /api/v1/mail/accounts/:id/test': ['admin'],
  'POST /api/v1/mail/accounts/:id/poll': ['admin'],
  'GET /api/v1/mail/receipts': ['admin'],
  'GET /api/v1/mail/receipts/:id': ['admin'],
  'GET /api/v1/mail/receipts/:id/raw': ['admin'],
  'POST /api/v1/mail/receipts/:id/retry': ['admin'],
  'GET /api/v1/mail/outbound': ['admin'],
  'GET /api/v1/mail/outbound/:id': ['admin'],
  'POST /api/v1/mail/outbound/:id/resend': ['admin'],
  'GET /api/v1/mail/status': ['admin'],
  'GET /api/v1/tickets/:id/mail': AGENTS,
  'GET /api/v1/tickets/:id/links': 'all',
  'GET /api/v1/notification-rules': ['admin'],
  'POST /api/v1/notification-rules': ['admin'],
  'PUT /api/v1/notification-rules/:id': ['admin'],
  'DELETE /api/v1/notification-rules/:id': ['admin'],
  'POST /api/v1/notification-rules/explain': ['admin'],
  'GET /api/v1/me/notification-settings': 'all',
  'PUT /api/v1/me/notification-settings': 'all',
  'GET /api/v1/notifications': 'all',
  'GET /api/v1/notifications/unread-count': 'all',
  'POST /api/v1/notifications/read-all': 'all',
  'POST /api/v1/notifications/:id/read': 'all',
  'GET /api/v1/tickets/:id/watchers': 'all',
  'PUT /api/v1/tickets/:id/watch': 'all',
  'DELETE /api/v1/tickets/:id/watch': 'all',
  'POST /api/v1/tickets/:id/cc': 'all',
  'DELETE /api/v1/tickets/:id/cc': 'all',
  'POST /api/v1/kb/categories': ['manager', 'admin'],
  'PUT /api/v1/kb/categories/:id': ['manager', 'admin'],
  'DELETE /api/v1/kb/categories/:id': ['manager', 'admin'],
  'POST /api/v1/kb/articles': AGENTS,
  'PATCH /api/v1/kb/articles/:id': AGENTS,
  'DELETE /api/v1/kb/articles/:id': ['manager', 'admin'],
  'GET /api/v1/kb/articles/:id/feedback': AGENTS,
  'PUT /api/v1/kb/articles/:id/translations/:locale': AGENTS,
  'POST /api/v1/kb/articles/:id/publish': ['manager', 'admin'],
  'POST /api/v1/kb/articles/:id/archive': ['manager', 'admin'],
  'GET /api/v1/kb/articles/:id/versions': AGENTS,
  'GET /api/v1/kb/articles/:id/diff': AGENTS,
  'POST /api/v1/kb/articles/:id/versions/:versionId/restore': AGENTS,
  'POST /api/v1/kb/articles/from-ticket/:ticketId': AGENTS,
  'POST /api/v1/kb/articles/:id/files': AGENTS,
  'GET /api/v1/kb/reports/deflections': ['manager', 'admin'],
  'GET /api/v1/canned-responses': AGENTS,
  'POST /api/v1/canned-responses': AGENTS,
  'PUT /api/v1/canned-responses/:id': AGENTS,
  'DELETE /api/v1/canned-responses/:id': AGENTS,
  'POST /api/v1/canned-responses/:id/render': AGENTS,
  'GET /api/v1/search': 'all',
};

/**
 * Every API route × every default role. Each route must declare who may call it (or be
 * listed as public), and the outcome for each default role must match the table above: a new
 * route without a rule or without a table entry fails, and so does a rule that lets a role
 * through that the table does not.
 */
describeEachDialect('authorization matrix', (dialect) => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  let ticketId = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    for (const role of DEFAULT_ROLE_KEYS)
      clients.set(role, await loginAs(t, await makeUser(t, role, { groupTier: 1 })));
    // A ticket owned by someone else, so object rules still deny what route rules allow.
    const other = await loginAs(t, await makeUser(t, 'customer'));
    ticketId = (await openTicket(other)).id;
  });
  afterAll(async () => t.close());

  it('gives every API route an access rule', () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api/v1/'));
    expect(api.length).toBeGreaterThan(20);
    const withoutRule = api.filter((r) => !r.public && r.permission === undefined).map((r) => `${r.method} ${r.url}`);
    expect(withoutRule).toEqual([]);
    const publicRoutes = api.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'POST /api/v1/auth/email-confirmation/confirm',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/confirm',
        'POST /api/v1/auth/register',
        'POST /api/v1/kb/articles/:id/feedback',
        'POST /api/v1/kb/deflections',
        'GET /api/v1/kb/articles',
        'GET /api/v1/kb/articles/:id',
        'GET /api/v1/kb/categories',
        'GET /api/v1/kb/files/:id',
        'GET /api/v1/kb/suggest',
        'GET /api/v1/kb/tags',
      ].sort(),
    );
  });

  it('lets each role through exactly the routes the role table allows', async () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api/v1/') && !r.public && r.url !== '/api/v1/events');
    const unknown = api.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in EXPECTED));
    expect(unknown, 'routes missing from the expectation table').toEqual([]);
    const mismatches: string[] = [];
    for (const role of DEFAULT_ROLE_KEYS) {
      const client = clients.get(role)!;
      for (const route of api) {
        const url = route.url.replace(
          ':id',
          String(route.url.startsWith('/api/v1/users') ? client.actor.id : ticketId),
        );
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { cookie: `fd_session=${client.cookie}`, 'x-csrf-token': client.csrfToken },
          // An empty body: allowed calls fail validation (400) or object rules, never a permission.
          ...(route.method !== 'GET' && route.method !== 'DELETE' && { payload: {} }),
        });
        const denied = res.statusCode === 403 && res.json().error.code === 'forbidden';
        const allowed = EXPECTED[`${route.method} ${route.url}`];
        const shouldPass = allowed === 'all' || allowed.includes(role);
        if (denied === shouldPass) mismatches.push(`${role} ${route.method} ${route.url} -> ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("never lets a customer succeed on a route about another customer's ticket", async () => {
    // Route rules let customers through to these; the object rules must still say no.
    const customer = clients.get('customer')!;
    const ticketRoutes = t.routes.filter((r) => r.url.startsWith('/api/v1/tickets/:id'));
    expect(ticketRoutes.length).toBeGreaterThan(10);
    const succeeded: string[] = [];
    for (const route of ticketRoutes) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url.replace(':id', String(ticketId)),
        headers: { cookie: `fd_session=${customer.cookie}`, 'x-csrf-token': customer.csrfToken },
        ...(route.method !== 'GET' && route.method !== 'DELETE' && { payload: {} }),
      });
      if (res.statusCode < 300) succeeded.push(`${route.method} ${route.url} -> ${res.statusCode}`);
    }
    expect(succeeded).toEqual([]);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const api = t.routes.filter((r) => r.url.startsWith('/api/v1/') && !r.public);
    for (const route of api) {
      const res = await t.app.inject({ method: route.method as 'GET', url: route.url.replace(':id', '1') });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
