import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTickets } from '../../modules/mail/threads.repo.ts';
import { type IndexDocument, RANK_CANDIDATES, replaceDocuments } from '../../modules/search/search.repo.ts';
import { tokenize } from '../../modules/search/tokenize.ts';
import type { RealtimeMessage } from '../../platform/realtime.ts';
import { type Client, loginAs, makeUser, openTicket, type TicketJson } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

interface SearchItem {
  type: string;
  id: number;
  title: string;
  snippet: string;
  score: number;
}

/**
 * Field rules beyond the ticket card: a subject an admin hides from engineers on change requests
 * (and only there) must not reach them through the list, the export, linked tickets, search
 * (neither shown nor matched), the inbox, mail or live events; a locked field is refused on
 * write, naming it, with nothing changed.
 */
describeEachDialect('field rules everywhere a ticket shows', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let operator: Client;
  let engineer: Client;
  let customer: Client;
  let change: TicketJson;
  let incident: TicketJson;
  const pushes = new Map<string, RealtimeMessage[]>();
  const SECRET = 'Kestrel';

  const roleOf = async (key: string) =>
    ((await admin.get('/api/v1/roles')).json().items as { id: number; key: string; fieldRules: object }[]).find(
      (r) => r.key === key,
    )!;
  const search = async (client: Client, q: string) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}&type=ticket`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as SearchItem[];
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));
    customer = await loginAs(t, await makeUser(t, 'customer'));
    const engineerRole = await roleOf('engineer');
    const hide = await admin.patch(`/api/v1/roles/${engineerRole.id}`, {
      fieldRules: {
        ...engineerRole.fieldRules,
        overrides: [
          { field: 'subject', access: 'hidden', types: ['change_request'] },
          { field: 'subject', access: 'read', types: ['incident'] },
        ],
      },
    });
    expect(hide.statusCode, hide.body).toBe(200);
    change = await openTicket(customer, {
      type: 'change_request',
      subject: `${SECRET} rollout plan`,
      body: 'Please schedule the gadget upgrade.',
    });
    incident = await openTicket(customer, { subject: 'Heron outage', body: 'The gadget is down.' });
    for (const id of [change.id, incident.id]) {
      const assign = await operator.patch(`/api/v1/tickets/${id}`, { ownerId: engineer.actor.id });
      expect(assign.statusCode, assign.body).toBe(200);
    }
    await linkTickets(t.ctx.db.kysely, incident.id, change.id, 'test', t.clock.now().toISOString());
    for (const [name, client] of Object.entries({ engineer, customer, operator })) {
      const list: RealtimeMessage[] = [];
      pushes.set(name, list);
      t.ctx.realtime.subscribe({ actor: client.actor, send: (message) => list.push(message) });
    }
    await t.ctx.worker.drain();
  });
  afterAll(async () => t.close());

  describe('a hidden subject', () => {
    it('is left out of the card and the list, but only on the tickets the rule names', async () => {
      expect((await engineer.get(`/api/v1/tickets/${change.id}`)).json()).not.toHaveProperty('subject');
      expect((await engineer.get(`/api/v1/tickets/${incident.id}`)).json()).toMatchObject({ subject: 'Heron outage' });
      const items = (await engineer.get('/api/v1/tickets')).json().items as { id: number; subject?: string }[];
      expect(items.find((i) => i.id === change.id)).not.toHaveProperty('subject');
      expect(JSON.stringify(items)).not.toContain(SECRET);
    });

    it('is left out of the export', async () => {
      const csv = (await engineer.get('/api/v1/tickets/export')).body;
      expect(csv).toContain('Heron outage');
      expect(csv).not.toContain(SECRET);
      expect((await operator.get('/api/v1/tickets/export')).body).toContain(SECRET);
    });

    it('is left out of linked tickets', async () => {
      const links = (await engineer.get(`/api/v1/tickets/${incident.id}/links`)).json();
      expect(links).toEqual([expect.objectContaining({ ticketId: change.id, number: change.number, subject: null })]);
      const forOperator = (await operator.get(`/api/v1/tickets/${incident.id}/links`)).json();
      expect(forOperator).toEqual([
        expect.objectContaining({ ticketId: change.id, subject: `${SECRET} rollout plan` }),
      ]);
    });

    it('is neither shown in search results nor matched by a search', async () => {
      const found = await search(engineer, 'gadget');
      expect(found.map((i) => i.id).sort()).toEqual([change.id, incident.id].sort());
      expect(found.find((i) => i.id === change.id)?.title).toBe('');
      expect(found.find((i) => i.id === incident.id)?.title).toBe('Heron outage');
      expect(JSON.stringify(found)).not.toContain(SECRET);
      // Matching the hidden words would tell the engineer what the subject says.
      expect(await search(engineer, SECRET)).toEqual([]);
      expect((await search(operator, SECRET)).map((i) => i.id)).toEqual([change.id]);
      // The ticket list's text filter reads subjects only where the engineer may see them.
      const filtered = await engineer.get(`/api/v1/tickets?q=${SECRET}`);
      expect(filtered.statusCode, filtered.body).toBe(200);
      expect(filtered.json().items).toEqual([]);
      const heron = (await engineer.get('/api/v1/tickets?q=heron')).json().items as { id: number }[];
      expect(heron.map((i) => i.id)).toEqual([incident.id]);
      const byOperator = (await operator.get(`/api/v1/tickets?q=${SECRET}`)).json().items as { id: number }[];
      expect(byOperator.map((i) => i.id)).toEqual([change.id]);
    });

    it('still finds a ticket by its number for a reader who matches messages only', async () => {
      const byNumber = await search(engineer, `#${change.number}`);
      expect(byNumber.map((i) => i.id)).toEqual([change.id]);
      expect(byNumber[0].title).toBe('');
      const incidentByNumber = await search(engineer, String(incident.number));
      expect(incidentByNumber[0]).toMatchObject({ id: incident.id, title: 'Heron outage' });
      // A customer of another organization is not told about the ticket behind a number.
      const stranger = await loginAs(t, await makeUser(t, 'customer'));
      expect(await search(stranger, `#${change.number}`)).toEqual([]);
    });

    it('is left out of the mail deliveries shown on the ticket', async () => {
      const forOperator = (await operator.get(`/api/v1/tickets/${change.id}/mail`)).json();
      expect(JSON.stringify(forOperator.deliveries)).toContain(SECRET);
      const forEngineer = (await engineer.get(`/api/v1/tickets/${change.id}/mail`)).json();
      expect(forEngineer.deliveries.length).toBe(forOperator.deliveries.length);
      expect(JSON.stringify(forEngineer)).not.toContain(SECRET);
    });

    it('is left out of the inbox and of mail', async () => {
      const inbox = (await engineer.get('/api/v1/notifications?limit=100')).json();
      const aboutChange = inbox.items.filter((i: { ticketId: number }) => i.ticketId === change.id);
      expect(aboutChange.length).toBeGreaterThan(0);
      expect(aboutChange.every((i: { ticketSubject: string | null }) => i.ticketSubject === null)).toBe(true);
      expect(JSON.stringify(inbox)).not.toContain(SECRET);
      const mails = await t.ctx.db.kysely
        .selectFrom('mail_outbound')
        .select(['subject', 'body_text', 'body_html'])
        .where('to_address', '=', engineer.actor.email)
        .execute();
      expect(JSON.stringify(mails)).not.toContain(SECRET);
    });
  });

  describe('live events', () => {
    it('tell nobody about a change to fields they may not read', async () => {
      for (const list of pushes.values()) list.length = 0;
      const groups = await t.ctx.db.kysely.selectFrom('support_groups').select(['id', 'tier']).execute();
      const tier2 = groups.find((g) => g.tier === 2)!.id;
      // The group is hidden from customers: they are not told it changed.
      expect((await operator.patch(`/api/v1/tickets/${incident.id}`, { groupId: tier2 })).statusCode).toBe(200);
      await t.ctx.worker.drain();
      expect(pushes.get('engineer')).toEqual([{ type: 'ticket.changed', ticketId: incident.id, fields: ['groupId'] }]);
      expect(pushes.get('customer')).toEqual([]);
      // The priority is not: they are.
      expect((await operator.patch(`/api/v1/tickets/${incident.id}`, { priority: 'high' })).statusCode).toBe(200);
      await t.ctx.worker.drain();
      expect(pushes.get('customer')).toEqual([{ type: 'ticket.changed', ticketId: incident.id, fields: ['priority'] }]);
    });
  });

  describe('a locked field', () => {
    it('is refused on write, naming it, and nothing changes', async () => {
      const before = (await operator.get(`/api/v1/tickets/${incident.id}`)).json();
      // Read-only for engineers on incidents: refused together with a field they may write.
      const refused = await engineer.patch(`/api/v1/tickets/${incident.id}`, {
        subject: 'Renamed',
        priority: 'low',
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'field_forbidden', fields: ['subject'] });
      // Hidden on change requests: refused the same way, never silently ignored.
      const hidden = await engineer.patch(`/api/v1/tickets/${change.id}`, { subject: 'Renamed' });
      expect(hidden.statusCode).toBe(403);
      expect(hidden.json().error.fields).toEqual(['subject']);
      expect((await operator.get(`/api/v1/tickets/${incident.id}`)).json()).toEqual(before);
      expect((await operator.get(`/api/v1/tickets/${change.id}`)).json()).toMatchObject({
        subject: `${SECRET} rollout plan`,
      });
      // Customers may not change what they may only read, on creation or later.
      const created = await customer.post('/api/v1/tickets', { subject: 'S', body: 'B', channel: 'email' });
      expect(created.statusCode).toBe(403);
      expect(created.json().error.fields).toEqual(['channel']);
      const solution = await customer.patch(`/api/v1/tickets/${incident.id}`, { solution: 'Done myself' });
      expect(solution.statusCode).toBe(403);
      expect(solution.json().error.fields).toEqual(['solution']);
    });
  });

  describe('search by title', () => {
    const made: Record<string, TicketJson> = {};
    // A manager sees every ticket (matches ranked from a window of the newest), an engineer only
    // their own (every match ranked): the subject is hidden from both on change requests.
    const readers: Record<string, Client> = {};
    const score = (items: SearchItem[], id: number) => items.find((i) => i.id === id)?.score;

    beforeAll(async () => {
      readers.engineer = engineer;
      readers.manager = await loginAs(t, await makeUser(t, 'manager'));
      const managerRole = await roleOf('manager');
      const hide = await admin.patch(`/api/v1/roles/${managerRole.id}`, {
        fieldRules: {
          ...managerRole.fieldRules,
          overrides: [{ field: 'subject', access: 'hidden', types: ['change_request'] }],
        },
      });
      expect(hide.statusCode, hide.body).toBe(200);
      const open = async (type: string, subject: string, body: string) => {
        const ticket = await openTicket(customer, { type, subject, body });
        const assign = await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: engineer.actor.id });
        expect(assign.statusCode, assign.body).toBe(200);
        return ticket;
      };
      made.harrierHidden = await open('change_request', 'Harrier cutover', 'Window agreed.');
      made.harrierShown = await open('incident', 'Harrier alarm', 'Sensor fired.');
      // Two hidden subjects of the same length over the same messages; only one holds the word.
      made.ospreyInSubject = await open('change_request', 'Osprey cutover', 'Osprey window agreed.');
      made.ospreyElsewhere = await open('change_request', 'Falcon cutover', 'Osprey window agreed.');
      await t.ctx.worker.drain();
    });

    for (const name of ['engineer', 'manager']) {
      it(`matches a subject where the ${name} sees it, and never where it is hidden`, async () => {
        const reader = readers[name];
        const found = await search(reader, 'harrier');
        expect(found.map((i) => i.id)).toEqual([made.harrierShown.id]);
        expect(found[0].title).toBe('Harrier alarm');
        // A subject word and a message word on one ticket match together where it is shown…
        expect((await search(reader, 'harrier sensor')).map((i) => i.id)).toEqual([made.harrierShown.id]);
        // …but a hidden subject never supplies a word, alone or beside the messages.
        expect(await search(reader, 'harrier window')).toEqual([]);
        expect(await search(reader, 'cutover')).toEqual([]);
        expect(await search(reader, SECRET)).toEqual([]);
        const forOperator = await search(operator, 'harrier');
        expect(forOperator.map((i) => i.id).sort()).toEqual([made.harrierHidden.id, made.harrierShown.id].sort());
        expect((await search(operator, 'harrier window')).map((i) => i.id)).toEqual([made.harrierHidden.id]);
      });

      it(`shows the ${name} no hidden subject on a result and ranks it by its messages alone`, async () => {
        const found = await search(readers[name], 'osprey');
        expect(found.map((i) => i.id).sort()).toEqual([made.ospreyInSubject.id, made.ospreyElsewhere.id].sort());
        for (const item of found) {
          expect(item.title).toBe('');
          expect(item.snippet).toContain('<mark>Osprey</mark> window agreed.');
        }
        expect(JSON.stringify(found)).not.toContain('cutover');
        // The word in one hidden subject does not lift that ticket: equal texts, equal scores.
        expect(score(found, made.ospreyInSubject.id)).toBe(score(found, made.ospreyElsewhere.id));
        // Where the subject is shown, it does.
        const forOperator = await search(operator, 'osprey');
        expect(score(forOperator, made.ospreyInSubject.id)).toBeGreaterThan(
          score(forOperator, made.ospreyElsewhere.id)!,
        );
      });
    }

    it('does not let hidden titles crowd a visible match out of the ranked window', async () => {
      // More than a window of newer change requests holding the word in their (hidden) subject
      // only, written straight into the tickets and the index; the visible match is older.
      const { kysely, dialect } = t.ctx.db;
      const at = t.clock.now().toISOString();
      const rows = Array.from({ length: RANK_CANDIDATES + 50 }, (_, i) => ({
        number: 900_000 + i,
        subject: 'Harrier cutover',
        status: 'new',
        priority: 'normal',
        type: 'change_request',
        channel: 'portal',
        requester_id: customer.actor.id,
        created_by: customer.actor.id,
        created_at: at,
        updated_at: at,
      }));
      const ids = (await kysely.insertInto('tickets').values(rows).returning('id').execute()).map((r) => r.id);
      const docs: IndexDocument[] = ids.map((id, i) => ({
        type: 'ticket',
        objectId: id,
        audience: 'all',
        visibility: null,
        title: 'Harrier cutover',
        body: `Filler ${i}`,
        titleTerms: tokenize('Harrier cutover'),
        bodyTerms: tokenize(`Filler ${i}`),
      }));
      await kysely.transaction().execute((trx) => replaceDocuments(trx, dialect, 'ticket', ids, docs, at));
      try {
        // Whoever sees those subjects gets the newest matches ranked: the older one is past them.
        expect((await search(operator, 'harrier')).map((i) => i.id)).not.toContain(made.harrierShown.id);
        // The manager's window holds only matches they may make: the visible subject is found.
        expect((await search(readers.manager, 'harrier')).map((i) => i.id)).toEqual([made.harrierShown.id]);
      } finally {
        await kysely.transaction().execute((trx) => replaceDocuments(trx, dialect, 'ticket', ids, [], at));
        await kysely.deleteFrom('tickets').where('id', 'in', ids).execute();
      }
    });

    it('matches the requester only where both subject and requester are shown', async () => {
      const requester = customer.actor.email;
      const before = (await search(engineer, requester)).map((i) => i.id);
      expect(before).toContain(made.harrierShown.id);
      expect(before).not.toContain(made.harrierHidden.id);
      const role = await roleOf('engineer');
      const overrides = (role.fieldRules as { overrides: object[] }).overrides;
      const hideRequester = await admin.patch(`/api/v1/roles/${role.id}`, {
        fieldRules: {
          ...role.fieldRules,
          overrides: [...overrides, { field: 'requesterId', access: 'hidden', types: ['incident'] }],
        },
      });
      expect(hideRequester.statusCode, hideRequester.body).toBe(200);
      // The title holds the requester too: hidden on incidents, their titles no longer match.
      expect(await search(engineer, requester)).toEqual([]);
      expect(await search(engineer, 'harrier')).toEqual([]);
      expect((await search(operator, requester)).length).toBeGreaterThan(0);
      const restore = await admin.patch(`/api/v1/roles/${role.id}`, { fieldRules: role.fieldRules });
      expect(restore.statusCode, restore.body).toBe(200);
      expect((await search(engineer, 'harrier')).map((i) => i.id)).toEqual([made.harrierShown.id]);
    });
  });

  describe('a search filter', () => {
    const hideOnChanges = async (field: string) => {
      const role = await roleOf('engineer');
      const overrides = (role.fieldRules as { overrides: object[] }).overrides;
      const res = await admin.patch(`/api/v1/roles/${role.id}`, {
        fieldRules: {
          ...role.fieldRules,
          overrides: [...overrides, { field, access: 'hidden', types: ['change_request'] }],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const ids = async (client: Client, query: string) => {
      const res = await client.get(`/api/v1/search?type=ticket&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as SearchItem[]).map((i) => i.id).sort((a, b) => a - b);
    };

    it('on an owner hidden on some tickets matches only where the reader sees the owner', async () => {
      await hideOnChanges('ownerId');
      const mine = `owner=${engineer.actor.id}`;
      // Both tickets are the engineer's; on the change request the owner is hidden from them.
      expect(await ids(engineer, 'q=gadget')).toEqual([change.id, incident.id].sort((a, b) => a - b));
      expect(await ids(engineer, `q=gadget&${mine}`)).toEqual([incident.id]);
      expect(await ids(operator, `q=gadget&${mine}`)).toEqual([change.id, incident.id].sort((a, b) => a - b));
      expect(await ids(engineer, `q=gadget&owner=${operator.actor.id}`)).toEqual([]);
      // The number look-up is narrowed the same way.
      expect(await ids(engineer, `q=%23${change.number}&${mine}`)).toEqual([]);
      expect(await ids(engineer, `q=%23${incident.number}&${mine}`)).toEqual([incident.id]);
      expect(await ids(operator, `q=%23${change.number}&${mine}`)).toEqual([change.id]);
      // As in the ticket list.
      const list = (await engineer.get(`/api/v1/tickets?ownerId=${engineer.actor.id}`)).json().items as {
        id: number;
      }[];
      expect(list.map((i) => i.id)).not.toContain(change.id);
    });

    it('on a type hidden on some tickets matches only where the reader sees the type', async () => {
      await hideOnChanges('type');
      expect(await ids(engineer, 'q=gadget&ticketType=change_request')).toEqual([]);
      expect(await ids(engineer, `q=%23${change.number}&ticketType=change_request`)).toEqual([]);
      expect(await ids(engineer, 'q=gadget&ticketType=incident')).toEqual([incident.id]);
      expect(await ids(operator, 'q=gadget&ticketType=change_request')).toEqual([change.id]);
    });

    it('is refused on a field hidden on every ticket, naming it', async () => {
      const role = await roleOf('engineer');
      const rules = role.fieldRules as { default: Record<string, string>; overrides: { field: string }[] };
      const hideAll = await admin.patch(`/api/v1/roles/${role.id}`, {
        fieldRules: {
          default: { ...rules.default, ownerId: 'hidden', type: 'hidden' },
          overrides: rules.overrides.filter((o) => o.field !== 'ownerId' && o.field !== 'type'),
        },
      });
      expect(hideAll.statusCode, hideAll.body).toBe(200);
      const refused = await engineer.get(
        `/api/v1/search?q=gadget&type=ticket&ticketType=incident&owner=${engineer.actor.id}`,
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual(['owner', 'ticketType']);
      const allowed = await operator.get('/api/v1/search?q=gadget&type=ticket&ticketType=change_request');
      expect(allowed.statusCode, allowed.body).toBe(200);
    });
  });
});
