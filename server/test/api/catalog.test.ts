import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('service catalogue administration', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let customer: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator'));
    customer = await loginAs(t, await makeUser(t, 'customer'));
  });
  afterEach(async () => t.close());

  const catalog = async () => (await customer.get('/api/v1/catalog')).json();

  it('nests categories one level and refuses deeper or unknown parents', async () => {
    const hardware = (await admin.post('/api/v1/categories', { name: 'Hardware' })).json().id;
    const printers = await admin.post('/api/v1/categories', { name: 'Printers', parentId: hardware });
    expect(printers.statusCode).toBe(201);
    const deeper = await admin.post('/api/v1/categories', { name: 'Toner', parentId: printers.json().id });
    expect(deeper.statusCode).toBe(400);
    expect(deeper.json().error.fields).toEqual(['parentId']);
    const moveParentUnder = await admin.patch(`/api/v1/categories/${hardware}`, { parentId: printers.json().id });
    expect(moveParentUnder.statusCode).toBe(400);
    expect((await catalog()).categories).toEqual(
      expect.arrayContaining([
        { id: hardware, name: 'Hardware', parentId: null },
        { id: printers.json().id, name: 'Printers', parentId: hardware },
      ]),
    );
    expect((await admin.del(`/api/v1/categories/${hardware}`)).json().error.code).toBe('in_use');
  });

  it('routes new tickets of a service to its owner group', async () => {
    const group = (await admin.post('/api/v1/groups', { name: 'Network team', tier: 2 })).json().id;
    const vpn = (
      await admin.post('/api/v1/services', { name: 'VPN', description: 'Remote access', groupId: group })
    ).json().id;
    expect((await catalog()).services).toEqual([
      { id: vpn, name: 'VPN', description: 'Remote access', groupId: group },
    ]);
    const ticket = await openTicket(customer, { serviceId: vpn });
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json().groupId).toBe(group);
    const unknownGroup = await admin.patch(`/api/v1/services/${vpn}`, { groupId: 999 });
    expect(unknownGroup.json().error.fields).toEqual(['groupId']);
    expect((await admin.del(`/api/v1/services/${vpn}`)).statusCode).toBe(409);
    expect((await admin.del(`/api/v1/groups/${group}`)).statusCode).toBe(409);
  });

  it('manages group members, which decides what engineers see', async () => {
    const engineer = await loginAs(t, await makeUser(t, 'engineer'));
    const group = (await admin.post('/api/v1/groups', { name: 'Databases', tier: 3 })).json().id;
    const service = (await admin.post('/api/v1/services', { name: 'PostgreSQL', groupId: group })).json().id;
    const ticket = await openTicket(customer, { serviceId: service });
    expect((await engineer.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/v1/groups/${group}`, { memberIds: [engineer.actor.id] })).statusCode).toBe(204);
    expect((await engineer.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/v1/groups/${group}/members`)).json()).toEqual({ userIds: [engineer.actor.id] });
    const notStaff = await admin.patch(`/api/v1/groups/${group}`, { memberIds: [customer.actor.id] });
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().error.fields).toEqual(['memberIds']);
    expect((await admin.post('/api/v1/groups', { name: 'Databases', tier: 1 })).statusCode).toBe(409);
    const audit = (await admin.get('/api/v1/audit?entity=group')).json().items;
    expect(audit[0]).toMatchObject({
      action: 'update',
      after: expect.objectContaining({ memberIds: [engineer.actor.id] }),
    });
  });

  it('deletes entries nothing refers to and keeps them out of the catalogue', async () => {
    const spare = (await admin.post('/api/v1/categories', { name: 'Spare' })).json().id;
    expect((await admin.del(`/api/v1/categories/${spare}`)).statusCode).toBe(204);
    expect((await catalog()).categories).toEqual([]);
    expect((await admin.del(`/api/v1/categories/${spare}`)).statusCode).toBe(404);
    expect((await operator.post('/api/v1/categories', { name: 'Nope' })).statusCode).toBe(403);
  });
});
