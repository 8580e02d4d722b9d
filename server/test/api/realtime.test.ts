import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { HEARTBEAT_MS } from '../../modules/realtime/events.routes.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { collectSseEvents, startLiveApp } from '../sse-client.ts';

describeEachDialect('live updates', (dialect) => {
  let t: TestApp;
  let base: string;
  let customer: Client;
  let stranger: Client;
  let operator: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    base = await startLiveApp(t);
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
      collectSseEvents(`${base}/api/v1/events`, operator.cookie, { event: 'ticket.changed', count: 1, act: make }),
      collectSseEvents(`${base}/api/v1/events`, stranger.cookie, {
        event: 'ticket.changed',
        count: 1,
        timeoutMs: 1500,
      }),
    ]);
    expect(agentEvents).toEqual([{ ticketId }]);
    expect(strangerEvents).toEqual([]);
    const own = await collectSseEvents(`${base}/api/v1/events`, customer.cookie, {
      event: 'ticket.changed',
      count: 1,
      act: async () => {
        await operator.post(`/api/v1/tickets/${ticketId}/messages`, { body: 'On it' });
      },
    });
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
