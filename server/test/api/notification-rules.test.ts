import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_RULES } from '../../db/migrations/0007_notifications.ts';
import { DELIVERY_DEFAULT_RULES } from '../../db/migrations/0008_notification_delivery.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const BASE = '/api/v1/notification-rules';

interface RuleJson {
  id: number;
  event: string;
  recipientRole: string;
  channel: string;
  enabled: boolean;
  userOverridable: boolean;
  ticketType: string | null;
  serviceId: number | null;
  userId: number | null;
}

/** A rule body for the API: a level-1 default-process rule unless overridden. */
function rule(overrides: Record<string, unknown> = {}) {
  return {
    level: 'workflow',
    ticketType: null,
    serviceId: null,
    userId: null,
    event: 'ticket.resolved',
    categoryId: null,
    statusTo: null,
    recipientRole: 'requester',
    channel: 'email',
    enabled: true,
    userOverridable: true,
    ...overrides,
  };
}

describeEachDialect('notification rules API', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => {
    await t.close();
  });

  const count = async (table: 'notification_rules' | 'audit_log') =>
    (await t.ctx.db.kysely.selectFrom(table).select('id').execute()).length;
  const audits = async () =>
    t.ctx.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action'])
      .where('entity', '=', 'notification_rule')
      .orderBy('id')
      .execute();

  it('seeds the level-1 defaults of the default process', async () => {
    const res = await admin.get(`${BASE}?level=workflow`);
    expect(res.statusCode).toBe(200);
    const rules = res.json() as RuleJson[];
    const defaults = [...DEFAULT_NOTIFICATION_RULES, ...DELIVERY_DEFAULT_RULES];
    expect(rules).toHaveLength(defaults.length);
    const pick = (r: Pick<RuleJson, 'event' | 'recipientRole' | 'channel' | 'enabled' | 'userOverridable'>) =>
      `${r.event} ${r.recipientRole} ${r.channel} ${r.enabled ? 'on' : 'off'}${r.userOverridable ? ' overridable' : ''}`;
    expect(rules.map(pick).sort()).toEqual(defaults.map(pick).sort());
    expect(rules.every((r) => r.ticketType === null && r.serviceId === null && r.userId === null)).toBe(true);
    expect(rules.filter((r) => !r.userOverridable).map(pick)).toEqual([
      'ticket.sla_breached managers email on',
      'ticket.sla_breached owner email on',
    ]);
    const breached = (await admin.get(`${BASE}?event=ticket.sla_breached`)).json() as unknown[];
    expect(breached).toHaveLength(2);
    expect((await admin.get(`${BASE}?level=service`)).json()).toEqual([]);
  });

  it('creates, changes and deletes rules with an audit entry each', async () => {
    const service = (await admin.post('/api/v1/services', { name: 'VPN' })).json().id as number;
    const created = await admin.post(BASE, rule({ level: 'service', serviceId: service, enabled: false }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ id, level: 'service', serviceId: service, enabled: false });
    expect((await admin.get(`${BASE}?serviceId=${service}`)).json()).toHaveLength(1);

    const changed = await admin.put(`${BASE}/${id}`, rule({ level: 'service', serviceId: service, enabled: true }));
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id, enabled: true });
    const status = await admin.post(BASE, rule({ event: 'ticket.status_changed', statusTo: 'resolved' }));
    expect(status.statusCode).toBe(201);
    expect(status.json().statusTo).toBe('resolved');

    expect((await admin.del(`${BASE}/${id}`)).statusCode).toBe(204);
    expect((await admin.del(`${BASE}/${id}`)).statusCode).toBe(404);
    expect((await admin.put(`${BASE}/${id}`, rule())).statusCode).toBe(404);
    expect(await audits()).toEqual([
      { entity: 'notification_rule', entity_id: id, action: 'create' },
      { entity: 'notification_rule', entity_id: id, action: 'update' },
      { entity: 'notification_rule', entity_id: status.json().id, action: 'create' },
      { entity: 'notification_rule', entity_id: id, action: 'delete' },
    ]);
  });

  it('rejects invalid rules naming the field, and changes nothing', async () => {
    const seeded = (await admin.get(BASE)).json() as { id: number }[];
    const rulesBefore = await count('notification_rules');
    const auditBefore = await count('audit_log');
    const cases: [Record<string, unknown>, string[]][] = [
      [{ level: 'service' }, ['serviceId']],
      [{ serviceId: 1 }, ['serviceId']],
      [{ level: 'user' }, ['userId']],
      [{ level: 'service', serviceId: 9999 }, ['serviceId']],
      [{ level: 'user', userId: 9999 }, ['userId']],
      [{ categoryId: 9999 }, ['categoryId']],
      [{ statusTo: 'resolved' }, ['statusTo']],
      [{ ticketType: 'no_such_type' }, ['ticketType']],
      [{ level: 'user', userId: admin.actor.id, ticketType: 'incident' }, ['ticketType']],
    ];
    for (const [overrides, fields] of cases) {
      const res = await admin.post(BASE, rule(overrides));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().error.fields, JSON.stringify(overrides)).toEqual(fields);
      const put = await admin.put(`${BASE}/${seeded[0].id}`, rule(overrides));
      expect(put.statusCode).toBe(400);
      expect(put.json().error.fields).toEqual(fields);
    }
    expect((await admin.post(BASE, rule({ event: 'ticket.nothing' }))).statusCode).toBe(400);
    expect((await admin.post(BASE, rule({ ticketType: 'incident' }))).statusCode).toBe(201);
    expect(await count('notification_rules')).toBe(rulesBefore + 1);
    expect(await count('audit_log')).toBe(auditBefore + 1);
    expect((await admin.get(BASE)).json()[0]).toEqual(seeded[0]);
  });

  it('explains which level decides: default, service override, user override where allowed', async () => {
    const customer = await loginAs(t, await makeUser(t, 'customer'));
    const service = (await admin.post('/api/v1/services', { name: 'VPN' })).json().id as number;
    const ticket = await openTicket(customer);
    await t.ctx.db.kysely.updateTable('tickets').set({ service_id: service }).where('id', '=', ticket.id).execute();
    const ask = async (event = 'ticket.resolved', roles = ['requester']) => {
      const res = await admin.post(`${BASE}/explain`, {
        event,
        ticketId: ticket.id,
        userId: customer.actor.id,
        roles,
        channel: 'email',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        send: boolean;
        decidedByLevel: number | null;
        decidedBy: { level: string; ruleId: number } | null;
        trace: { ruleId: number; outcome: string; code: string; params: Record<string, unknown> }[];
      };
    };
    const seeded = (await admin.get(`${BASE}?event=ticket.resolved`)).json()[0].id as number;

    const level1 = await ask();
    expect(level1).toMatchObject({ send: true, decidedByLevel: 1, decidedBy: { level: 'workflow', ruleId: seeded } });

    const serviceRule = (await admin.post(BASE, rule({ level: 'service', serviceId: service, enabled: false }))).json()
      .id as number;
    const level2 = await ask();
    expect(level2).toMatchObject({
      send: false,
      decidedByLevel: 2,
      decidedBy: { level: 'service', ruleId: serviceRule },
    });
    expect(level2.trace.find((e) => e.ruleId === seeded)).toMatchObject({
      outcome: 'outranked',
      code: 'outranked_level',
      params: { ruleId: serviceRule, level: 2 },
    });
    // The ticket may also be named by its number, as people see it.
    const byNumber = await admin.post(`${BASE}/explain`, {
      event: 'ticket.resolved',
      ticketNumber: ticket.number,
      userId: customer.actor.id,
      roles: ['requester'],
      channel: 'email',
    });
    expect(byNumber.json()).toMatchObject({ send: false, decidedByLevel: 2 });
    const noSuch = await admin.post(`${BASE}/explain`, {
      event: 'ticket.resolved',
      ticketNumber: 999999,
      userId: customer.actor.id,
      roles: ['requester'],
      channel: 'email',
    });
    expect(noSuch.statusCode).toBe(400);
    expect(noSuch.json().error.fields).toEqual(['ticketNumber']);

    const mine = (await admin.post(BASE, rule({ level: 'user', userId: customer.actor.id, enabled: true }))).json()
      .id as number;
    expect(await ask()).toMatchObject({ send: true, decidedByLevel: 3, decidedBy: { level: 'user', ruleId: mine } });

    // The same ticket described in the body, without a service: level 2 does not apply.
    const described = await admin.post(`${BASE}/explain`, {
      event: 'ticket.resolved',
      ticket: { type: 'incident', serviceId: null, categoryId: null, statusTo: null },
      userId: customer.actor.id,
      roles: ['requester'],
      channel: 'email',
    });
    expect(described.json()).toMatchObject({ send: true, decidedByLevel: 3 });

    // The admin locks the service rule: the user's choice no longer counts.
    await admin.put(
      `${BASE}/${serviceRule}`,
      rule({ level: 'service', serviceId: service, enabled: false, userOverridable: false }),
    );
    const locked = await ask();
    expect(locked).toMatchObject({ send: false, decidedByLevel: 2, decidedBy: { ruleId: serviceRule } });
    expect(locked.trace.find((e) => e.ruleId === mine)?.outcome).toBe('locked');

    // A mandatory default (SLA breach to the owner) cannot be silenced by a user rule.
    const optOut = await admin.post(
      BASE,
      rule({
        level: 'user',
        userId: customer.actor.id,
        event: 'ticket.sla_breached',
        recipientRole: 'owner',
        enabled: false,
      }),
    );
    expect(optOut.statusCode).toBe(201);
    const breach = await ask('ticket.sla_breached', ['owner']);
    expect(breach).toMatchObject({ send: true, decidedByLevel: 1 });
    expect(breach.trace.find((e) => e.ruleId === optOut.json().id)?.outcome).toBe('locked');

    const missing = await admin.post(`${BASE}/explain`, {
      event: 'ticket.resolved',
      userId: customer.actor.id,
      roles: ['requester'],
      channel: 'email',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual(['ticketId', 'ticketNumber', 'ticket']);
  });

  it('refuses customers and operators', async () => {
    for (const role of ['customer', 'operator']) {
      const client = await loginAs(t, await makeUser(t, role));
      expect((await client.get(BASE)).statusCode).toBe(403);
      expect((await client.post(BASE, rule())).statusCode).toBe(403);
      expect((await client.put(`${BASE}/1`, rule())).statusCode).toBe(403);
      expect((await client.del(`${BASE}/1`)).statusCode).toBe(403);
      const explain = await client.post(`${BASE}/explain`, {
        event: 'ticket.resolved',
        ticket: { type: null, serviceId: null, categoryId: null, statusTo: null },
        userId: client.actor.id,
        roles: ['requester'],
        channel: 'email',
      });
      expect(explain.statusCode).toBe(403);
    }
    expect(await audits()).toEqual([]);
  });
});
