import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countDocuments,
  type IndexDocument,
  RANK_CANDIDATES,
  replaceDocuments,
} from '../../modules/search/search.repo.ts';
import { reindex } from '../../modules/search/search-index.service.ts';
import { tokenize } from '../../modules/search/tokenize.ts';
import { type Client, loginAs, makeOrganization, makeUser, openTicket, type TicketJson } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

interface Item {
  type: string;
  id: number;
  title: string;
  snippet: string;
  score: number;
  number?: number;
}

/**
 * Search behaviour, the same cases on SQLite and PostgreSQL. One corpus for the file (indexing
 * goes through the outbox, drained after the writes), read-only cases after it.
 */
describeEachDialect('search', (dialect) => {
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  let carol: Client;
  let dave: Client;
  let operator: Client;
  let engineer: Client;
  const tickets: Record<string, TicketJson> = {};

  async function find(client: Client, q: string, extra = ''): Promise<Item[]> {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Item[];
  }
  const ids = (items: Item[]) => items.map((i) => i.id).sort((a, b) => a - b);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const shared = await makeOrganization(t, 'Shared Co', { shared: true });
    alice = await loginAs(
      t,
      await makeUser(t, 'customer', { name: 'Alice Martin', email: 'alice.martin@acme.test', organizationId: shared }),
    );
    carol = await loginAs(t, await makeUser(t, 'customer', { name: 'Carol Ng', organizationId: shared }));
    bob = await loginAs(t, await makeUser(t, 'customer', { name: 'Bob Stone', email: 'bob@other.test' }));
    dave = await loginAs(t, await makeUser(t, 'customer', { name: 'Дмитро Коваль' }));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 2 }));

    tickets.zh = await openTicket(alice, { subject: '打印机坏了', body: '办公室的打印机无法连接网络，请帮忙。' });
    tickets.ru = await openTicket(alice, {
      subject: 'Не работает принтер',
      body: 'Принтер в бухгалтерии не печатает.',
    });
    tickets.uk = await openTicket(dave, { subject: 'Проблема з мережею', body: 'Не працює принтер у бухгалтерії.' });
    tickets.ro = await openTicket(bob, { subject: 'Imprimanta nu funcționează', body: 'Ştergeţi coada de tipărire.' });
    tickets.en = await openTicket(bob, { subject: 'Printer jams', body: 'The printer jams on every page.' });
    tickets.body = await openTicket(carol, { subject: 'Monitor flickers', body: 'Also the printer on floor two.' });
    tickets.mail = await openTicket(bob, { subject: 'Mail bounce', body: 'Replies to ion.popescu@firma.ro bounce.' });
    // An internal note with a secret word on Alice's ticket; a public reply too.
    await operator.post(`/api/v1/tickets/${tickets.ru.id}/messages`, { body: 'Zebrafish secret code', kind: 'note' });
    await operator.post(`/api/v1/tickets/${tickets.ru.id}/messages`, { body: 'We ordered toner.' });
    await t.ctx.worker.drain();
  });
  afterAll(async () => t.close());

  describe('languages', () => {
    it('finds a two-character Chinese word inside a longer run', async () => {
      expect(ids(await find(operator, '打印'))).toEqual([tickets.zh.id]);
      expect(ids(await find(operator, '打'))).toEqual([tickets.zh.id]);
    });
    it('finds a two-word Chinese query across the subject and the body', async () => {
      expect(ids(await find(operator, '打印 网络'))).toEqual([tickets.zh.id]);
      expect(ids(await find(operator, '打印 删除'))).toEqual([]);
    });
    it('finds Ukrainian and Russian word forms as typed', async () => {
      const both = [tickets.ru.id, tickets.uk.id].sort((a, b) => a - b);
      expect(ids(await find(operator, 'принтер'))).toEqual(both);
      expect(ids(await find(operator, 'принтера'))).toEqual(both);
      expect(ids(await find(operator, 'принтером'))).toEqual(both);
      expect(ids(await find(operator, 'мережа'))).toEqual([tickets.uk.id]);
      // Russian and Ukrainian spell it differently (и / і): each finds its own.
      expect(ids(await find(operator, 'бухгалтерия'))).toEqual([tickets.ru.id]);
      expect(ids(await find(operator, 'бухгалтерія'))).toEqual([tickets.uk.id]);
    });
    it('finds Romanian with and without diacritics, comma below or cedilla', async () => {
      for (const q of ['functioneaza', 'funcționează', 'funcţionează', 'stergeti', 'ștergeți'])
        expect(ids(await find(operator, q)), q).toEqual([tickets.ro.id]);
    });
    it('finds e-mail addresses whole and by part, and customers by name or address', async () => {
      expect(ids(await find(operator, 'ion.popescu@firma.ro', '&type=ticket'))).toEqual([tickets.mail.id]);
      expect(ids(await find(operator, 'popescu', '&type=ticket'))).toEqual([tickets.mail.id]);
      expect(ids(await find(operator, 'other.popescu@firma.ro', '&type=ticket'))).toEqual([]);
      // The requester's address is part of their tickets.
      expect(ids(await find(operator, 'alice.martin@acme.test', '&type=ticket'))).toEqual(
        [tickets.zh.id, tickets.ru.id].sort((a, b) => a - b),
      );
      const customers = await find(operator, 'alice.martin@acme.test', '&type=customer');
      expect(customers.map((c) => [c.type, c.id, c.title])).toEqual([['customer', alice.actor.id, 'Alice Martin']]);
      expect((await find(operator, 'Коваль', '&type=customer')).map((c) => c.id)).toEqual([dave.actor.id]);
    });
    it('finds ticket numbers, with or without #', async () => {
      const n = tickets.en.number;
      expect((await find(operator, String(n), '&type=ticket'))[0].id).toBe(tickets.en.id);
      expect((await find(operator, `#${n}`, '&type=ticket'))[0].id).toBe(tickets.en.id);
    });
    it('matches prefixes as the user types', async () => {
      const all = ids(await find(operator, 'prin', '&type=ticket'));
      expect(all).toEqual([tickets.en.id, tickets.body.id].sort((a, b) => a - b));
      expect(ids(await find(operator, 'printer jam'))).toEqual([tickets.en.id]);
    });
  });

  describe('ranking and snippets', () => {
    it('ranks a title match above a body mention', async () => {
      const items = await find(operator, 'printer', '&type=ticket');
      expect(items.map((i) => i.id)).toEqual([tickets.en.id, tickets.body.id]);
      expect(items[0].score).toBeGreaterThan(items[1].score);
    });
    it('returns escaped snippets with marked matches', async () => {
      const res = await alice.post('/api/v1/tickets', {
        subject: 'Markup test',
        body: 'Clicking <script>alert(1)</script> shows the scanner error',
      });
      expect(res.statusCode).toBe(201);
      await t.ctx.worker.drain();
      const [item] = await find(alice, 'scanner');
      expect(item.snippet).toContain('<mark>scanner</mark>');
      expect(item.snippet).not.toContain('<script>');
      expect(item.snippet).not.toContain('<b>');
    });
    it('marks Chinese matches exactly', async () => {
      const [item] = await find(operator, '网络');
      expect(item.snippet).toContain('<mark>网络</mark>');
    });
  });

  describe('permissions', () => {
    it('keeps a customer to the tickets the ticket rules let them read', async () => {
      expect(ids(await find(bob, 'printer'))).toEqual([tickets.en.id]);
      // Alice's organization shares tickets: she sees Carol's too, but never Bob's.
      expect(ids(await find(alice, 'printer'))).toEqual([tickets.body.id]);
      expect(await find(bob, '打印')).toEqual([]);
      // An engineer of the second line sees nothing of first-line tickets they do not own.
      expect(await find(engineer, 'printer', '&type=ticket')).toEqual([]);
    });
    it('never lets a customer match or see the text of an internal note', async () => {
      expect(await find(alice, 'zebrafish')).toEqual([]);
      expect(ids(await find(operator, 'zebrafish'))).toEqual([tickets.ru.id]);
      // A public word still finds the ticket, with a snippet of public text only.
      const [item] = await find(alice, 'toner');
      expect(item.id).toBe(tickets.ru.id);
      expect(item.snippet).not.toMatch(/zebrafish|secret/i);
    });
    it('never returns customers to customers', async () => {
      expect((await alice.get('/api/v1/search?q=bob&type=customer')).statusCode).toBe(403);
      expect((await find(alice, 'Bob Stone')).filter((i) => i.type === 'customer')).toEqual([]);
      expect((await find(operator, 'Bob Stone', '&type=customer')).map((i) => i.id)).toEqual([bob.actor.id]);
    });
  });

  describe('filters', () => {
    it('combines status, type, owner and dates with the text', async () => {
      const assign = await operator.patch(`/api/v1/tickets/${tickets.en.id}`, { ownerId: operator.actor.id });
      expect(assign.statusCode, assign.body).toBe(200);
      await t.ctx.worker.drain();
      expect(ids(await find(operator, 'printer', `&owner=${operator.actor.id}`))).toEqual([tickets.en.id]);
      expect(ids(await find(operator, 'printer', '&status=resolved'))).toEqual([]);
      expect(ids(await find(operator, 'printer', '&status=new&status=in_progress')).length).toBeGreaterThan(0);
      expect(ids(await find(operator, 'printer', '&ticketType=incident')).length).toBeGreaterThan(0);
      expect(ids(await find(operator, 'printer', '&from=2026-03-02&to=2026-03-02')).length).toBe(2);
      expect(await find(operator, 'printer', '&to=2026-03-01')).toEqual([]);
    });
    it('rejects bad filters naming the field', async () => {
      const bad = await operator.get('/api/v1/search?q=x&status=nonsense');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields).toEqual(['status']);
      const date = await operator.get('/api/v1/search?q=x&from=yesterday');
      expect(date.json().error.fields).toEqual(['from']);
      expect((await operator.get('/api/v1/search')).statusCode).toBe(400);
      expect((await find(operator, '  ?! ')).length).toBe(0);
    });
  });

  describe('index maintenance', () => {
    it('follows subject changes and renamed customers through the outbox', async () => {
      const res = await operator.patch(`/api/v1/tickets/${tickets.mail.id}`, { subject: 'Quokka delivery failure' });
      expect(res.statusCode, res.body).toBe(200);
      await t.ctx.worker.drain();
      expect(ids(await find(operator, 'quokka'))).toEqual([tickets.mail.id]);
      const admin = await loginAs(t, await makeUser(t, 'admin'));
      expect((await admin.patch(`/api/v1/users/${bob.actor.id}`, { name: 'Robert Stone' })).statusCode).toBe(200);
      await t.ctx.worker.drain();
      expect((await find(operator, 'robert', '&type=customer')).map((i) => i.id)).toEqual([bob.actor.id]);
      expect(ids(await find(operator, 'robert', '&type=ticket'))).toEqual(
        [tickets.ro.id, tickets.en.id, tickets.mail.id].sort((a, b) => a - b),
      );
    });
    it('ranks only the newest matches of a word found everywhere', async () => {
      // Customer documents straight into the index, ids far past the real users.
      const count = RANK_CANDIDATES + 100;
      const base = 1_000_000;
      const before = await countDocuments(t.ctx.db.kysely, 'customer');
      const docs: IndexDocument[] = Array.from({ length: count }, (_, i) => {
        const title = i === 0 ? 'Wombat wombat wombat guide' : `Note ${i}`;
        const body = `wombat ${i % 2 === 0 ? 'alpha' : 'beta'}`;
        return {
          type: 'customer',
          objectId: base + i + 1,
          audience: 'all',
          visibility: null,
          title,
          body,
          titleTerms: tokenize(title),
          bodyTerms: tokenize(body),
        };
      });
      const at = t.clock.now().toISOString();
      const write = (list: IndexDocument[]) =>
        t.ctx.db.kysely.transaction().execute((trx) =>
          replaceDocuments(
            trx,
            t.ctx.db.dialect,
            'customer',
            docs.map((d) => d.objectId),
            list,
            at,
          ),
        );
      await write(docs);
      const items = await find(operator, 'wombat', '&type=customer&limit=10');
      expect(items).toHaveLength(10);
      // The oldest document (the best title match) is past the ranked window; the newest are in it.
      expect(items.every((i) => i.id > base + count - RANK_CANDIDATES)).toBe(true);
      // A narrower query reaches it again.
      expect((await find(operator, 'wombat guide', '&type=customer')).map((i) => i.id)).toEqual([base + 1]);
      await write([]);
      expect(await countDocuments(t.ctx.db.kysely, 'customer')).toBe(before);
    });
    it('rebuilds the same index when reindexed, twice', async () => {
      const before = await find(operator, 'printer');
      const docs = await countDocuments(t.ctx.db.kysely, 'ticket');
      await reindex(t.ctx);
      await reindex(t.ctx);
      expect(await countDocuments(t.ctx.db.kysely, 'ticket')).toBe(docs);
      expect((await find(operator, 'printer')).map((i) => [i.id, i.snippet])).toEqual(
        before.map((i) => [i.id, i.snippet]),
      );
    });
  });
});
