import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('my API tokens', (dialect) => {
  let t: TestApp;
  let engineer: Client;
  let operator: Client;
  let admin: Client;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    engineer = await loginAs(t, await makeUser(t, 'engineer'));
    operator = await loginAs(t, await makeUser(t, 'operator'));
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const activeTokens = () =>
    t.ctx.db.kysely.selectFrom('api_tokens').select(['id', 'user_id']).where('revoked_at', 'is', null).execute();

  it('lets an engineer create, list, use and revoke a token acting as themselves', async () => {
    const created = await engineer.post('/api/v1/me/api-tokens', {
      name: 'my script',
      scopes: ['menu.agent', 'ticket.read.group'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json() as { id: number; token: string };

    const listed = await engineer.get('/api/v1/me/api-tokens');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([
      expect.objectContaining({
        id,
        name: 'my script',
        userId: engineer.actor.id,
        scopes: ['menu.agent', 'ticket.read.group'],
      }),
    ]);
    // Admins see it in token administration too.
    expect((await admin.get('/api/v1/api-tokens')).json().items.map((i: { id: number }) => i.id)).toEqual([id]);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().permissions).toEqual(['menu.agent', 'ticket.read.group']);

    expect((await engineer.del(`/api/v1/me/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await engineer.get('/api/v1/me/api-tokens')).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await engineer.del(`/api/v1/me/api-tokens/${id}`)).statusCode).toBe(404);
  });

  it("neither lists nor revokes another user's token: 404, and it keeps working", async () => {
    const theirs = (await operator.post('/api/v1/me/api-tokens', { name: 'operator script' })).json();
    const admins = (await admin.post('/api/v1/api-tokens', { name: 'integration', userId: operator.actor.id })).json();
    expect((await engineer.get('/api/v1/me/api-tokens')).json().items).toEqual([]);
    for (const id of [theirs.id, admins.id]) {
      const res = await engineer.del(`/api/v1/me/api-tokens/${id}`);
      expect(res.statusCode).toBe(404);
    }
    // Even an admin reaches only their own tokens through /me.
    expect((await admin.get('/api/v1/me/api-tokens')).json().items).toEqual([]);
    expect((await admin.del(`/api/v1/me/api-tokens/${theirs.id}`)).statusCode).toBe(404);
    expect((await activeTokens()).map((r) => r.id).sort()).toEqual([theirs.id, admins.id].sort());
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(theirs.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(operator.actor.id);
  });

  it('always makes the token act as the caller, whatever userId the body names', async () => {
    const res = await engineer.post('/api/v1/me/api-tokens', { name: 'sneaky', userId: admin.actor.id });
    expect(res.statusCode).toBe(201);
    expect((await activeTokens()).every((r) => r.user_id === engineer.actor.id)).toBe(true);
  });

  it('refuses customers with 403', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    await openTicket(customer);
    expect((await customer.get('/api/v1/me/api-tokens')).statusCode).toBe(403);
    expect((await customer.get('/api/v1/me/api-tokens/scopes')).statusCode).toBe(403);
    expect((await customer.post('/api/v1/me/api-tokens', { name: 'x' })).statusCode).toBe(403);
    expect((await customer.del('/api/v1/me/api-tokens/1')).statusCode).toBe(403);
    expect(await activeTokens()).toEqual([]);
  });

  it('refuses scopes beyond my role with 400 naming scopes, and offers only my permissions', async () => {
    for (const scopes of [['menu.agent', 'admin.users.manage'], ['ticket.read.all'], ['ticket.teleport'], []]) {
      const res = await engineer.post('/api/v1/me/api-tokens', { name: 'too wide', scopes });
      expect(res.statusCode, JSON.stringify(scopes)).toBe(400);
      expect(res.json().error.fields).toEqual(['scopes']);
    }
    expect(await activeTokens()).toEqual([]);
    const offered = (await engineer.get('/api/v1/me/api-tokens/scopes'))
      .json()
      .groups.flatMap((g: { permissions: string[] }) => g.permissions);
    expect(offered).toContain('ticket.read.group');
    expect(offered).toContain('api.tokens.own');
    expect(offered).not.toContain('ticket.read.all');
    expect(offered).not.toContain('admin.tokens.manage');
  });

  it('keeps a scoped token from minting a wider token of its own', async () => {
    const { token } = (
      await engineer.post('/api/v1/me/api-tokens', { name: 'minter', scopes: ['menu.agent', 'api.tokens.own'] })
    ).json();
    const mint = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/api-tokens', headers: bearer(token), payload });
    expect((await mint({ name: 'everything' })).statusCode).toBe(403);
    expect((await mint({ name: 'wider', scopes: ['ticket.reply'] })).statusCode).toBe(403);
    expect((await activeTokens()).length).toBe(1);
    expect((await mint({ name: 'narrower', scopes: ['api.tokens.own'] })).statusCode).toBe(201);
    // A token without the permission cannot reach these routes at all.
    const { token: reader } = (
      await engineer.post('/api/v1/me/api-tokens', { name: 'reader', scopes: ['menu.agent'] })
    ).json();
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/me/api-tokens', headers: bearer(reader) });
    expect(denied.statusCode).toBe(403);
  });
});
