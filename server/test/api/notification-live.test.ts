import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

/** Reads `event: notification` blocks from a live SSE stream until `count` arrived or time runs out. */
async function notificationEvents(
  url: string,
  cookie: string,
  count: number,
  act: () => Promise<void>,
  timeoutMs: number,
) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: `fd_session=${cookie}` }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: unknown[] = [];
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await act();
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.startsWith('event: notification') && data) events.push(JSON.parse(data.slice(6)));
      }
    }
  } catch {
    // aborted by the timeout: return what arrived
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describeEachDialect('live notifications', (dialect) => {
  let t: TestApp;
  let base: string;
  let customer: Client;
  let owner: Client;
  let other: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    t.ctx.worker.start(50);
    await t.ctx.realtime.start();
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
      notificationEvents(`${base}/api/v1/events`, owner.cookie, 1, reply, 8000),
      notificationEvents(`${base}/api/v1/events`, other.cookie, 1, async () => undefined, 3000),
    ]);
    const inbox = (await owner.get('/api/v1/notifications?limit=1')).json();
    expect(inbox.items[0].event).toBe('ticket.customer_replied');
    expect(mine).toEqual([{ id: inbox.items[0].id }]);
    expect(theirs).toEqual([]);
  });
});
