import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('organization administration', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => t.close());

  const create = (body: Record<string, unknown>) => admin.post('/api/v1/organizations', body);

  it('creates, lists, changes and deletes an organization, each change audited', async () => {
    const created = await create({ name: '  Acme Ltd ', domain: '@ACME.example', sharedTickets: true });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({
      name: 'Acme Ltd',
      domain: 'acme.example',
      sharedTickets: true,
      memberCount: 0,
    });

    const changed = await admin.patch(`/api/v1/organizations/${id}`, {
      name: 'Acme',
      domain: '',
      sharedTickets: false,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id, name: 'Acme', domain: null, sharedTickets: false });
    const listed = (await admin.get('/api/v1/organizations')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, name: 'Acme', domain: null, memberCount: 0 })]);

    expect((await admin.del(`/api/v1/organizations/${id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/organizations/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/organizations')).json().items).toEqual([]);

    const audit = (await admin.get('/api/v1/audit?entity=organization')).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]).toMatchObject({
      entityId: id,
      before: { name: 'Acme Ltd', domain: 'acme.example', sharedTickets: true },
      after: { name: 'Acme', domain: null, sharedTickets: false },
    });
  });

  it('names the field of a bad name or domain and changes nothing', async () => {
    for (const [body, field, status] of [
      [{ name: '   ' }, 'name', 400],
      [{ name: 'Bad', domain: 'not a domain' }, 'domain', 400],
      [{ name: 'Bad', domain: 'user@acme.example' }, 'domain', 400],
      [{ name: 'Bad', domain: 'localhost' }, 'domain', 400],
      [{ name: 'Bad', domain: 'x'.repeat(300) }, 'domain', 400],
    ] as const) {
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.fields).toEqual([field]);
    }
    const acme = (await create({ name: 'Acme', domain: 'acme.example' })).json().id;
    const other = (await create({ name: 'Other' })).json().id;
    const duplicate = await create({ name: 'Acme again', domain: 'ACME.example' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'domain_taken', fields: ['domain'] });
    const taking = await admin.patch(`/api/v1/organizations/${other}`, { name: 'Renamed', domain: 'acme.example' });
    expect(taking.statusCode).toBe(409);
    expect(taking.json().error.fields).toEqual(['domain']);
    // Keeping its own domain is no conflict.
    expect((await admin.patch(`/api/v1/organizations/${acme}`, { domain: 'acme.example' })).statusCode).toBe(200);
    const emptyName = await admin.patch(`/api/v1/organizations/${acme}`, { name: ' ' });
    expect(emptyName.json().error.fields).toEqual(['name']);
    expect((await admin.get('/api/v1/organizations')).json().items).toEqual([
      expect.objectContaining({ id: acme, name: 'Acme', domain: 'acme.example' }),
      expect.objectContaining({ id: other, name: 'Other', domain: null }),
    ]);
    expect((await admin.patch('/api/v1/organizations/9999', { name: 'X' })).statusCode).toBe(404);
  });

  it('gives a domain to one organization only, also when two admins save at once', async () => {
    const statuses = await Promise.all([
      create({ name: 'First', domain: 'race.example' }),
      create({ name: 'Second', domain: 'race.example' }),
    ]).then((all) => all.map((res) => res.statusCode).sort());
    expect(statuses).toEqual([201, 409]);
    const items = (await admin.get('/api/v1/organizations')).json().items as { domain: string | null }[];
    expect(items.filter((o) => o.domain === 'race.example')).toHaveLength(1);
  });

  it('adds and removes members through the user update, which lists them and joins by domain', async () => {
    const acme = (await create({ name: 'Acme', domain: 'acme.example' })).json().id;
    const joined = await makeUser(t, 'customer', { name: 'Dana Domain', email: 'dana@acme.example' });
    const added = await makeUser(t, 'customer', { name: 'Abe Added' });
    const res = await admin.patch(`/api/v1/users/${added.id}`, { organizationId: acme });
    expect(res.json().organizationId).toBe(acme);
    const detail = (await admin.get(`/api/v1/organizations/${acme}`)).json();
    expect(detail.memberCount).toBe(2);
    expect(detail.members).toEqual([
      { id: added.id, name: 'Abe Added', email: added.email, role: 'customer', active: true },
      { id: joined.id, name: 'Dana Domain', email: 'dana@acme.example', role: 'customer', active: true },
    ]);
    const unknown = await admin.patch(`/api/v1/users/${added.id}`, { organizationId: 9999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual(['organizationId']);

    expect((await admin.patch(`/api/v1/users/${added.id}`, { organizationId: null })).json().organizationId).toBeNull();
    expect((await admin.get(`/api/v1/organizations/${acme}`)).json().members.map((m: { id: number }) => m.id)).toEqual([
      joined.id,
    ]);
    const audit = (await admin.get('/api/v1/audit?entity=user')).json().items;
    expect(audit.slice(0, 2)).toMatchObject([
      { entityId: added.id, before: { organizationId: acme }, after: { organizationId: null } },
      { entityId: added.id, before: { organizationId: null }, after: { organizationId: acme } },
    ]);
  });

  it('refuses to delete an organization while members, tickets or contracts refer to it, naming them', async () => {
    const acme = (await create({ name: 'Acme' })).json().id;
    const member = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
    await openTicket(member);
    const refused = await admin.del(`/api/v1/organizations/${acme}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'in_use', fields: ['members', 'tickets'] });

    // The member leaves; the ticket keeps the organization, so it is still in use.
    await admin.patch(`/api/v1/users/${member.actor.id}`, { organizationId: null });
    expect((await admin.del(`/api/v1/organizations/${acme}`)).json().error.fields).toEqual(['tickets']);

    const spare = (await create({ name: 'Spare' })).json().id;
    const policy = (await admin.get('/api/v1/sla/policies')).json()[0].id;
    const contract = await admin.post('/api/v1/contracts', {
      name: 'Gold',
      organizationId: spare,
      customerId: null,
      serviceId: null,
      slaPolicyId: policy,
      validFrom: '2026-01-01',
      validTo: null,
    });
    expect(contract.statusCode).toBe(201);
    expect((await admin.del(`/api/v1/organizations/${spare}`)).json().error.fields).toEqual(['contracts']);
    expect((await admin.get('/api/v1/organizations')).json().items).toHaveLength(2);
  });

  it('finds members by the new name of their organization once it is renamed', async () => {
    const acme = (await create({ name: 'Acme' })).json().id;
    const member = await makeUser(t, 'customer', { name: 'Mia Member', organizationId: acme });
    const operator = await loginAs(t, await makeUser(t, 'operator'));
    await admin.patch(`/api/v1/organizations/${acme}`, { name: 'Wombatworks' });
    await t.ctx.worker.drain();
    const found = (await operator.get('/api/v1/search?q=wombatworks&type=customer')).json().items;
    expect(found.map((i: { id: number }) => i.id)).toEqual([member.id]);
  });

  describe('ticket sharing', () => {
    it('lets members see a colleague’s ticket only while sharing is on', async () => {
      const acme = (await create({ name: 'Acme' })).json().id;
      const ann = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
      const bob = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
      const ticket = await openTicket(ann, { subject: 'Shared printer' });
      const bobSees = async () => {
        const one = (await bob.get(`/api/v1/tickets/${ticket.id}`)).statusCode;
        const list = (await bob.get('/api/v1/tickets')).json().items.map((i: { id: number }) => i.id);
        return { one, listed: list.includes(ticket.id) };
      };
      expect(await bobSees()).toEqual({ one: 404, listed: false });
      await admin.patch(`/api/v1/organizations/${acme}`, { sharedTickets: true });
      expect(await bobSees()).toEqual({ one: 200, listed: true });
      await admin.patch(`/api/v1/organizations/${acme}`, { sharedTickets: false });
      expect(await bobSees()).toEqual({ one: 404, listed: false });
    });
  });

  it('keeps non-admins out of organization administration', async () => {
    const acme = (await create({ name: 'Acme' })).json().id;
    for (const role of ['customer', 'operator', 'manager']) {
      const client = await loginAs(t, await makeUser(t, role));
      expect((await client.post('/api/v1/organizations', { name: 'Mine' })).statusCode).toBe(403);
      expect((await client.patch(`/api/v1/organizations/${acme}`, { sharedTickets: true })).statusCode).toBe(403);
      expect((await client.del(`/api/v1/organizations/${acme}`)).statusCode).toBe(403);
      expect((await client.get(`/api/v1/organizations/${acme}`)).statusCode).toBe(403);
    }
    expect((await admin.get(`/api/v1/organizations/${acme}`)).json()).toMatchObject({
      name: 'Acme',
      sharedTickets: false,
    });
  });
});
