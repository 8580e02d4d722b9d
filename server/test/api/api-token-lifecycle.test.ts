import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

/**
 * Token expiry, audit of creation and revocation, trimmed names and last use (ADR 0024,
 * addendum), through token administration (`/api-tokens`) and one's own (`/me/api-tokens`).
 */
describeEachDialect('API token expiry, audit, names and last use', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let engineer: Client;
  let ticketId: number;

  const HOUR = 3_600_000;
  const MINUTE = 60_000;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin', { name: 'Ada Admin' }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { name: 'Eve Engineer' }));
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    ticketId = (await openTicket(customer)).id;
  });
  afterEach(async () => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const inFromNow = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const storedTokens = () =>
    t.ctx.db.kysely
      .selectFrom('api_tokens')
      .select(['id', 'name', 'expires_at', 'last_used_at', 'revoked_at', 'token_hash'])
      .orderBy('id')
      .execute();
  const auditOfTokens = () =>
    t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('entity', '=', 'api_token').orderBy('id').execute();
  const messageCount = async () =>
    (await t.ctx.db.kysely.selectFrom('ticket_messages').select('id').where('ticket_id', '=', ticketId).execute())
      .length;

  /** The two ways to create a token: for the admin through administration, for the engineer through /me. */
  const routes = () =>
    [
      { label: 'admin', client: admin, base: '/api/v1/api-tokens' },
      { label: 'own', client: engineer, base: '/api/v1/me/api-tokens' },
    ] as const;

  it('refuses an expired token with 401 like a revoked one, and does nothing with it', async () => {
    const created = await admin.post('/api/v1/me/api-tokens', { name: 'short-lived', expiresAt: inFromNow(HOUR) });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json() as { id: number; token: string };
    const reply = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/tickets/${ticketId}/messages`,
        headers: bearer(token),
        payload: { body: 'On it.' },
      });

    t.clock.advance(HOUR - 1);
    expect((await reply()).statusCode).toBe(201);
    expect(await messageCount()).toBe(2);
    const usedAt = t.clock.now().toISOString();

    t.clock.advance(1); // exactly the expiry instant: refused from here on
    const refused = await reply();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthenticated');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
    expect(await messageCount()).toBe(2);
    // A refused request is not a use.
    expect((await storedTokens())[0]).toMatchObject({ last_used_at: usedAt, revoked_at: null });

    // Still listed, with its expiry and marked, so its owner or an admin can tidy it up.
    const mine = (await admin.get('/api/v1/me/api-tokens')).json().items;
    expect(mine).toEqual([expect.objectContaining({ id, expiresAt: inFromNow(0), expired: true, lastUsedAt: usedAt })]);
    expect((await admin.get('/api/v1/api-tokens')).json().items).toEqual([
      expect.objectContaining({ id, expired: true }),
    ]);
    expect((await admin.del(`/api/v1/me/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/me/api-tokens')).json().items).toEqual([]);
  });

  it('lists a token without expiry as never expiring, and one in the future as not expired', async () => {
    const forever = await admin.post('/api/v1/api-tokens', { name: 'forever' });
    const dated = await admin.post('/api/v1/api-tokens', { name: 'dated', expiresAt: inFromNow(90 * 24 * HOUR) });
    expect([forever.statusCode, dated.statusCode]).toEqual([201, 201]);
    const items = (await admin.get('/api/v1/api-tokens')).json().items;
    expect(items).toEqual([
      expect.objectContaining({ name: 'forever', expiresAt: null, expired: false }),
      expect.objectContaining({ name: 'dated', expiresAt: inFromNow(90 * 24 * HOUR), expired: false }),
    ]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(dated.json().token) });
    expect(res.statusCode).toBe(200);
  });

  it('refuses an expiry that is past, now, too far or not a date-time with 400 naming expiresAt', async () => {
    for (const { label, client, base } of routes()) {
      for (const expiresAt of [
        inFromNow(-MINUTE),
        inFromNow(0),
        inFromNow(731 * 24 * HOUR),
        'next week',
        '2030-01-01',
      ]) {
        const res = await client.post(base, { name: 'x', expiresAt });
        expect(res.statusCode, `${label} ${expiresAt}`).toBe(400);
        expect(res.json().error.fields, `${label} ${expiresAt}`).toEqual(['expiresAt']);
      }
    }
    expect(await storedTokens()).toEqual([]);
    expect(await auditOfTokens()).toEqual([]);
    // Two years away is still allowed.
    expect(
      (await admin.post('/api/v1/api-tokens', { name: 'x', expiresAt: inFromNow(730 * 24 * HOUR) })).statusCode,
    ).toBe(201);
  });

  it('audits creation and revocation on both routes, with the actor and without the secret', async () => {
    const expiresAt = inFromNow(30 * 24 * HOUR);
    const adminMade = await admin.post('/api/v1/api-tokens', {
      name: 'integration',
      userId: engineer.actor.id,
      scopes: ['menu.agent', 'ticket.read.group'],
      expiresAt,
    });
    const ownMade = await engineer.post('/api/v1/me/api-tokens', { name: 'my script' });
    expect([adminMade.statusCode, ownMade.statusCode]).toEqual([201, 201]);
    t.clock.advance(MINUTE);
    const revokedAt = t.clock.now().toISOString();
    expect((await engineer.del(`/api/v1/me/api-tokens/${adminMade.json().id}`)).statusCode).toBe(204);
    expect((await admin.del(`/api/v1/api-tokens/${ownMade.json().id}`)).statusCode).toBe(204);

    const entries = await auditOfTokens();
    const forAdmins = {
      name: 'integration',
      userId: engineer.actor.id,
      userName: 'Eve Engineer',
      scopes: ['menu.agent', 'ticket.read.group'],
      expiresAt,
    };
    const forScript = {
      name: 'my script',
      userId: engineer.actor.id,
      userName: 'Eve Engineer',
      scopes: null,
      expiresAt: null,
    };
    expect(
      entries.map((e) => ({
        actor: e.actor_id,
        id: e.entity_id,
        action: e.action,
        before: e.before === null ? null : JSON.parse(e.before),
        after: e.after === null ? null : JSON.parse(e.after),
      })),
    ).toEqual([
      { actor: admin.actor.id, id: adminMade.json().id, action: 'create', before: null, after: forAdmins },
      { actor: engineer.actor.id, id: ownMade.json().id, action: 'create', before: null, after: forScript },
      {
        actor: engineer.actor.id,
        id: adminMade.json().id,
        action: 'revoke',
        before: forAdmins,
        after: { ...forAdmins, revokedAt },
      },
      {
        actor: admin.actor.id,
        id: ownMade.json().id,
        action: 'revoke',
        before: forScript,
        after: { ...forScript, revokedAt },
      },
    ]);
    // Neither secret nor its hash is anywhere in the log.
    const hashes = (await storedTokens()).map((r) => r.token_hash);
    const logged = JSON.stringify(entries);
    for (const secret of [adminMade.json().token, ownMade.json().token, ...hashes]) {
      expect(logged).not.toContain(secret);
    }
    // Admins read them in the audit log, by entity.
    const listed = await admin.get('/api/v1/audit?entity=api_token');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { action: string }) => i.action)).toEqual([
      'revoke',
      'revoke',
      'create',
      'create',
    ]);
  });

  it('writes no audit entry for a refused creation or revocation', async () => {
    const { id } = (await admin.post('/api/v1/api-tokens', { name: 'admin only' })).json();
    const before = await auditOfTokens();
    expect(before).toHaveLength(1);
    expect(
      (await engineer.post('/api/v1/me/api-tokens', { name: 'x', scopes: ['admin.users.manage'] })).statusCode,
    ).toBe(400);
    expect((await engineer.del(`/api/v1/me/api-tokens/${id}`)).statusCode).toBe(404);
    expect((await admin.del(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await admin.del(`/api/v1/api-tokens/${id}`)).statusCode).toBe(404);
    expect((await auditOfTokens()).map((e) => e.action)).toEqual(['create', 'revoke']);
  });

  it('trims token names, and refuses a blank one with 400 naming name, storing nothing', async () => {
    for (const { label, client, base } of routes()) {
      for (const name of ['   ', '\t \n']) {
        const res = await client.post(base, { name });
        expect(res.statusCode, label).toBe(400);
        expect(res.json().error.fields, label).toEqual(['name']);
      }
    }
    expect(await storedTokens()).toEqual([]);
    expect(await auditOfTokens()).toEqual([]);

    expect((await admin.post('/api/v1/api-tokens', { name: '  Nightly export \t' })).statusCode).toBe(201);
    expect((await engineer.post('/api/v1/me/api-tokens', { name: '\n queue script  ' })).statusCode).toBe(201);
    expect((await storedTokens()).map((r) => r.name)).toEqual(['Nightly export', 'queue script']);
    expect((await engineer.get('/api/v1/me/api-tokens')).json().items.map((i: { name: string }) => i.name)).toEqual([
      'queue script',
    ]);
    expect((await auditOfTokens()).map((e) => JSON.parse(e.after ?? '{}').name)).toEqual([
      'Nightly export',
      'queue script',
    ]);
  });

  it('records last use at most once a minute per token, and shows it in both lists', async () => {
    const { id, token } = (await engineer.post('/api/v1/me/api-tokens', { name: 'poller' })).json();
    const lastUsed = async () => {
      const mine = (await engineer.get('/api/v1/me/api-tokens')).json().items[0].lastUsedAt;
      const all = (await admin.get('/api/v1/api-tokens')).json().items.find((i: { id: number }) => i.id === id);
      expect(all.lastUsedAt).toBe(mine);
      return mine as string | null;
    };
    const use = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
    };
    expect(await lastUsed()).toBeNull();

    const first = t.clock.now().toISOString();
    await use();
    expect(await lastUsed()).toBe(first);
    t.clock.advance(30_000);
    await use();
    t.clock.advance(29_000);
    await use();
    expect(await lastUsed()).toBe(first); // within the minute: not written again
    t.clock.advance(2_000);
    await use();
    expect(await lastUsed()).toBe(t.clock.now().toISOString());
  });
});
