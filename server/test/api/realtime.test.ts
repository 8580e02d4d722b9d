import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS } from '../../modules/realtime/events.routes.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

/** Reads SSE events from a live server until `count` events of the type arrived or time runs out. */
async function collectEvents(url: string, cookie: string, until: () => Promise<void>, count: number, timeoutMs = 5000) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: `fd_session=${cookie}` }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: { ticketId: number }[] = [];
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  await until();
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: ticket.changed') && data) events.push(JSON.parse(data.slice(6)));
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  } catch {
    // aborted by the timeout: return what arrived
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describeEachDialect('live updates', (dialect) => {
  let t: TestApp;
  let base: string;
  let customer: Client;
  let stranger: Client;
  let operator: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    t.ctx.worker.start(50);
    await t.ctx.realtime.start();
    customer = await loginAs(t, await makeUser(t, 'customer'));
    stranger = await loginAs(t, await makeUser(t, 'customer'));
    operator = await loginAs(t, await makeUser(t, 'operator'));
  });
  afterEach(async () => t.close());

  it('pushes a change to agents and the requester, not to other customers', async () => {
    let ticketId = 0;
    const make = async () => {
      ticketId = (await openTicket(customer)).id;
    };
    const [agentEvents, strangerEvents] = await Promise.all([
      collectEvents(`${base}/api/v1/events`, operator.cookie, make, 1),
      collectEvents(`${base}/api/v1/events`, stranger.cookie, async () => undefined, 1, 1500),
    ]);
    expect(agentEvents).toEqual([{ ticketId }]);
    expect(strangerEvents).toEqual([]);
    const own = await collectEvents(
      `${base}/api/v1/events`,
      customer.cookie,
      async () => {
        await operator.post(`/api/v1/tickets/${ticketId}/messages`, { body: 'On it' });
      },
      1,
    );
    expect(own).toEqual([{ ticketId }]);
  });

  it('reads the credentials again on each beat and ends the stream of an ended session', async () => {
    // Only the heartbeat's interval runs on fake time; sockets and the database keep real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const response = await fetch(`${base}/api/v1/events`, { headers: { cookie: `fd_session=${operator.cookie}` } });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      expect(decoder.decode((await reader.read()).value)).toContain('retry:');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect(decoder.decode((await reader.read()).value)).toContain(': ping');
      expect((await operator.post('/api/v1/auth/logout')).statusCode).toBe(204);
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      const ended = await Promise.race([
        (async () => {
          for (;;) if ((await reader.read()).done) return true;
        })(),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      expect(ended).toBe(true);
      expect(t.ctx.realtime.clientCount).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends open streams when the server shuts down', async () => {
    const response = await fetch(`${base}/api/v1/events`, { headers: { cookie: `fd_session=${operator.cookie}` } });
    const reader = response.body!.getReader();
    await reader.read();
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(5000);
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });
});
