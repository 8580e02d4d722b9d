import { afterEach, beforeEach, expect, it } from 'vitest';
import { runSlaCheck } from '../../modules/sla/sla.service.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const HOUR = 3_600_000;
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const ALWAYS = { 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY };

describeEachDialect('escalation to support lines and vendors', (dialect) => {
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

  const groupId = async (tier: number) =>
    (await t.ctx.db.kysely.selectFrom('support_groups').select('id').where('tier', '=', tier).executeTakeFirstOrThrow())
      .id;

  async function makeVendor(resolutionMinutes: number | null) {
    const calendar = (
      await admin.post('/api/v1/sla/calendars', { name: 'Vendor 24x7', timeZone: 'UTC', week: ALWAYS, holidays: [] })
    ).json().id;
    const target = { firstResponse: null, resolution: resolutionMinutes };
    const policy = (
      await admin.post('/api/v1/sla/policies', {
        name: 'Underpinning',
        calendarId: calendar,
        targets: { low: target, normal: target, high: target, urgent: target },
        warnAtPercent: 75,
        isDefault: false,
      })
    ).json().id;
    const res = await admin.post('/api/v1/vendors', {
      name: 'PrintCo',
      kind: 'manufacturer',
      email: 'support@printco.test',
      phone: null,
      notes: 'Warranty repairs',
      slaPolicyId: policy,
      active: true,
      contacts: [{ name: 'Olena Kovalenko', email: 'olena@printco.test', phone: '+380441234567' }],
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as number;
  }

  it('moves a ticket to the next line with a reason and records the time to second line once', async () => {
    const ticket = await openTicket(customer);
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json().groupId).toBe(await groupId(1));
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: operator.actor.id });
    t.clock.advance(HOUR);

    const noReason = await operator.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual(['reason']);

    const res = await operator.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'Needs a driver rollback' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      groupId: await groupId(2),
      ownerId: null,
      status: 'new',
      secondLineAt: '2026-03-02T10:00:00.000Z',
    });
    // The engineer's group now sees it, with the reason as an internal note the customer never reads.
    expect((await engineer.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(200);
    const staffThread = (await engineer.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(staffThread.at(-1)).toMatchObject({ kind: 'note', visibility: 'internal' });
    const customerThread = (await customer.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(customerThread.map((m: { bodyText?: string; body?: string }) => JSON.stringify(m))).not.toContainEqual(
      expect.stringContaining('driver rollback'),
    );

    // Functional escalation to a colleague keeps every owner in the history; the KPI keeps its first value.
    const expert = await makeUser(t, 'engineer', { groupTier: 3 });
    t.clock.advance(HOUR);
    const third = await engineer.post(`/api/v1/tickets/${ticket.id}/escalate`, {
      reason: 'Database corruption',
      ownerId: expert.id,
    });
    expect(third.json()).toMatchObject({ groupId: await groupId(3), ownerId: expert.id, status: 'assigned' });
    expect(third.json().secondLineAt).toBe('2026-03-02T10:00:00.000Z');
    const history = (await admin.get(`/api/v1/tickets/${ticket.id}/history`)).json().items;
    expect(history.filter((h: { field: string }) => h.field === 'ownerId').map((h: { to: string }) => h.to)).toEqual([
      String(operator.actor.id),
      null,
      String(expert.id),
    ]);
    const top = await admin.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'More' });
    expect(top.statusCode).toBe(409);
    expect(top.json().error.code).toBe('no_next_tier');
  });

  it('refuses escalation to roles without the permission and to closed tickets', async () => {
    const ticket = await openTicket(customer);
    expect((await customer.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'x' })).statusCode).toBe(403);
    expect(
      (await operator.post(`/api/v1/tickets/${ticket.id}/escalate-vendor`, { vendorId: 1, reason: 'x' })).statusCode,
    ).toBe(403);
    await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'cancelled', comment: 'Duplicate' });
    const closed = await operator.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'Too late' });
    expect(closed.statusCode).toBe(409);
  });

  it('escalates to a vendor with its due date, warns when it is later than promised, and reminds before it', async () => {
    const vendor = await makeVendor(600);
    const ticket = await openTicket(customer);
    await operator.post(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'Hardware fault' });
    await engineer.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id, priority: 'urgent' });

    const res = await engineer.post(`/api/v1/tickets/${ticket.id}/escalate-vendor`, {
      vendorId: vendor,
      reference: 'PC-4711',
      reason: 'Replace the fuser unit under warranty',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('waiting_vendor');
    // Urgent: the customer was promised 4 business hours (13:00); the vendor needs 10 hours (19:00).
    expect(body.vendor).toEqual({
      id: vendor,
      name: 'PrintCo',
      reference: 'PC-4711',
      escalatedAt: '2026-03-02T09:00:00.000Z',
      dueAt: '2026-03-02T19:00:00.000Z',
      laterThanCustomerDue: true,
    });
    // Waiting for the vendor pauses the customer's resolution clock.
    expect(body.sla.resolution.state).toBe('paused');
    expect((await customer.get(`/api/v1/tickets/${ticket.id}`)).json()).not.toHaveProperty('vendor');

    const events = async () =>
      (await t.ctx.db.kysely.selectFrom('outbox').select('type').where('type', 'like', 'ticket.vendor%').execute()).map(
        (r) => r.type,
      );
    t.clock.advance(7 * HOUR);
    await runSlaCheck(t.ctx.db, t.clock.now());
    expect(await events()).toEqual([]);
    t.clock.advance(31 * 60_000); // 75% of 10 hours = 7.5 hours
    await runSlaCheck(t.ctx.db, t.clock.now());
    expect(await events()).toEqual(['ticket.vendor_deadline_near']);
    t.clock.advance(3 * HOUR);
    await runSlaCheck(t.ctx.db, t.clock.now());
    await runSlaCheck(t.ctx.db, t.clock.now());
    expect(await events()).toEqual(['ticket.vendor_deadline_near', 'ticket.vendor_deadline_passed']);

    // The vendor answered: back to work, the customer's clock runs again.
    const back = await engineer.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'in_progress' });
    expect(back.json().sla.resolution.state).not.toBe('paused');
  });

  it('manages vendors: validation, contacts, agents may list them, used vendors are kept', async () => {
    const invalid = await admin.post('/api/v1/vendors', {
      name: 'X',
      kind: 'manufacturer',
      email: null,
      phone: null,
      notes: '',
      slaPolicyId: 999,
      active: true,
      contacts: [],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toEqual(['slaPolicyId']);
    const vendor = await makeVendor(null);
    const list = (await engineer.get('/api/v1/vendors')).json();
    expect(list).toEqual([
      expect.objectContaining({
        id: vendor,
        kind: 'manufacturer',
        contacts: [expect.objectContaining({ name: 'Olena Kovalenko', email: 'olena@printco.test' })],
      }),
    ]);
    expect((await customer.get('/api/v1/vendors')).statusCode).toBe(403);
    expect((await engineer.post('/api/v1/vendors', {})).statusCode).toBe(403);

    const ticket = await openTicket(customer);
    await admin.post(`/api/v1/tickets/${ticket.id}/escalate-vendor`, { vendorId: vendor, reason: 'RMA' });
    // Without an underpinning SLA there is no vendor deadline to warn about.
    const seen = (await admin.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(seen.vendor).toMatchObject({ dueAt: null, laterThanCustomerDue: false });
    expect((await admin.del(`/api/v1/vendors/${vendor}`)).json().error.code).toBe('in_use');
  });
});
