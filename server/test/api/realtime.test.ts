import { afterEach, beforeEach, expect, it } from 'vitest';
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
