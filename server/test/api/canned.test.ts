import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('canned responses', (dialect) => {
  let t: TestApp;
  let operator: Client; // tier-1 group
  let engineer: Client; // tier-2 group
  let manager: Client;
  let tier1 = 0;
  const body = (scope: string, name: string, extra: Record<string, unknown> = {}) => ({
    scope,
    groupId: null,
    name,
    locale: 'en',
    bodyHtml:
      '<p>Hello {{customer.name}}, ticket #{{ticket.number}} ({{ticket.subject}}). {{agent.name}} {{nope.x}}</p>',
    ...extra,
  });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1, name: 'Olga <Operator>' }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    manager = await loginAs(t, await makeUser(t, 'manager'));
    tier1 = (
      await t.ctx.db.kysely.selectFrom('support_groups').select('id').where('tier', '=', 1).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  it('scopes responses: personal to the owner, group to members, global to everyone', async () => {
    expect((await operator.post('/api/v1/canned-responses', body('personal', 'mine'))).statusCode).toBe(201);
    expect(
      (await operator.post('/api/v1/canned-responses', body('group', 'first-line', { groupId: tier1 }))).statusCode,
    ).toBe(201);
    const globalByOperator = await operator.post('/api/v1/canned-responses', body('global', 'hello'));
    expect(globalByOperator.statusCode).toBe(403);
    expect((await manager.post('/api/v1/canned-responses', body('global', 'hello'))).statusCode).toBe(201);
    const notMember = await engineer.post('/api/v1/canned-responses', body('group', 'x', { groupId: tier1 }));
    expect(notMember.statusCode).toBe(403);

    const names = async (client: Client) =>
      ((await client.get('/api/v1/canned-responses')).json() as { name: string }[]).map((c) => c.name);
    expect(await names(operator)).toEqual(['first-line', 'hello', 'mine']);
    expect(await names(engineer)).toEqual(['hello']);
    expect(await names(manager)).toEqual(['hello']);

    const list = (await operator.get('/api/v1/canned-responses')).json() as {
      id: number;
      name: string;
      editable: boolean;
    }[];
    const mine = list.find((c) => c.name === 'mine')!;
    const global = list.find((c) => c.name === 'hello')!;
    expect(global.editable).toBe(false);
    expect((await engineer.del(`/api/v1/canned-responses/${mine.id}`)).statusCode).toBe(404);
    // A group's response does not exist for someone outside the group, whichever route asks.
    const firstLine = list.find((c) => c.name === 'first-line')!;
    expect((await engineer.del(`/api/v1/canned-responses/${firstLine.id}`)).statusCode).toBe(404);
    expect(await names(operator)).toContain('first-line');
    expect((await operator.put(`/api/v1/canned-responses/${global.id}`, body('global', 'hello2'))).statusCode).toBe(
      403,
    );
    expect((await operator.put(`/api/v1/canned-responses/${mine.id}`, body('personal', 'mine2'))).statusCode).toBe(200);
    expect((await operator.del(`/api/v1/canned-responses/${mine.id}`)).statusCode).toBe(204);
    expect(await names(operator)).toEqual(['first-line', 'hello']);
  });

  it('fills placeholders for a ticket with escaped values and leaves unknown ones', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer', { name: 'Eve <script>x</script>' }));
    const ticket = await openTicket(customer, { subject: 'Mail & calendar' });
    const list = (await operator.get('/api/v1/canned-responses')).json() as { id: number; name: string }[];
    const id = list.find((c) => c.name === 'hello')!.id;
    const res = await operator.post(`/api/v1/canned-responses/${id}/render`, { ticketId: ticket.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().html).toBe(
      `<p>Hello Eve &lt;script&gt;x&lt;/script&gt;, ticket #${ticket.number} (Mail &amp; calendar). Olga &lt;Operator&gt; {{nope.x}}</p>`,
    );
    const unknownTicket = await operator.post(`/api/v1/canned-responses/${id}/render`, { ticketId: 999999 });
    expect(unknownTicket.statusCode).toBe(400);
    expect(unknownTicket.json().error.fields).toEqual(['ticketId']);
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [body('personal', 'has space'), 'name'],
      [body('group', 'g', { groupId: null }), 'groupId'],
      [body('personal', 'p', { groupId: tier1 }), 'groupId'],
      [body('personal', 'p', { bodyHtml: '   ' }), 'bodyHtml'],
    ];
    for (const [input, field] of cases) {
      const res = await operator.post('/api/v1/canned-responses', input);
      expect(res.statusCode, JSON.stringify(input)).toBe(400);
      expect(res.json().error.fields).toEqual([field]);
    }
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    expect((await customer.get('/api/v1/canned-responses')).statusCode).toBe(403);
  });
});
