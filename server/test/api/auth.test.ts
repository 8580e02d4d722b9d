import { afterEach, beforeEach, expect, it } from 'vitest';
import { loginAs, makeUser, PASSWORD } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('auth', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { loginRateLimit: 5 });
  });
  afterEach(async () => t.close());

  const register = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });

  it('registration signs nobody in; the password then logs in with an HttpOnly session cookie', async () => {
    const res = await register({ email: 'Jane@Example.TEST', password: 'longenough', name: 'Jane', locale: 'uk' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'check_mailbox' });
    expect(res.cookies).toEqual([]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'jane@example.test', password: 'longenough' },
    });
    const body = login.json();
    expect(body.user).toMatchObject({ email: 'jane@example.test', role: 'customer', locale: 'uk', active: true });
    expect(body.user).not.toHaveProperty('password_hash');
    const cookie = login.cookies.find((c) => c.name === 'fd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `fd_session=${cookie?.value}` },
    });
    expect(me.json().permissions).toContain('ticket.create');
    expect(me.json().permissions).not.toContain('ticket.note.read');
  });

  it('rejects bad input naming the field and creates nothing', async () => {
    const bad = await register({ email: 'not-an-email', password: 'short', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.fields).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    const count = await t.ctx.db.kysely
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('answers a second registration of an address the same as the first, and keeps one account', async () => {
    const first = await register({ email: 'a@example.test', password: 'longenough', name: 'A' });
    const again = await register({ email: 'A@example.test', password: 'otherpassword', name: 'A2' });
    expect([first.statusCode, first.json()]).toEqual([202, { status: 'check_mailbox' }]);
    expect([again.statusCode, again.json()]).toEqual([202, { status: 'check_mailbox' }]);
    const rows = await t.ctx.db.kysely
      .selectFrom('users')
      .select('name')
      .where('email', '=', 'a@example.test')
      .execute();
    expect(rows).toEqual([{ name: 'A' }]);
  });

  it('logs in with the right password only', async () => {
    const user = await makeUser(t, 'operator');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@y.z', password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);
    const client = await loginAs(t, user);
    expect((await client.get('/api/v1/me')).json().user.email).toBe(user.email);
  });

  it('rate-limits login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'x@y.z', password: 'wrong-pass' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const customer = await makeUser(t, 'customer');
    const client = await loginAs(t, customer);
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { cookie: `fd_session=${client.cookie}` },
      payload: { subject: 'S', body: 'B' },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe('csrf_failed');
    const tickets = await t.ctx.db.kysely.selectFrom('tickets').select('id').execute();
    expect(tickets).toHaveLength(0);
    expect((await client.post('/api/v1/tickets', { subject: 'S', body: 'B' })).statusCode).toBe(201);
  });

  it('accepts API tokens without CSRF and refuses revoked ones', async () => {
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    const created = await admin.post('/api/v1/api-tokens', { name: 'monitoring' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const stored = await t.ctx.db.kysely.selectFrom('api_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    const viaToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: auth,
      payload: { subject: 'Disk full', body: 'On srv-1' },
    });
    expect(viaToken.statusCode).toBe(201);
    expect(viaToken.json().channel).toBe('api');
    expect((await admin.del(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: auth });
    expect(revoked.statusCode).toBe(401);
  });

  it('denies anonymous access to the API but serves health publicly', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const openapi = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(Object.keys(openapi.json().paths)).toContain('/api/v1/tickets/{id}/transitions');
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/frontdesk_http_requests_total\{method="GET",route="\/api\/v1\/tickets",status="401"\} 1/);
  });

  it('ends the session on logout', async () => {
    const client = await loginAs(t, await makeUser(t, 'customer'));
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });
});
