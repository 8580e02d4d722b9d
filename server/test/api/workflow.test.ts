import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket, type TicketJson } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('workflow', (dialect) => {
  let t: TestApp;
  let customer: Client;
  let operator: Client;
  let engineer: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    customer = await loginAs(t, await makeUser(t, 'customer'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
  });
  afterEach(async () => t.close());

  const move = (client: Client, id: number, body: object) => client.post(`/api/v1/tickets/${id}/transitions`, body);

  async function resolvedTicket(): Promise<TicketJson> {
    const ticket = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
    const res = await move(engineer, ticket.id, { to: 'resolved', solution: 'Replaced the drum unit.' });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  it('runs the main process: assign, reply, resolve, confirm', async () => {
    const ticket = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
    expect((await engineer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Looking into it' })).statusCode).toBe(
      201,
    );
    expect((await move(engineer, ticket.id, { to: 'in_progress' })).json().status).toBe('in_progress');
    const resolved = (await move(engineer, ticket.id, { to: 'resolved', solution: 'Fixed the cable' })).json();
    expect(resolved).toMatchObject({ status: 'resolved', solution: 'Fixed the cable' });
    const asCustomer = (await customer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(asCustomer.abilities.transitions).toEqual(
      expect.arrayContaining([
        { to: 'closed', requires: [] },
        { to: 'in_progress', requires: ['comment'] },
      ]),
    );
    const closed = (await move(customer, ticket.id, { to: 'closed' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const statuses = (await operator.get(`/api/v1/tickets/${ticket.id}/history`))
      .json()
      .items.filter((h: { field: string }) => h.field === 'status')
      .map((h: { to: string }) => h.to);
    expect(statuses).toEqual(['new', 'assigned', 'in_progress', 'resolved', 'closed']);
    const thread = (await customer.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(thread.map((m: { body: string }) => m.body).join()).toContain('Fixed the cable');
  });

  it('refuses moves that do not exist (409), are not the role’s (403) or lack input (400)', async () => {
    const ticket = await openTicket(customer);
    const resolveByCustomer = await move(customer, ticket.id, { to: 'resolved', solution: 'I fixed it myself' });
    expect(resolveByCustomer.statusCode).toBe(403);
    const noSolution = await move(operator, ticket.id, { to: 'resolved' });
    expect(noSolution.statusCode).toBe(400);
    expect(noSolution.json().error.fields).toEqual(['solution']);
    const toClosed = await move(operator, ticket.id, { to: 'closed' });
    expect(toClosed.statusCode).toBe(409);
    expect(toClosed.json().error.code).toBe('transition_not_allowed');
    const unknown = await move(operator, ticket.id, { to: 'archived' });
    expect(unknown.statusCode).toBe(400);
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json().status).toBe('new');
  });

  it('lets only the requester confirm, and requires a comment to reject', async () => {
    const ticket = await resolvedTicket();
    const stranger = await loginAs(t, await makeUser(t, 'customer'));
    expect((await move(stranger, ticket.id, { to: 'closed' })).statusCode).toBe(404);
    const noComment = await move(customer, ticket.id, { to: 'in_progress' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.fields).toEqual(['comment']);
    const rejected = await move(customer, ticket.id, { to: 'in_progress', comment: 'Still prints blank pages' });
    expect(rejected.json()).toMatchObject({ status: 'in_progress', resolvedAt: null });
    const thread = (await engineer.get(`/api/v1/tickets/${ticket.id}/messages`)).json().items;
    expect(thread.at(-1)).toMatchObject({ authorId: customer.actor.id, visibility: 'public' });
    expect(thread.at(-1).body).toContain('Still prints blank pages');
  });

  it('puts a ticket back to work when the customer answers', async () => {
    const ticket = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
    await move(engineer, ticket.id, { to: 'waiting_customer' });
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Here is the screenshot' });
    const after = (await engineer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(after.status).toBe('in_progress');
    const last = (await engineer.get(`/api/v1/tickets/${ticket.id}/history`)).json().items.at(-1);
    expect(last).toMatchObject({
      field: 'status',
      from: 'waiting_customer',
      to: 'in_progress',
      actorId: customer.actor.id,
    });
  });

  it('does not let customers write on closed tickets', async () => {
    const ticket = await resolvedTicket();
    await move(customer, ticket.id, { to: 'closed' });
    const res = await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'one more thing' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ticket_closed');
  });

  it('closes resolved tickets after the confirmation period through the scheduled job', async () => {
    const ticket = await resolvedTicket();
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    expect((await admin.get('/api/v1/settings')).json()).toEqual({
      autoCloseDays: 7,
      stickyOwner: true,
      mailUnverifiedAsNote: false,
      mailAutoRepliesPerHour: 10,
      notifyActor: false,
    });
    const tooShort = await admin.patch('/api/v1/settings', { autoCloseDays: 0 });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields).toEqual(['autoCloseDays']);
    expect((await admin.patch('/api/v1/settings', { autoCloseDays: 3 })).json().autoCloseDays).toBe(3);
    const audit = (await admin.get('/api/v1/audit?entity=setting')).json().items;
    expect(audit).toEqual([expect.objectContaining({ before: { autoCloseDays: 7 }, after: { autoCloseDays: 3 } })]);
    t.clock.advance(2 * 86_400_000);
    await t.ctx.worker.runScheduleNow('tickets.auto-close');
    expect((await customer.get(`/api/v1/tickets/${ticket.id}`)).json().status).toBe('resolved');
    t.clock.advance(86_400_000 + 1000);
    await t.ctx.worker.runScheduleNow('tickets.auto-close');
    await t.ctx.worker.runScheduleNow('tickets.auto-close');
    const closed = (await customer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(closed.status).toBe('closed');
    const history = (await operator.get(`/api/v1/tickets/${ticket.id}/history`)).json().items;
    expect(history.filter((h: { to: string }) => h.to === 'closed')).toEqual([
      expect.objectContaining({ actorId: null, from: 'resolved' }),
    ]);
  });

  it('gives a returning customer’s ticket to their previous agent while that agent is active', async () => {
    const first = await openTicket(customer);
    await operator.patch(`/api/v1/tickets/${first.id}`, { ownerId: engineer.actor.id });
    const second = await openTicket(customer);
    expect(second).toMatchObject({ ownerId: engineer.actor.id, status: 'assigned' });

    const admin = await loginAs(t, await makeUser(t, 'admin'));
    expect((await admin.patch(`/api/v1/users/${engineer.actor.id}`, { active: false })).statusCode).toBe(200);
    const third = await openTicket(customer);
    expect(third).toMatchObject({ ownerId: null, status: 'new' });

    await admin.patch(`/api/v1/users/${engineer.actor.id}`, { active: true });
    expect((await admin.patch('/api/v1/settings', { stickyOwner: false })).json().stickyOwner).toBe(false);
    expect((await openTicket(customer)).ownerId).toBeNull();
  });

  it('emits outbox events in the same transaction and processes them', async () => {
    const ticket = await openTicket(customer);
    // Only the ticket's events: creating the test users queued `user.changed` rows (search index).
    const pending = await t.ctx.db.kysely
      .selectFrom('outbox')
      .select(['type', 'status'])
      .where('type', 'like', 'ticket.%')
      .execute();
    expect(pending).toEqual([{ type: 'ticket.created', status: 'pending' }]);
    await t.ctx.worker.drain();
    const done = await t.ctx.db.kysely.selectFrom('outbox').select('status').execute();
    expect(done.every((r) => r.status === 'done')).toBe(true);
    expect(ticket.id).toBeGreaterThan(0);
  });
});
