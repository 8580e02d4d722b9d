import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeOrganization, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const URL = '/api/v1/me/notification-settings';
const RULES = '/api/v1/notification-rules';

interface Item {
  event: string;
  recipientRole: string;
  channel: string;
  inherited: {
    send: boolean;
    source: { level: string; ruleId: number; ticketType: string | null; serviceName: string | null } | null;
  };
  userOverridable: boolean;
  override: { ruleId: number; enabled: boolean } | null;
  send: boolean;
}
interface Answer {
  roles: string[];
  items: Item[];
}

const find = (answer: Answer, event: string, role: string, channel: string) =>
  answer.items.find((i) => i.event === event && i.recipientRole === role && i.channel === channel)!;

describeEachDialect('personal notification settings API', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => {
    await t.close();
  });

  const userRules = async (userId: number) =>
    t.ctx.db.kysely
      .selectFrom('notification_rules')
      .select(['id', 'event', 'recipient_role', 'channel', 'enabled'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();

  it('shows an agent the inherited values of their roles with where they come from', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    const res = await agent.get(URL);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as Answer;
    expect(answer.roles).toEqual(['owner', 'group_members', 'watchers']);
    expect(find(answer, 'ticket.assigned_to_me', 'owner', 'email')).toEqual({
      event: 'ticket.assigned_to_me',
      recipientRole: 'owner',
      channel: 'email',
      inherited: {
        send: true,
        source: expect.objectContaining({ level: 'workflow', ticketType: null, serviceName: null }),
      },
      userOverridable: true,
      override: null,
      send: true,
    });
    // SLA breach to the owner is mandatory; nothing configured for watchers.
    expect(find(answer, 'ticket.sla_breached', 'owner', 'email')).toMatchObject({ send: true, userOverridable: false });
    expect(find(answer, 'ticket.closed', 'watchers', 'email')).toMatchObject({
      inherited: { send: false, source: null },
      userOverridable: false,
    });
    expect(answer.items.some((i) => i.recipientRole === 'requester')).toBe(false);
    // A manager also holds the managers role.
    const manager = await loginAs(t, await makeUser(t, 'manager'));
    expect(((await manager.get(URL)).json() as Answer).roles).toContain('managers');
  });

  it('names the service whose rule decides, for that service', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const service = (await admin.post('/api/v1/services', { name: 'VPN' })).json().id as number;
    const created = await admin.post(RULES, {
      level: 'service',
      ticketType: null,
      serviceId: service,
      userId: null,
      event: 'ticket.assigned_to_me',
      categoryId: null,
      statusTo: null,
      recipientRole: 'owner',
      channel: 'email',
      enabled: false,
      userOverridable: true,
    });
    expect(created.statusCode).toBe(201);
    const general = (await agent.get(URL)).json() as Answer;
    expect(find(general, 'ticket.assigned_to_me', 'owner', 'email').inherited).toMatchObject({
      send: true,
      source: { level: 'workflow' },
    });
    const forService = (await agent.get(`${URL}?serviceId=${service}`)).json() as Answer;
    expect(find(forService, 'ticket.assigned_to_me', 'owner', 'email').inherited).toEqual({
      send: false,
      source: {
        level: 'service',
        ruleId: created.json().id,
        ticketType: null,
        serviceId: service,
        serviceName: 'VPN',
        categoryId: null,
        statusTo: null,
      },
    });
    const unknown = await agent.get(`${URL}?serviceId=99999`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual(['serviceId']);
  });

  it('saves an override, resets it, and the admin explanation says level 3 decided', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const other = await loginAs(t, await makeUser(t, 'operator'));
    const change = { event: 'ticket.assigned_to_me', recipientRole: 'owner', channel: 'email' };
    expect((await other.put(URL, { changes: [{ ...change, enabled: false }] })).statusCode).toBe(200);
    const otherBefore = await userRules(other.actor.id);

    const res = await agent.put(URL, { changes: [{ ...change, enabled: false }] });
    expect(res.statusCode, res.body).toBe(200);
    const item = find(res.json() as Answer, change.event, change.recipientRole, change.channel);
    expect(item).toMatchObject({ send: false, inherited: { send: true }, override: { enabled: false } });
    expect((await userRules(agent.actor.id)).map((r) => [r.event, r.recipient_role, r.channel, r.enabled])).toEqual([
      ['ticket.assigned_to_me', 'owner', 'email', 0],
    ]);
    const explain = await admin.post(`${RULES}/explain`, {
      event: 'ticket.assigned_to_me',
      ticket: { type: null, serviceId: null, categoryId: null, statusTo: null },
      userId: agent.actor.id,
      roles: ['owner'],
      channel: 'email',
    });
    expect(explain.json()).toMatchObject({ send: false, decidedByLevel: 3 });
    const audits = await t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'notification_rule')
      .where('actor_id', '=', agent.actor.id)
      .execute();
    expect(audits).toEqual([{ action: 'create', actor_id: agent.actor.id }]);

    // Setting it again changes nothing; resetting drops the rule.
    expect((await agent.put(URL, { changes: [{ ...change, enabled: false }] })).statusCode).toBe(200);
    expect(await userRules(agent.actor.id)).toHaveLength(1);
    const reset = await agent.put(URL, { changes: [{ ...change, enabled: null }] });
    expect(find(reset.json() as Answer, change.event, 'owner', 'email')).toMatchObject({ override: null, send: true });
    expect(await userRules(agent.actor.id)).toEqual([]);
    expect(await userRules(other.actor.id)).toEqual(otherBefore);
  });

  it('refuses an override the administrator does not allow, naming the field, changing nothing', async () => {
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const res = await agent.put(URL, {
      changes: [
        { event: 'ticket.assigned_to_me', recipientRole: 'owner', channel: 'in_app', enabled: false },
        { event: 'ticket.sla_breached', recipientRole: 'owner', channel: 'email', enabled: false },
      ],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'not_overridable', fields: ['changes.1.enabled'] });
    // No admin rule at all: nothing to opt in to either.
    const none = await agent.put(URL, {
      changes: [{ event: 'ticket.closed', recipientRole: 'watchers', channel: 'email', enabled: true }],
    });
    expect(none.statusCode).toBe(403);
    expect(await userRules(agent.actor.id)).toEqual([]);
  });

  it('gives customers their own roles and refuses staff roles', async () => {
    const org = await makeOrganization(t, 'Acme');
    const customer = await loginAs(t, await makeUser(t, 'customer', { organizationId: org }));
    const answer = (await customer.get(URL)).json() as Answer;
    expect(answer.roles).toEqual(['requester', 'organization_contacts', 'watchers']);
    expect(find(answer, 'ticket.resolved', 'requester', 'email')).toMatchObject({ send: true, userOverridable: true });
    const loner = await loginAs(t, await makeUser(t, 'customer'));
    expect(((await loner.get(URL)).json() as Answer).roles).toEqual(['requester', 'watchers']);

    const staff = await customer.put(URL, {
      changes: [{ event: 'ticket.assigned_to_me', recipientRole: 'owner', channel: 'email', enabled: false }],
    });
    expect(staff.statusCode).toBe(400);
    expect(staff.json().error.fields).toEqual(['changes.0.recipientRole']);
    // Opting in to status-change mail, which is off by default but overridable.
    const optIn = await customer.put(URL, {
      changes: [{ event: 'ticket.status_changed', recipientRole: 'requester', channel: 'email', enabled: true }],
    });
    expect(find(optIn.json() as Answer, 'ticket.status_changed', 'requester', 'email')).toMatchObject({
      inherited: { send: false },
      send: true,
    });
    expect(await userRules(loner.actor.id)).toEqual([]);
  });
});
