import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { collectSseEvents, startLiveApp } from '../sse-client.ts';

describeEachDialect('live notifications', (dialect) => {
  let t: TestApp;
  let base: string;
  let customer: Client;
  let owner: Client;
  let other: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    base = await startLiveApp(t);
    customer = await loginAs(t, await makeUser(t, 'customer'));
    owner = await loginAs(t, await makeUser(t, 'operator'));
    // Reads every ticket but holds no role on this one: gets ticket.changed, never the owner's notification.
    other = await loginAs(t, await makeUser(t, 'manager'));
  });
  afterEach(async () => t.close());

  it('pushes `notification {id}` to the recipient only', async () => {
    const ticket = await openTicket(customer);
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    expect((await admin.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: owner.actor.id })).statusCode).toBe(200);
    await t.ctx.worker.drain();
    const reply = async () => {
      expect((await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Hello?' })).statusCode).toBe(201);
    };
    const [mine, theirs] = await Promise.all([
      collectSseEvents(`${base}/api/v1/events`, owner.cookie, {
        event: 'notification',
        count: 1,
        act: reply,
        timeoutMs: 8000,
      }),
      collectSseEvents(`${base}/api/v1/events`, other.cookie, { event: 'notification', count: 1, timeoutMs: 3000 }),
    ]);
    const inbox = (await owner.get('/api/v1/notifications?limit=1')).json();
    expect(inbox.items[0].event).toBe('ticket.customer_replied');
    expect(mine).toEqual([{ id: inbox.items[0].id }]);
    expect(theirs).toEqual([]);
  });
});
