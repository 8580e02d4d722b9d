import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('user administration', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('creates users with a role who can then log in', async () => {
    const res = await admin.post('/api/v1/users', {
      email: 'eng@example.test',
      name: 'Eng',
      role: 'engineer',
      password: 'longenough',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'engineer', active: true });
    expect((await login('eng@example.test', 'longenough')).statusCode).toBe(200);
    const unknownRole = await admin.post('/api/v1/users', { email: 'x@example.test', name: 'X', role: 'wizard' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.fields).toEqual(['role']);
  });

  it('changes roles, and a role change applies to the next request', async () => {
    const user = await makeUser(t, 'customer');
    const client = await loginAs(t, user);
    expect((await client.get('/api/v1/tickets/queues')).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { role: 'operator' })).json().role).toBe('operator');
    expect((await client.get('/api/v1/tickets/queues')).statusCode).toBe(200);
  });

  it('deactivates a user: their sessions end and they cannot log in', async () => {
    const user = await makeUser(t, 'operator');
    const client = await loginAs(t, user);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { active: false })).json().active).toBe(false);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(user.email, 'correct horse battery')).statusCode).toBe(401);
    const self = await admin.patch(`/api/v1/users/${admin.actor.id}`, { active: false });
    expect(self.statusCode).toBe(400);
  });

  it('resets a password to a temporary one that works once shown', async () => {
    const user = await makeUser(t, 'customer');
    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    expect((await login(user.email, 'correct horse battery')).statusCode).toBe(401);
    expect((await login(user.email, temporaryPassword)).statusCode).toBe(200);
  });

  it('lists and searches users for agents; admins also see inactive ones', async () => {
    const ivan = await makeUser(t, 'customer', { name: 'Ivan Petrenko', email: 'ivan@client.test' });
    const operator = await loginAs(t, await makeUser(t, 'operator'));
    const found = (await operator.get('/api/v1/users?q=petr&role=customer')).json().items;
    expect(found.map((u: { id: number }) => u.id)).toEqual([ivan.id]);
    await admin.patch(`/api/v1/users/${ivan.id}`, { active: false });
    expect((await operator.get('/api/v1/users?q=ivan')).json().items).toHaveLength(0);
    expect((await admin.get('/api/v1/users?q=ivan')).json().items).toHaveLength(1);
    const roles = (await operator.get('/api/v1/roles')).json().items.map((r: { key: string }) => r.key);
    expect(roles).toEqual(['customer', 'operator', 'engineer', 'manager', 'admin']);
  });

  it('lists only active agents with agents=true, custom agent roles included', async () => {
    const role = await admin.post('/api/v1/roles', {
      name: 'Field technician',
      key: 'field_tech',
      permissions: ['menu.agent', 'ticket.read.all'],
    });
    expect(role.statusCode).toBe(201);
    const tech = await makeUser(t, 'field_tech', { name: 'Zed Tech' });
    const operator = await makeUser(t, 'operator', { name: 'Zed Operator' });
    const retired = await makeUser(t, 'engineer', { name: 'Zed Retired' });
    await makeUser(t, 'customer', { name: 'Zed Customer' });
    await admin.patch(`/api/v1/users/${retired.id}`, { active: false });
    const ids = (res: { json: () => { items: { id: number }[] } }) => res.json().items.map((u) => u.id);
    const client = await loginAs(t, operator);
    // Admins see inactive users in the directory, but not among agents to pick.
    for (const who of [client, admin]) {
      const res = await who.get('/api/v1/users?q=zed&agents=true');
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([operator.id, tech.id]);
    }
    expect(ids(await client.get('/api/v1/users?q=zed&agents=false'))).toHaveLength(3);
    const bad = await client.get('/api/v1/users?agents=maybe');
    expect(bad.statusCode).toBe(400);
  });
});
