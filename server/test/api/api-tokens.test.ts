import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Actor } from '../../authz/policy.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('API token scopes', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Actor;
  let operatorId: number;
  let ticketId: number;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await makeUser(t, 'operator');
    operatorId = operator.id;
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    ticketId = (await openTicket(customer)).id;
  });
  afterEach(async () => t.close());

  /** Creates a token acting as the operator; returns a caller that sends it as a Bearer header. */
  async function operatorToken(scopes?: string[]) {
    const res = await admin.post('/api/v1/api-tokens', { name: 'integration', userId: operatorId, scopes });
    expect(res.statusCode, res.body).toBe(201);
    const { token } = res.json() as { token: string };
    return (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse> =>
      t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload && { payload }) });
  }

  const reply = { body: 'We are on it.' };
  const start = { to: 'in_progress' };

  async function setOperatorRole(change: (permissions: string[]) => string[]) {
    const role = await t.ctx.db.kysely
      .selectFrom('roles')
      .select(['id', 'permissions'])
      .where('key', '=', 'operator')
      .executeTakeFirstOrThrow();
    const res = await admin.patch(`/api/v1/roles/${role.id}`, {
      permissions: change(JSON.parse(role.permissions) as string[]),
    });
    expect(res.statusCode, res.body).toBe(200);
  }

  it('lets a read-only token list and read tickets but not reply or move them', async () => {
    const call = await operatorToken(['menu.agent', 'ticket.read.all']);
    const list = await call('GET', '/api/v1/tickets');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(ticketId);
    expect((await call('GET', `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/tickets/${ticketId}/messages`)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/tickets/${ticketId}/messages`, reply)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/tickets/${ticketId}/transitions`, start)).statusCode).toBe(403);
    const me = await call('GET', '/api/v1/me');
    expect(me.json().permissions).toEqual(['menu.agent', 'ticket.read.all']);
    const messages = await t.ctx.db.kysely.selectFrom('ticket_messages').select('id').execute();
    expect(messages).toHaveLength(1);
    const ticket = await t.ctx.db.kysely.selectFrom('tickets').select('status').executeTakeFirstOrThrow();
    expect(ticket.status).toBe('new');
  });

  it('keeps a token without scopes working with all of its user role permissions', async () => {
    const call = await operatorToken();
    expect((await call('POST', `/api/v1/tickets/${ticketId}/messages`, reply)).statusCode).toBe(201);
    expect((await call('POST', `/api/v1/tickets/${ticketId}/transitions`, start)).statusCode).toBe(200);
    const listed = (await admin.get('/api/v1/api-tokens')).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: 'integration', userId: operatorId, scopes: null })]);
    expect(listed[0]).not.toHaveProperty('token_hash');
  });

  it('narrows both full and scoped tokens when the owner role loses a permission', async () => {
    const full = await operatorToken();
    const scoped = await operatorToken(['menu.agent', 'ticket.read.all', 'ticket.reply']);
    expect((await scoped('POST', `/api/v1/tickets/${ticketId}/messages`, reply)).statusCode).toBe(201);
    await setOperatorRole((permissions) => permissions.filter((p) => p !== 'ticket.reply'));
    expect((await full('POST', `/api/v1/tickets/${ticketId}/messages`, reply)).statusCode).toBe(403);
    expect((await scoped('POST', `/api/v1/tickets/${ticketId}/messages`, reply)).statusCode).toBe(403);
    expect((await scoped('GET', `/api/v1/tickets/${ticketId}`)).statusCode).toBe(200);
    expect((await full('POST', `/api/v1/tickets/${ticketId}/transitions`, start)).statusCode).toBe(200);
    // Scopes never add: granting the role a permission later widens only the full token.
    await setOperatorRole((permissions) => [...permissions, 'ticket.reply', 'admin.audit.read']);
    expect((await full('GET', '/api/v1/audit')).statusCode).toBe(200);
    expect((await scoped('GET', '/api/v1/audit')).statusCode).toBe(403);
  });

  it('refuses unknown scopes and scopes the owner does not have, naming scopes', async () => {
    const create = (scopes: unknown, userId = operatorId) =>
      admin.post('/api/v1/api-tokens', { name: 'x', userId, scopes });
    for (const scopes of [['ticket.teleport'], ['ticket.read.all', 'admin.users.manage'], [], 'ticket.reply']) {
      const res = await create(scopes);
      expect(res.statusCode, JSON.stringify(scopes)).toBe(400);
      expect(res.json().error.fields).toEqual(['scopes']);
    }
    const nobody = await create(['ticket.read.all'], 999_999);
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.fields).toEqual(['userId']);
    expect(await t.ctx.db.kysely.selectFrom('api_tokens').select('id').execute()).toEqual([]);
  });

  it('offers as scopes exactly the owner role permissions, grouped like the role checklist', async () => {
    const res = await admin.get(`/api/v1/api-tokens/scopes?userId=${operatorId}`);
    expect(res.statusCode).toBe(200);
    const groups = res.json().groups as { key: string; permissions: string[] }[];
    expect(groups.map((g) => g.key)).toEqual(['areas', 'tickets', 'people', 'knowledge']);
    const offered = groups.flatMap((g) => g.permissions).sort();
    const role = await t.ctx.db.kysely
      .selectFrom('roles')
      .select('permissions')
      .where('key', '=', 'operator')
      .executeTakeFirstOrThrow();
    expect(offered).toEqual((JSON.parse(role.permissions) as string[]).sort());
  });

  it('keeps token administration to admins, and a scoped token from minting a wider one', async () => {
    const call = await operatorToken();
    const { id } = (await admin.post('/api/v1/api-tokens', { name: 'admin-own' })).json();
    // The operator (by session or token) can neither see nor revoke anyone's tokens.
    const session = await loginAs(t, operator);
    expect((await session.get('/api/v1/api-tokens')).statusCode).toBe(403);
    expect((await session.del(`/api/v1/api-tokens/${id}`)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/api-tokens')).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/api-tokens/${id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/v1/api-tokens')).json().items).toHaveLength(2);

    // An admin token scoped to token administration cannot hand out more than its own scopes.
    const created = await admin.post('/api/v1/api-tokens', {
      name: 'token-robot',
      scopes: ['menu.admin', 'admin.tokens.manage'],
    });
    const robot = { authorization: `Bearer ${created.json().token}` };
    const mint = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/api-tokens', headers: robot, payload });
    expect((await mint({ name: 'wide' })).statusCode).toBe(403);
    expect((await mint({ name: 'wide', scopes: ['admin.users.manage'] })).statusCode).toBe(403);
    expect((await mint({ name: 'narrow', scopes: ['admin.tokens.manage'] })).statusCode).toBe(201);
    const scopes = await t.app.inject({ method: 'GET', url: '/api/v1/api-tokens/scopes', headers: robot });
    expect(scopes.json().groups.flatMap((g: { permissions: string[] }) => g.permissions)).toEqual([
      'menu.admin',
      'admin.tokens.manage',
    ]);
  });
});
