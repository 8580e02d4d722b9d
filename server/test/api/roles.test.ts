import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

interface RoleJson {
  id: number;
  key: string;
  name: string;
  permissions: string[];
  fieldRules: {
    default: Record<string, string>;
    overrides: { field: string; access: string; types?: string[]; statuses?: string[] }[];
  };
  userCount: number;
}

describeEachDialect('roles and field rules', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let engineer: Client;
  let customer: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    customer = await loginAs(t, await makeUser(t, 'customer'));
  });
  afterEach(async () => t.close());

  const roles = async (): Promise<RoleJson[]> => (await admin.get('/api/v1/roles')).json().items;
  const role = async (key: string) => (await roles()).find((r) => r.key === key)!;

  async function engineerTicket() {
    const ticket = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id, priority: 'high' });
    return ticket;
  }

  it('creates, copies, renames and deletes roles, refusing what must not go', async () => {
    const created = await admin.post('/api/v1/roles', {
      name: 'Night shift',
      permissions: ['menu.agent', 'ticket.read.all'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'night_shift',
      userCount: 0,
      permissions: ['menu.agent', 'ticket.read.all'],
    });

    const engineerRole = await role('engineer');
    const copy = (await admin.post('/api/v1/roles', { name: 'Senior engineer', copyFromId: engineerRole.id })).json();
    expect(copy.permissions).toEqual([...engineerRole.permissions].sort());
    expect(copy.fieldRules).toEqual(engineerRole.fieldRules);

    const renamed = await admin.patch(`/api/v1/roles/${copy.id}`, { name: 'Lead engineer' });
    expect(renamed.json()).toMatchObject({ name: 'Lead engineer', key: 'senior_engineer' });

    expect((await admin.del(`/api/v1/roles/${created.json().id}`)).statusCode).toBe(204);
    const inUse = await admin.del(`/api/v1/roles/${engineerRole.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('role_in_use');
    const required = await admin.del(`/api/v1/roles/${(await role('customer')).id}`);
    expect(required.json().error.code).toBe('role_required');
    expect((await roles()).map((r) => r.key)).toEqual([
      'customer',
      'operator',
      'engineer',
      'manager',
      'admin',
      'senior_engineer',
    ]);
  });

  it('refuses unknown permissions and malformed field rules, changing nothing', async () => {
    const engineerRole = await role('engineer');
    const bad = await admin.patch(`/api/v1/roles/${engineerRole.id}`, { permissions: ['ticket.fly'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(['permissions']);
    const badRules = await admin.patch(`/api/v1/roles/${engineerRole.id}`, {
      fieldRules: { default: { ...engineerRole.fieldRules.default, priority: 'maybe' }, overrides: [] },
    });
    expect(badRules.statusCode).toBe(400);
    expect(badRules.json().error.fields).toEqual(['fieldRules']);
    expect(await role('engineer')).toEqual(engineerRole);
    const self = await admin.patch(`/api/v1/roles/${(await role('admin')).id}`, { permissions: ['menu.admin'] });
    expect(self.statusCode).toBe(400);
  });

  it('hides a field everywhere at once when an admin makes it hidden for a role', async () => {
    const ticket = await engineerTicket();
    const engineerRole = await role('engineer');
    const rules = { ...engineerRole.fieldRules, default: { ...engineerRole.fieldRules.default, priority: 'hidden' } };
    expect((await admin.patch(`/api/v1/roles/${engineerRole.id}`, { fieldRules: rules })).statusCode).toBe(200);

    const card = (await engineer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(card).not.toHaveProperty('priority');
    expect(card.abilities.fields).not.toHaveProperty('priority');
    const list = (await engineer.get('/api/v1/tickets')).json().items;
    expect(list.every((i: object) => !('priority' in i))).toBe(true);
    const history = (await engineer.get(`/api/v1/tickets/${ticket.id}/history`)).json().items;
    expect(history.map((h: { field: string }) => h.field)).not.toContain('priority');
    expect(JSON.stringify(history)).not.toContain('high');

    const write = await engineer.patch(`/api/v1/tickets/${ticket.id}`, {
      priority: 'low',
      subject: 'still mine to edit',
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error).toMatchObject({ code: 'field_forbidden', fields: ['priority'] });
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({
      priority: 'high',
      subject: ticket.subject,
    });
    const csv = (await engineer.get('/api/v1/tickets/export')).body;
    expect(csv.split('\r\n')[0]).not.toContain('priority');
    expect(csv).not.toContain('high');
    expect((await operator.get('/api/v1/tickets/export')).body.split('\r\n')[0]).toContain('priority');
    // Other roles are untouched.
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json().abilities.fields.priority).toBe('write');
  });

  it('narrows a rule by status: priority becomes read-only for engineers once resolved', async () => {
    const ticket = await engineerTicket();
    const engineerRole = await role('engineer');
    await admin.patch(`/api/v1/roles/${engineerRole.id}`, {
      fieldRules: {
        ...engineerRole.fieldRules,
        overrides: [{ field: 'priority', access: 'read', statuses: ['resolved', 'closed'] }],
      },
    });
    expect((await engineer.patch(`/api/v1/tickets/${ticket.id}`, { priority: 'urgent' })).statusCode).toBe(200);
    await engineer.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'resolved', solution: 'Done' });
    const resolved = (await engineer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(resolved).toMatchObject({ priority: 'urgent' });
    expect(resolved.abilities.fields.priority).toBe('read');
    const refused = await engineer.patch(`/api/v1/tickets/${ticket.id}`, { priority: 'low' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields).toEqual(['priority']);
  });

  it('narrows a rule by ticket type, the most specific override winning', async () => {
    const change = await openTicket(customer, { type: 'change_request' });
    const incident = await openTicket(customer, { type: 'incident' });
    for (const id of [change.id, incident.id])
      await operator.patch(`/api/v1/tickets/${id}`, { ownerId: engineer.actor.id });
    const engineerRole = await role('engineer');
    await admin.patch(`/api/v1/roles/${engineerRole.id}`, {
      fieldRules: {
        ...engineerRole.fieldRules,
        overrides: [
          { field: 'serviceId', access: 'hidden', types: ['change_request'] },
          { field: 'serviceId', access: 'write', types: ['change_request'], statuses: ['assigned'] },
        ],
      },
    });
    expect((await engineer.get(`/api/v1/tickets/${incident.id}`)).json()).toHaveProperty('serviceId');
    expect((await engineer.get(`/api/v1/tickets/${change.id}`)).json().abilities.fields.serviceId).toBe('write');
    await engineer.post(`/api/v1/tickets/${change.id}/transitions`, { to: 'in_progress' });
    expect((await engineer.get(`/api/v1/tickets/${change.id}`)).json()).not.toHaveProperty('serviceId');
  });

  it('records every role change in the audit log for admins', async () => {
    const created = (await admin.post('/api/v1/roles', { name: 'Auditor', permissions: ['menu.reports'] })).json();
    await admin.patch(`/api/v1/roles/${created.id}`, { permissions: ['menu.reports', 'ticket.read.all'] });
    await admin.del(`/api/v1/roles/${created.id}`);
    const audit = (await admin.get('/api/v1/audit?entity=role')).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]).toMatchObject({
      actorId: admin.actor.id,
      entityId: created.id,
      before: expect.objectContaining({ permissions: ['menu.reports'] }),
      after: expect.objectContaining({ permissions: ['menu.reports', 'ticket.read.all'] }),
    });
    const page = (await admin.get('/api/v1/audit?limit=2')).json();
    expect(page.items).toHaveLength(2);
    expect((await admin.get(`/api/v1/audit?limit=2&cursor=${page.nextCursor}`)).json().items).toHaveLength(1);
    expect((await operator.get('/api/v1/audit')).statusCode).toBe(403);
  });

  it('applies a permission change on the next request', async () => {
    const operatorRole = await role('operator');
    expect((await operator.get('/api/v1/tickets/queues')).statusCode).toBe(200);
    await admin.patch(`/api/v1/roles/${operatorRole.id}`, {
      permissions: operatorRole.permissions.filter((p) => p !== 'menu.agent'),
    });
    expect((await operator.get('/api/v1/tickets/queues')).statusCode).toBe(403);
    expect((await operator.get('/api/v1/me')).json().permissions).not.toContain('menu.agent');
  });
});
