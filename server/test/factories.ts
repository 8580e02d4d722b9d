import type { LightMyRequestResponse } from 'fastify';
import type { Actor } from '../authz/policy.ts';
import { loadActor } from '../modules/auth/actor.ts';
import { createUser } from '../modules/users/users.service.ts';
import type { TestApp } from './harness.ts';

export const PASSWORD = 'correct horse battery';
let sequence = 0;

/** Creates an organization and returns its id. */
export async function makeOrganization(t: TestApp, name = 'Org', options: { domain?: string; shared?: boolean } = {}) {
  const row = await t.ctx.db.kysely
    .insertInto('organizations')
    .values({
      name,
      domain: options.domain ?? null,
      shared_tickets: options.shared ? 1 : 0,
      created_at: t.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Creates a user with a role (and optionally a support group by tier) and returns the actor. */
export async function makeUser(
  t: TestApp,
  role: string,
  options: { name?: string; email?: string; organizationId?: number; groupTier?: number } = {},
): Promise<Actor> {
  sequence += 1;
  const user = await createUser(t.ctx, {
    email: options.email ?? `${role}${sequence}@example.test`,
    name: options.name ?? `${role} ${sequence}`,
    role,
    password: PASSWORD,
    organizationId: options.organizationId ?? null,
  });
  if (options.groupTier !== undefined) {
    const group = await t.ctx.db.kysely
      .selectFrom('support_groups')
      .select('id')
      .where('tier', '=', options.groupTier)
      .executeTakeFirstOrThrow();
    await t.ctx.db.kysely.insertInto('group_members').values({ group_id: group.id, user_id: user.id }).execute();
  }
  return (await loadActor(t.ctx.db, user.id))!;
}

/** A logged-in HTTP client: sends the session cookie and CSRF header like the web app does. */
export interface Client {
  actor: Actor;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

/** Logs a user in over HTTP and returns a client bound to that session. */
export async function loginAs(t: TestApp, actor: Actor, password = PASSWORD): Promise<Client> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: actor.email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return sessionClient(t, actor, res);
}

/**
 * A client bound to the session a response opened: its `fd_session` cookie and the CSRF token in
 * its body (a login, or a used confirmation link).
 */
export function sessionClient(t: TestApp, actor: Actor, res: LightMyRequestResponse): Client {
  const cookie = res.cookies.find((c) => c.name === 'fd_session')?.value;
  if (!cookie) throw new Error(`no session: ${res.statusCode} ${res.body}`);
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const headers = { cookie: `fd_session=${cookie}`, 'x-csrf-token': csrfToken };
  return {
    actor,
    cookie,
    csrfToken,
    get: (url) => t.app.inject({ method: 'GET', url, headers }),
    post: (url, body) =>
      t.app.inject({ method: 'POST', url, headers, ...(body !== undefined && { payload: body as object }) }),
    patch: (url, body) => t.app.inject({ method: 'PATCH', url, headers, payload: body as object }),
    put: (url, body) => t.app.inject({ method: 'PUT', url, headers, payload: body as object }),
    del: (url) => t.app.inject({ method: 'DELETE', url, headers }),
  };
}

/** Creates a ticket over HTTP as the client and returns its JSON. */
export async function openTicket(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/tickets', {
    subject: 'Printer is broken',
    body: 'It prints blank pages.',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json() as TicketJson;
}

export interface TicketJson {
  id: number;
  number: number;
  status: string;
  subject?: string;
  priority?: string;
  ownerId?: number | null;
  requesterId?: number;
  channel?: string;
  groupId?: number | null;
  abilities: { transitions: { to: string; requires: string[] }[]; fields: Record<string, string> };
}
