import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const HOUR = 3_600_000;

describeEachDialect('workflow administration', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let manager: Client;
  let customer: Client;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator'));
    manager = await loginAs(t, await makeUser(t, 'manager'));
    customer = await loginAs(t, await makeUser(t, 'customer'));
  });
  afterEach(async () => t.close());

  const status = (key: string, body: object) =>
    admin.put(`/api/v1/workflow/statuses/${key}`, { names: {}, pauseSla: false, active: true, position: 50, ...body });
  const transitions = (type: string | null, list: object[]) =>
    admin.put('/api/v1/workflow/transitions', { type, transitions: list });
  const move = (client: Client, id: number, to: string, extra: object = {}) =>
    client.post(`/api/v1/tickets/${id}/transitions`, { to, ...extra });

  it('adds statuses and per-type transitions with roles and requirements; other types keep the default', async () => {
    expect(
      (
        await status('awaiting_approval', {
          names: { en: 'Awaiting approval', uk: 'Очікує погодження' },
          category: 'open',
        })
      ).statusCode,
    ).toBe(204);
    const nameless = await status('limbo', { category: 'open' });
    expect(nameless.json().error.fields).toEqual(['names']);
    const agent = { by: 'agent', roles: [], requires: [] };
    expect(
      (
        await transitions('change_request', [
          { ...agent, from: 'new', to: 'awaiting_approval', requires: ['comment'] },
          { ...agent, from: 'awaiting_approval', to: 'in_progress', roles: ['manager', 'admin'] },
          { ...agent, from: 'in_progress', to: 'resolved', requires: ['solution'] },
        ])
      ).statusCode,
    ).toBe(204);
    const unknown = await transitions('change_request', [{ ...agent, from: 'new', to: 'nowhere' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual(['transitions']);

    const change = await openTicket(customer, { type: 'change_request' });
    const offered = (await operator.get(`/api/v1/tickets/${change.id}`)).json().abilities.transitions;
    expect(offered).toEqual([{ to: 'awaiting_approval', requires: ['comment'] }]);
    expect((await move(operator, change.id, 'awaiting_approval')).json().error.fields).toEqual(['comment']);
    expect((await move(operator, change.id, 'awaiting_approval', { comment: 'Needs CAB' })).statusCode).toBe(200);
    // Only managers approve.
    expect((await move(operator, change.id, 'in_progress')).statusCode).toBe(403);
    expect((await move(manager, change.id, 'in_progress')).json().status).toBe('in_progress');

    // Incidents still follow the main process.
    const incident = await openTicket(customer);
    expect((await move(operator, incident.id, 'awaiting_approval')).statusCode).toBe(409);
    expect((await move(operator, incident.id, 'in_progress')).statusCode).toBe(200);

    const catalog = (await customer.get('/api/v1/catalog')).json();
    expect(catalog.statusDefs).toContainEqual({
      key: 'awaiting_approval',
      names: { en: 'Awaiting approval', uk: 'Очікує погодження' },
      category: 'open',
      pauseSla: false,
      active: true,
    });
    const audit = (await admin.get('/api/v1/audit?entity=transitions')).json().items;
    expect(audit).toHaveLength(1);
  });

  it('pauses the SLA in an admin-defined pending status and counts it in the waiting queue', async () => {
    await status('waiting_parts', { names: { en: 'Waiting for parts' }, category: 'pending', pauseSla: true });
    const defaults = (await admin.get('/api/v1/workflow'))
      .json()
      .transitions.filter((x: { type: null }) => x.type === null);
    const strip = ({ type: _type, ...rest }: { type: null }) => rest;
    await transitions(null, [
      ...defaults.map(strip),
      { from: 'in_progress', to: 'waiting_parts', by: 'agent', roles: [], requires: [] },
      { from: 'waiting_parts', to: 'in_progress', by: 'agent', roles: [], requires: [] },
    ]);
    const ticket = await openTicket(customer);
    await move(operator, ticket.id, 'in_progress');
    expect((await move(operator, ticket.id, 'waiting_parts')).statusCode).toBe(200);
    const parked = (await operator.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(parked.sla.resolution.state).toBe('paused');
    const queues = (await operator.get('/api/v1/tickets/queues')).json().items;
    expect(queues.find((q: { key: string }) => q.key === 'waiting').count).toBe(1);
    t.clock.advance(HOUR);
    const resumed = (await move(operator, ticket.id, 'in_progress')).json();
    // Created Monday 09:00, normal = 27 business hours: Wednesday 18:00, plus the hour parked.
    expect(resumed.sla.resolution.dueAt).toBe('2026-03-05T10:00:00.000Z');
  });

  it('lets a transition require a custom field to be filled', async () => {
    expect(
      (await admin.post('/api/v1/custom-fields', { key: 'root_cause', type: 'text', labels: { en: 'Root cause' } }))
        .statusCode,
    ).toBe(201);
    const defaults = (await admin.get('/api/v1/workflow'))
      .json()
      .transitions.filter((x: { type: null }) => x.type === null);
    const strip = ({ type: _type, ...rest }: { type: null }) => rest;
    const withCause = defaults
      .map(strip)
      .map((r: { to: string; requires: string[] }) =>
        r.to === 'resolved' ? { ...r, requires: [...r.requires, 'cf.root_cause'] } : r,
      );
    expect((await transitions('incident', withCause)).statusCode).toBe(204);
    const bogus = await transitions('incident', [
      { from: 'new', to: 'in_progress', by: 'agent', roles: [], requires: ['cf.nope'] },
    ]);
    expect(bogus.json().error.fields).toEqual(['transitions']);
    const ticket = await openTicket(customer);
    const refused = await move(operator, ticket.id, 'resolved', { solution: 'Replaced the cable' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual(['cf.root_cause']);
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { customFields: { root_cause: 'Worn cable' } });
    expect((await move(operator, ticket.id, 'resolved', { solution: 'Replaced the cable' })).statusCode).toBe(200);
  });

  it('keeps statuses and types in use: retire instead of delete, and a retired status is never entered', async () => {
    await status('on_hold', { names: { en: 'On hold' }, category: 'pending' });
    const defaults = (await admin.get('/api/v1/workflow'))
      .json()
      .transitions.filter((x: { type: null }) => x.type === null);
    const strip = ({ type: _type, ...rest }: { type: null }) => rest;
    await transitions(null, [
      ...defaults.map(strip),
      { from: 'new', to: 'on_hold', by: 'agent', roles: [], requires: [] },
      { from: 'on_hold', to: 'in_progress', by: 'agent', roles: [], requires: [] },
    ]);
    const held = await openTicket(customer);
    await move(operator, held.id, 'on_hold');
    expect((await admin.del('/api/v1/workflow/statuses/on_hold')).json().error.code).toBe('in_use');
    expect((await admin.del('/api/v1/workflow/statuses/resolved')).statusCode).toBe(409);
    expect((await status('on_hold', { names: { en: 'On hold' }, category: 'pending', active: false })).statusCode).toBe(
      204,
    );
    const other = await openTicket(customer);
    expect((await move(operator, other.id, 'on_hold')).statusCode).toBe(409);
    // The held ticket is still shown and can leave the retired status.
    expect((await operator.get(`/api/v1/tickets/${held.id}`)).json().status).toBe('on_hold');
    expect((await move(operator, held.id, 'in_progress')).statusCode).toBe(200);
    const builtIn = await status('closed', { names: {}, category: 'open' });
    expect(builtIn.json().error.fields).toEqual(['category']);
    const retireBuiltIn = await status('closed', { names: {}, category: 'closed', active: false });
    expect(retireBuiltIn.json().error.fields).toEqual(['active']);

    expect(
      (
        await admin.put('/api/v1/workflow/types/access_request', {
          names: { en: 'Access request' },
          active: true,
          position: 9,
        })
      ).statusCode,
    ).toBe(204);
    const access = await openTicket(customer, { type: 'access_request' });
    expect((await operator.get(`/api/v1/tickets/${access.id}`)).json().type).toBe('access_request');
    expect((await admin.del('/api/v1/workflow/types/access_request')).statusCode).toBe(409);
    await admin.put('/api/v1/workflow/types/access_request', {
      names: { en: 'Access request' },
      active: false,
      position: 9,
    });
    const retired = await customer.post('/api/v1/tickets', { subject: 'S', body: 'B', type: 'access_request' });
    expect(retired.json().error.fields).toEqual(['type']);
    expect((await operator.get('/api/v1/workflow')).statusCode).toBe(403);
  });
});
