import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

describeEachDialect('custom ticket fields', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let engineer: Client;
  let customer: Client;
  const ids: Record<string, number> = {};

  async function define(body: object) {
    const res = await admin.post('/api/v1/custom-fields', body);
    expect(res.statusCode, res.body).toBe(201);
    const field = res.json();
    ids[field.key] = field.id;
    return field;
  }

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    customer = await loginAs(t, await makeUser(t, 'customer'));
    await define({
      key: 'severity',
      type: 'select',
      labels: { en: 'Severity', uk: 'Критичність' },
      options: [{ value: 's1' }, { value: 's2' }, { value: 's3' }],
      requiredForTypes: ['incident'],
      portalVisible: true,
    });
    await define({ key: 'cost_center', type: 'number', labels: { en: 'Cost center' } });
    await define({
      key: 'affected',
      type: 'multi_select',
      labels: { en: 'Affected' },
      options: [{ value: 'mail' }, { value: 'vpn' }],
    });
    await define({ key: 'vip', type: 'checkbox', labels: { en: 'VIP' }, defaultValue: false });
    await define({
      key: 'root_cause',
      type: 'long_text',
      labels: { en: 'Root cause' },
      requiredForStatuses: ['resolved'],
    });
  });
  afterEach(async () => t.close());

  it('lets customers fill portal fields at intake and refuses the rest, naming each field', async () => {
    const missing = await customer.post('/api/v1/tickets', { subject: 'S', body: 'B' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual(['cf.severity']);
    const forbidden = await customer.post('/api/v1/tickets', {
      subject: 'S',
      body: 'B',
      priority: 'high',
      customFields: { severity: 's1', cost_center: 7 },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.fields).toEqual(['priority', 'cf.cost_center']);
    const badValue = await customer.post('/api/v1/tickets', {
      subject: 'S',
      body: 'B',
      customFields: { severity: 's9' },
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.fields).toEqual(['cf.severity']);
    const unknown = await customer.post('/api/v1/tickets', {
      subject: 'S',
      body: 'B',
      customFields: { severity: 's1', colour: 'red' },
    });
    expect(unknown.json().error.fields).toEqual(['cf.colour']);
    expect(await t.ctx.db.kysely.selectFrom('tickets').select('id').execute()).toHaveLength(0);

    const ticket = await openTicket(customer, { customFields: { severity: 's2' } });
    const seen = (await customer.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(seen.customFields).toEqual({ severity: 's2' });
    expect(seen.abilities.fields['cf.severity']).toBe('read');
    const staff = (await operator.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(staff.customFields).toEqual({
      severity: 's2',
      cost_center: null,
      affected: [],
      vip: false,
      root_cause: null,
    });
    // Service requests do not require severity.
    expect(
      (await customer.post('/api/v1/tickets', { subject: 'S', body: 'B', type: 'service_request' })).statusCode,
    ).toBe(201);
  });

  it('lets agents change values, records history, and filters the queue by them', async () => {
    const a = await openTicket(customer, { customFields: { severity: 's1' } });
    const b = await openTicket(customer, { customFields: { severity: 's3' } });
    const patched = await operator.patch(`/api/v1/tickets/${a.id}`, {
      customFields: { cost_center: 42, affected: ['vpn', 'mail'] },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().customFields).toMatchObject({ cost_center: 42, affected: ['vpn', 'mail'] });
    await operator.patch(`/api/v1/tickets/${b.id}`, { customFields: { affected: ['mail'] } });

    const history = (await operator.get(`/api/v1/tickets/${a.id}/history`)).json().items;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'cf.cost_center', from: null, to: '42' }),
        expect.objectContaining({ field: 'cf.affected', from: null, to: '["vpn","mail"]' }),
      ]),
    );
    const customerHistory = (await customer.get(`/api/v1/tickets/${a.id}/history`)).json().items;
    expect(customerHistory.map((h: { field: string }) => h.field)).not.toContain('cf.cost_center');

    const ids = async (client: Client, query: string) =>
      (await client.get(`/api/v1/tickets?${query}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids(operator, 'cf=severity:s1')).toEqual([a.id]);
    expect(await ids(operator, 'cf=affected:mail')).toEqual([b.id, a.id]);
    expect(await ids(operator, 'cf=affected:mail&cf=cost_center:42')).toEqual([a.id]);
    expect(await ids(customer, 'cf=severity:s3')).toEqual([b.id]);
    const hiddenFilter = await customer.get('/api/v1/tickets?cf=cost_center:42');
    expect(hiddenFilter.statusCode).toBe(400);
    expect(hiddenFilter.json().error.fields).toEqual(['cf.cost_center']);
  });

  it('requires fields before a transition and follows field rules for custom fields', async () => {
    const ticket = await openTicket(customer, { customFields: { severity: 's1' } });
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
    const early = await engineer.post(`/api/v1/tickets/${ticket.id}/transitions`, {
      to: 'resolved',
      solution: 'Fixed',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual(['cf.root_cause']);
    await engineer.patch(`/api/v1/tickets/${ticket.id}`, { customFields: { root_cause: 'Expired certificate' } });
    expect(
      (await engineer.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'resolved', solution: 'Fixed' }))
        .statusCode,
    ).toBe(200);

    const roles = (await admin.get('/api/v1/roles')).json().items;
    const engineerRole = roles.find((r: { key: string }) => r.key === 'engineer');
    expect(engineerRole.fieldRules.default['cf.cost_center']).toBe('write');
    expect(roles.find((r: { key: string }) => r.key === 'customer').fieldRules.default['cf.cost_center']).toBe(
      'hidden',
    );
    await admin.patch(`/api/v1/roles/${engineerRole.id}`, {
      fieldRules: {
        ...engineerRole.fieldRules,
        default: { ...engineerRole.fieldRules.default, 'cf.cost_center': 'hidden' },
      },
    });
    expect((await engineer.get(`/api/v1/tickets/${ticket.id}`)).json().customFields).not.toHaveProperty('cost_center');
    const refused = await engineer.patch(`/api/v1/tickets/${ticket.id}`, {
      priority: 'low',
      customFields: { cost_center: 1 },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.fields).toEqual(['cf.cost_center']);
  });

  it('deletes an unused field, retires a used one, and audits both', async () => {
    const ticket = await openTicket(customer, { customFields: { severity: 's1' } });
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { customFields: { cost_center: 5 } });
    expect((await admin.del(`/api/v1/custom-fields/${ids.root_cause}`)).json()).toEqual({ result: 'deleted' });
    expect((await admin.del(`/api/v1/custom-fields/${ids.cost_center}`)).json()).toEqual({ result: 'retired' });
    const visible = (await operator.get('/api/v1/custom-fields')).json().items.map((f: { key: string }) => f.key);
    expect(visible).toEqual(['severity', 'affected', 'vip']);
    expect((await customer.get('/api/v1/custom-fields')).json().items.map((f: { key: string }) => f.key)).toEqual([
      'severity',
    ]);
    expect((await operator.get(`/api/v1/tickets/${ticket.id}`)).json().customFields).not.toHaveProperty('cost_center');
    const roles = (await admin.get('/api/v1/roles')).json().items;
    expect(roles.every((r: { fieldRules: { default: object } }) => !('cf.root_cause' in r.fieldRules.default))).toBe(
      true,
    );
    const audit = (await admin.get('/api/v1/audit?entity=custom_field'))
      .json()
      .items.map((a: { action: string }) => a.action);
    expect(audit.slice(0, 2)).toEqual(['retire', 'delete']);
    expect(audit.filter((a: string) => a === 'create')).toHaveLength(5);
  });

  it('validates definitions', async () => {
    const noOptions = await admin.post('/api/v1/custom-fields', {
      key: 'kind',
      type: 'select',
      labels: { en: 'Kind' },
    });
    expect(noOptions.statusCode).toBe(400);
    expect(noOptions.json().error.fields).toEqual(['options']);
    const taken = await admin.post('/api/v1/custom-fields', { key: 'severity', type: 'text', labels: { en: 'Again' } });
    expect(taken.statusCode).toBe(409);
    const badKey = await admin.post('/api/v1/custom-fields', { key: 'Bad Key', type: 'text', labels: { en: 'X' } });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.fields).toEqual(['key']);
    const badDefault = await admin.post('/api/v1/custom-fields', {
      key: 'when',
      type: 'date',
      labels: { en: 'When' },
      defaultValue: '2026-02-30',
    });
    expect(badDefault.json().error.fields).toEqual(['cf.when']);
  });
});
