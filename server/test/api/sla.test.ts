import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSlaCheck } from '../../modules/sla/sla.service.ts';
import { type Client, loginAs, makeOrganization, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const HOUR = 3_600_000;
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const ALWAYS = { 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY };
const target = (firstResponse: number | null, resolution: number | null) => ({ firstResponse, resolution });

describeEachDialect('SLA on tickets', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  beforeEach(async () => {
    // Monday 2026-03-02 09:00 UTC: the default "Business hours" calendar (Mon-Fri 09-18 UTC) is open.
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator'));
  });
  afterEach(async () => t.close());

  const get = async (client: Client, id: number) => (await client.get(`/api/v1/tickets/${id}`)).json();
  const outboxTypes = async () =>
    (await t.ctx.db.kysely.selectFrom('outbox').select(['type', 'payload']).orderBy('id').execute())
      .filter((r) => r.type.startsWith('ticket.sla') || r.type.startsWith('ticket.vendor'))
      .map((r) => `${r.type}:${(JSON.parse(r.payload) as { target?: string }).target ?? ''}`);

  async function makePolicy(name: string, targets: Record<string, ReturnType<typeof target>>, isDefault = false) {
    const calendar = await admin.post('/api/v1/sla/calendars', {
      name: `${name} 24x7`,
      timeZone: 'UTC',
      week: ALWAYS,
      holidays: [],
    });
    expect(calendar.statusCode).toBe(201);
    const res = await admin.post('/api/v1/sla/policies', {
      name,
      calendarId: calendar.json().id,
      targets: {
        low: target(null, null),
        normal: target(null, null),
        high: target(null, null),
        urgent: target(null, null),
        ...targets,
      },
      warnAtPercent: 80,
      isDefault,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  }

  it('gives a new ticket due dates from the default policy, shown to agents and hidden from customers', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const ticket = await openTicket(customer);
    const seen = await get(operator, ticket.id);
    expect(seen.sla).toMatchObject({
      policyName: 'Standard',
      dueAt: '2026-03-02T13:00:00.000Z',
      firstResponse: { dueAt: '2026-03-02T13:00:00.000Z', state: 'running', warning: false },
      // 27 business hours, Mon-Fri 09-18: Monday, Tuesday, Wednesday.
      resolution: { dueAt: '2026-03-04T18:00:00.000Z', state: 'running', remainingMinutes: 1620 },
    });
    expect(await get(customer, ticket.id)).not.toHaveProperty('sla');
    expect(ticket).not.toHaveProperty('sla');
  });

  it('selects the SLA from requester, organization and contract for the service, and follows changes', async () => {
    const org = await makeOrganization(t, 'Acme');
    expect((await admin.get('/api/v1/organizations')).json().items).toEqual([
      expect.objectContaining({ id: org, name: 'Acme', domain: null }),
    ]);
    const requester = await loginAs(t, await makeUser(t, 'customer', { organizationId: org }));
    const colleague = await loginAs(t, await makeUser(t, 'customer', { organizationId: org }));
    const vpn = (await admin.post('/api/v1/services', { name: 'VPN' })).json().id;
    const gold = await makePolicy('Gold', { normal: target(30, 120) });
    const silver = await makePolicy('Silver', { normal: target(60, 480) });
    const personal = await makePolicy('Personal', { normal: target(10, 60) });
    const contract = (body: object) =>
      admin.post('/api/v1/contracts', {
        organizationId: null,
        customerId: null,
        serviceId: null,
        validTo: null,
        validFrom: '2026-01-01',
        ...body,
      });
    expect(
      (await contract({ name: 'Acme VPN', organizationId: org, serviceId: vpn, slaPolicyId: gold })).statusCode,
    ).toBe(201);
    expect((await contract({ name: 'Acme all', organizationId: org, slaPolicyId: silver })).statusCode).toBe(201);
    expect(
      (
        await contract({
          name: 'Expired',
          customerId: colleague.actor.id,
          slaPolicyId: personal,
          validTo: '2026-02-28',
        })
      ).statusCode,
    ).toBe(201);
    const both = await contract({
      name: 'Bad',
      organizationId: org,
      customerId: requester.actor.id,
      slaPolicyId: gold,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields).toEqual(['organizationId', 'customerId']);

    const onVpn = await openTicket(requester, { serviceId: vpn });
    expect((await get(operator, onVpn.id)).sla.policyName).toBe('Gold');
    const other = await openTicket(colleague);
    expect((await get(operator, other.id)).sla).toMatchObject({
      policyName: 'Silver',
      resolution: { dueAt: '2026-03-02T17:00:00.000Z' },
    });

    // Moving the ticket off the VPN service switches it to the organization-wide contract.
    expect((await operator.patch(`/api/v1/tickets/${onVpn.id}`, { serviceId: null })).statusCode).toBe(200);
    expect((await get(operator, onVpn.id)).sla.policyName).toBe('Silver');
    const history = (await operator.get(`/api/v1/tickets/${onVpn.id}/history`)).json();
    expect(history.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'sla', from: 'Gold', to: 'Silver' })]),
    );

    // A personal contract beats the organization's, for open tickets too (recomputed after commit).
    await contract({ name: 'VIP', customerId: colleague.actor.id, slaPolicyId: personal });
    await t.ctx.worker.drain();
    expect((await get(operator, other.id)).sla).toMatchObject({
      policyName: 'Personal',
      resolution: { dueAt: '2026-03-02T10:00:00.000Z' },
    });
  });

  it('moves due dates with the priority and pauses while waiting for the customer', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const ticket = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { priority: 'urgent' });
    expect((await get(operator, ticket.id)).sla.resolution.dueAt).toBe('2026-03-02T13:00:00.000Z');

    t.clock.advance(20 * 60_000);
    const reply = await operator.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Can you send a photo?' });
    expect(reply.statusCode).toBe(201);
    await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'waiting_customer' });
    let sla = (await get(operator, ticket.id)).sla;
    expect(sla.firstResponse.state).toBe('met');
    expect(sla.resolution).toMatchObject({ state: 'paused', remainingMinutes: 220 });

    // Two hours parked; the customer answers and the clock runs again with the pause added back.
    t.clock.advance(2 * HOUR);
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Photo attached' });
    sla = (await get(operator, ticket.id)).sla;
    expect(sla.resolution).toMatchObject({ state: 'running', dueAt: '2026-03-02T15:00:00.000Z' });
    expect(sla.dueAt).toBe('2026-03-02T15:00:00.000Z');
  });

  it('emits each warning and breach once from the periodic check, which only touches due tickets', async () => {
    await makePolicy('Fast', { normal: target(60, 100) }, true);
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const ticket = await openTicket(customer);
    const untouched = await openTicket(customer);
    await operator.post(`/api/v1/tickets/${untouched.id}/messages`, { body: 'On it' });

    t.clock.advance(47 * 60_000);
    expect(await runSlaCheck(t.ctx.db, t.clock.now())).toBe(0);
    t.clock.advance(60_000); // 48 minutes: 80% of the first response target
    expect(await runSlaCheck(t.ctx.db, t.clock.now())).toBe(1);
    expect((await get(operator, ticket.id)).sla.firstResponse.warning).toBe(true);
    t.clock.advance(13 * 60_000);
    await runSlaCheck(t.ctx.db, t.clock.now());
    expect((await get(operator, ticket.id)).sla.firstResponse.state).toBe('breached');
    t.clock.advance(HOUR);
    await runSlaCheck(t.ctx.db, t.clock.now());
    await runSlaCheck(t.ctx.db, t.clock.now());
    // At 121 minutes both resolution targets are past: the breach stands for the skipped warning.
    expect(await outboxTypes()).toEqual([
      'ticket.sla_warning:first_response',
      'ticket.sla_breached:first_response',
      'ticket.sla_breached:resolution',
      'ticket.sla_breached:resolution',
    ]);
  });

  it('sorts the queue by the next due date, and refuses that sort to roles that may not see SLAs', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const low = await openTicket(customer, { subject: 'Low' });
    const urgent = await openTicket(customer, { subject: 'Urgent' });
    await operator.patch(`/api/v1/tickets/${low.id}`, { priority: 'low' });
    await operator.patch(`/api/v1/tickets/${urgent.id}`, { priority: 'urgent' });
    const normal = await openTicket(customer, { subject: 'Normal' });
    const page = (await operator.get('/api/v1/tickets?queue=open&sort=due')).json();
    expect(page.items.map((i: { id: number }) => i.id)).toEqual([urgent.id, normal.id, low.id]);
    const refused = await customer.get('/api/v1/tickets?sort=due');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual(['sla']);
  });

  it('validates calendars, policies and contracts, and keeps what is in use', async () => {
    const bad = await admin.post('/api/v1/sla/calendars', {
      name: 'Mars',
      timeZone: 'Mars/Olympus',
      week: ALWAYS,
      holidays: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(['timeZone']);
    const overlapping = await admin.post('/api/v1/sla/calendars', {
      name: 'Split',
      timeZone: 'Europe/Kyiv',
      week: {
        1: [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ],
      },
      holidays: [{ date: '2026-01-01', yearly: true }],
    });
    expect(overlapping.json().error.fields).toEqual(['week']);
    const policies = (await admin.get('/api/v1/sla/policies')).json();
    const standard = policies.find((p: { name: string }) => p.name === 'Standard');
    expect(standard).toMatchObject({
      isDefault: true,
      warnAtPercent: 80,
      targets: { urgent: { firstResponse: 30, resolution: 240 } },
    });
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    await openTicket(customer);
    expect((await admin.del(`/api/v1/sla/policies/${standard.id}`)).json().error.code).toBe('in_use');
    expect((await admin.del(`/api/v1/sla/calendars/${standard.calendarId}`)).statusCode).toBe(409);
    const inverted = await admin.put(`/api/v1/sla/policies/${standard.id}`, {
      ...standard,
      targets: { ...standard.targets, low: target(600, 60) },
    });
    expect(inverted.json().error.fields).toEqual(['targets']);
    expect((await operator.get('/api/v1/sla/policies')).statusCode).toBe(403);
    const audit = (await admin.get('/api/v1/audit?entity=calendar')).json();
    expect(audit.items).toEqual([]);
    const created = await admin.post('/api/v1/sla/calendars', {
      name: 'Kyiv office',
      timeZone: 'Europe/Kyiv',
      week: { 1: [{ start: '09:00', end: '18:00' }] },
      holidays: [],
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.get('/api/v1/audit?entity=calendar')).json().items).toEqual([
      expect.objectContaining({ entity: 'calendar', entityId: created.json().id, action: 'create' }),
    ]);
  });
});
