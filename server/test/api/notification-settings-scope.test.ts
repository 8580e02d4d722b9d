import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

// Personal settings narrowed by ticket group (category) and target status (cascade level 3).

const URL = '/api/v1/me/notification-settings';
const RULES = '/api/v1/notification-rules';

interface Source {
  level: string;
  ruleId: number;
  categoryId: number | null;
  statusTo: string | null;
}
interface Item {
  event: string;
  recipientRole: string;
  channel: string;
  inherited: { send: boolean; source: Source | null };
  userOverridable: boolean;
  override: { ruleId: number; enabled: boolean } | null;
  send: boolean;
}
interface Answer {
  context: Record<string, unknown>;
  items: Item[];
  overrideScopes: { categoryId: number | null; statusTo: string | null; count: number }[];
}

const find = (answer: Answer, event: string, role: string, channel = 'email') =>
  answer.items.find((i) => i.event === event && i.recipientRole === role && i.channel === channel)!;

describeEachDialect('personal notification settings by ticket group and status', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let printers: number;
  let network: number;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    printers = (await admin.post('/api/v1/categories', { name: 'Printers' })).json().id;
    network = (await admin.post('/api/v1/categories', { name: 'Network' })).json().id;
  });
  afterEach(async () => {
    await t.close();
  });

  const get = async (c: Client, query = '') => {
    const res = await c.get(`${URL}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const put = async (c: Client, context: Record<string, unknown>, changes: Record<string, unknown>[]) => {
    const res = await c.put(URL, { context, changes });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };
  const userRules = async (userId: number) =>
    t.ctx.db.kysely
      .selectFrom('notification_rules')
      .select(['event', 'category_id', 'status_to', 'enabled'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  const explain = async (userId: number, event: string, categoryId: number | null, statusTo: string | null = null) =>
    (
      await admin.post(`${RULES}/explain`, {
        event,
        ticket: { type: null, serviceId: null, categoryId, statusTo },
        userId,
        roles: ['owner'],
        channel: 'email',
      })
    ).json();
  const assigned = { event: 'ticket.assigned_to_me', recipientRole: 'owner', channel: 'email' };

  it('sets, lists and clears a choice for one ticket group only', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const before = await get(agent, `?categoryId=${printers}`);
    expect(before.context).toEqual({ ticketType: null, serviceId: null, categoryId: printers, statusTo: null });
    expect(find(before, assigned.event, 'owner')).toMatchObject({
      inherited: { send: true, source: { level: 'workflow', categoryId: null } },
      userOverridable: true,
      override: null,
      send: true,
    });

    const set = await put(agent, { categoryId: printers }, [{ ...assigned, enabled: false }]);
    const item = find(set, assigned.event, 'owner');
    expect(item).toMatchObject({ inherited: { send: true }, override: { enabled: false }, send: false });
    expect(await userRules(agent.actor.id)).toEqual([
      { event: assigned.event, category_id: printers, status_to: null, enabled: 0 },
    ]);
    expect(set.overrideScopes).toEqual([{ categoryId: printers, statusTo: null, count: 1 }]);
    const audits = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity', '=', 'notification_rule')
      .where('actor_id', '=', agent.actor.id)
      .execute();
    expect(audits).toEqual([{ entity_id: item.override!.ruleId, action: 'create' }]);

    // Neither the general view nor another group has it.
    expect(find(await get(agent), assigned.event, 'owner')).toMatchObject({ override: null, send: true });
    expect(find(await get(agent, `?categoryId=${network}`), assigned.event, 'owner')).toMatchObject({
      override: null,
      send: true,
    });
    // The explanation names the group rule as deciding, for that group only.
    const inPrinters = await explain(agent.actor.id, assigned.event, printers);
    expect(inPrinters).toMatchObject({ send: false, decidedByLevel: 3, decidedBy: { ruleId: item.override!.ruleId } });
    expect(inPrinters.trace.find((e: { ruleId: number }) => e.ruleId === item.override!.ruleId)).toMatchObject({
      outcome: 'won',
      code: 'won_skip',
    });
    expect(await explain(agent.actor.id, assigned.event, network)).toMatchObject({ send: true, decidedByLevel: 1 });

    const cleared = await put(agent, { categoryId: printers }, [{ ...assigned, enabled: null }]);
    expect(find(cleared, assigned.event, 'owner')).toMatchObject({ override: null, send: true });
    expect(cleared.overrideScopes).toEqual([]);
    expect(await userRules(agent.actor.id)).toEqual([]);
  });

  it('shows a broader choice of one’s own as what a group inherits, and keeps the two apart', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const general = await put(agent, {}, [{ ...assigned, enabled: false }]);
    const generalRule = find(general, assigned.event, 'owner').override!.ruleId;
    const group = find(await get(agent, `?categoryId=${printers}`), assigned.event, 'owner');
    expect(group).toMatchObject({
      inherited: { send: false, source: { level: 'user', ruleId: generalRule, categoryId: null } },
      override: null,
      send: false,
    });
    // Back on for printers only.
    const on = await put(agent, { categoryId: printers }, [{ ...assigned, enabled: true }]);
    expect(find(on, assigned.event, 'owner')).toMatchObject({ inherited: { send: false }, send: true });
    expect(on.overrideScopes).toEqual([
      { categoryId: null, statusTo: null, count: 1 },
      { categoryId: printers, statusTo: null, count: 1 },
    ]);
    expect(find(await get(agent), assigned.event, 'owner')).toMatchObject({
      override: { ruleId: generalRule, enabled: false },
      send: false,
    });
    // Clearing the general choice leaves the group's alone.
    await put(agent, {}, [{ ...assigned, enabled: null }]);
    expect(await userRules(agent.actor.id)).toEqual([
      { event: assigned.event, category_id: printers, status_to: null, enabled: 1 },
    ]);
  });

  it('stores a target status on the status-change setting only, alone or with a group', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const changed = { event: 'ticket.status_changed', recipientRole: 'requester', channel: 'email' };
    const resolved = { event: 'ticket.resolved', recipientRole: 'requester', channel: 'email' };
    const view = await put(customer, { statusTo: 'in_progress' }, [
      { ...changed, enabled: true },
      { ...resolved, enabled: false },
    ]);
    expect(find(view, changed.event, 'requester')).toMatchObject({
      inherited: { send: false, source: { level: 'workflow', statusTo: null } },
      override: { enabled: true },
      send: true,
    });
    expect(await userRules(customer.actor.id)).toEqual([
      { event: changed.event, category_id: null, status_to: 'in_progress', enabled: 1 },
      { event: resolved.event, category_id: null, status_to: null, enabled: 0 },
    ]);
    // Another status, and the general view, do not have the status choice.
    expect(find(await get(customer, '?statusTo=closed'), changed.event, 'requester')).toMatchObject({
      override: null,
      send: false,
    });
    const plain = await get(customer);
    expect(find(plain, changed.event, 'requester')).toMatchObject({ override: null, send: false });
    expect(find(plain, resolved.event, 'requester')).toMatchObject({ override: { enabled: false }, send: false });

    // Group + status is narrower still, and inherits the status-only choice.
    const both = `?categoryId=${printers}&statusTo=in_progress`;
    expect(find(await get(customer, both), changed.event, 'requester')).toMatchObject({
      inherited: { send: true, source: { level: 'user', categoryId: null, statusTo: 'in_progress' } },
      override: null,
    });
    const narrow = await put(customer, { categoryId: printers, statusTo: 'in_progress' }, [
      { ...changed, enabled: false },
    ]);
    expect(find(narrow, changed.event, 'requester')).toMatchObject({ override: { enabled: false }, send: false });
    expect(narrow.overrideScopes).toEqual([
      { categoryId: null, statusTo: null, count: 1 },
      { categoryId: null, statusTo: 'in_progress', count: 1 },
      { categoryId: printers, statusTo: 'in_progress', count: 1 },
    ]);
    expect(find(await get(customer, '?statusTo=in_progress'), changed.event, 'requester').send).toBe(true);
    // Cleared in its own scope only.
    await put(customer, { categoryId: printers, statusTo: 'in_progress' }, [{ ...changed, enabled: null }]);
    expect((await userRules(customer.actor.id)).map((r) => [r.category_id, r.status_to])).toEqual([
      [null, 'in_progress'],
      [null, null],
    ]);
  });

  it('refuses unknown groups and statuses naming the field, changing nothing', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const fieldsOf = (res: { statusCode: number; json: () => { error: { fields: string[] } } }) => {
      expect(res.statusCode).toBe(400);
      return res.json().error.fields;
    };
    expect(fieldsOf(await agent.get(`${URL}?categoryId=99999`))).toEqual(['categoryId']);
    expect(fieldsOf(await agent.get(`${URL}?statusTo=no_such_status`))).toEqual(['statusTo']);
    expect(fieldsOf(await agent.get(`${URL}?categoryId=99999&statusTo=nope&serviceId=99999`))).toEqual([
      'serviceId',
      'categoryId',
      'statusTo',
    ]);
    expect(fieldsOf(await agent.get(`${URL}?categoryId=0`))).toEqual(['categoryId']);
    const change = [{ ...assigned, enabled: false }];
    expect(fieldsOf(await agent.put(URL, { context: { categoryId: 99999 }, changes: change }))).toEqual([
      'context.categoryId',
    ]);
    expect(fieldsOf(await agent.put(URL, { context: { statusTo: 'nope' }, changes: change }))).toEqual([
      'context.statusTo',
    ]);
    expect(await userRules(agent.actor.id)).toEqual([]);
  });

  it('keeps the administrator’s lock per group and per status', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const rule = {
      level: 'workflow',
      ticketType: null,
      serviceId: null,
      userId: null,
      statusTo: null,
      enabled: true,
      userOverridable: false,
    };
    expect((await admin.post(RULES, { ...rule, ...assigned, categoryId: printers })).statusCode).toBe(201);
    const changed = { event: 'ticket.status_changed', recipientRole: 'requester', channel: 'email' };
    expect((await admin.post(RULES, { ...rule, ...changed, categoryId: null, statusTo: 'closed' })).statusCode).toBe(
      201,
    );

    const locked = await agent.put(URL, {
      context: { categoryId: printers },
      changes: [{ ...assigned, enabled: false }],
    });
    expect(locked.statusCode).toBe(403);
    expect(locked.json().error).toMatchObject({ code: 'not_overridable', fields: ['changes.0.enabled'] });
    expect(find(await get(agent, `?categoryId=${printers}`), assigned.event, 'owner')).toMatchObject({
      userOverridable: false,
      send: true,
    });
    await put(agent, { categoryId: network }, [{ ...assigned, enabled: false }]);

    const closed = await customer.put(URL, {
      context: { statusTo: 'closed' },
      changes: [{ ...changed, enabled: false }],
    });
    expect(closed.statusCode).toBe(403);
    await put(customer, { statusTo: 'in_progress' }, [{ ...changed, enabled: true }]);
    expect(await userRules(agent.actor.id)).toEqual([
      { event: assigned.event, category_id: network, status_to: null, enabled: 0 },
    ]);
    expect(await userRules(customer.actor.id)).toEqual([
      { event: changed.event, category_id: null, status_to: 'in_progress', enabled: 1 },
    ]);
  });

  it('delivers by the choice: off for a group stops exactly the mail of tickets in it', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const owner = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    const ticketIn = async (categoryId: number, subject: string) => {
      const ticket = await openTicket(customer, { subject });
      const res = await admin.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: owner.actor.id, categoryId });
      expect(res.statusCode, res.body).toBe(200);
      return ticket.id as number;
    };
    const inPrinters = await ticketIn(printers, 'Printer jams');
    const inNetwork = await ticketIn(network, 'Wi-Fi drops');
    await put(customer, { categoryId: printers }, [
      { event: 'ticket.agent_replied', recipientRole: 'requester', channel: 'email', enabled: false },
    ]);
    for (const id of [inPrinters, inNetwork]) {
      expect((await owner.post(`/api/v1/tickets/${id}/messages`, { body: 'Please restart it.' })).statusCode).toBe(201);
    }
    await t.ctx.worker.drain();
    const mails = async (template: string) =>
      (
        await t.ctx.db.kysely
          .selectFrom('mail_outbound')
          .select('ticket_id')
          .where('to_address', '=', customer.actor.email)
          .where('template', '=', template)
          .execute()
      ).map((m) => m.ticket_id);
    expect(await mails('reply')).toEqual([inNetwork]);
    // Only that event: the resolved mail of the same ticket still goes out.
    const resolve = await owner.post(`/api/v1/tickets/${inPrinters}/transitions`, {
      to: 'resolved',
      solution: 'Fixed',
    });
    expect(resolve.statusCode, resolve.body).toBe(200);
    await t.ctx.worker.drain();
    expect(await mails('resolved')).toEqual([inPrinters]);
  });

  it('delivers by the choice: on for one target status sends only that status change', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const owner = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    const ticket = await openTicket(customer);
    expect((await admin.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: owner.actor.id })).statusCode).toBe(200);
    await put(customer, { statusTo: 'in_progress' }, [
      { event: 'ticket.status_changed', recipientRole: 'requester', channel: 'email', enabled: true },
    ]);
    const statusMails = async () =>
      t.ctx.db.kysely
        .selectFrom('mail_outbound')
        .select('id')
        .where('to_address', '=', customer.actor.email)
        .where('template', '=', 'notify:ticket.status_changed')
        .execute();
    for (const to of ['in_progress', 'waiting_customer']) {
      const res = await owner.post(`/api/v1/tickets/${ticket.id}/transitions`, { to });
      expect(res.statusCode, res.body).toBe(200);
      await t.ctx.worker.drain();
      expect(await statusMails(), to).toHaveLength(1);
    }
  });
});
