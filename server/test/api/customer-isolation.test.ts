import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimeMessage } from '../../platform/realtime.ts';
import { type Client, loginAs, makeOrganization, makeUser, openTicket, type TicketJson } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

/** Uploads one small text file as the client; returns its attachment id. */
async function upload(t: TestApp, client: Client, name: string, text: string): Promise<number> {
  const boundary = `----fd${Date.now()}${Math.random().toString(16).slice(2)}`;
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: {
      cookie: `fd_session=${client.cookie}`,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items[0].id as number;
}

/**
 * A customer of organization A against everything of organization B: every read is a 404 (as if
 * it did not exist), every write is refused and changes nothing, and nothing of B turns up in
 * lists, exports, search, suggestions, notifications or live events. Internal notes stay with
 * the staff everywhere. Both organizations share tickets among their members.
 */
describeEachDialect('customer isolation', (dialect) => {
  let t: TestApp;
  let a1: Client;
  let a2: Client;
  let b1: Client;
  let operator: Client;
  let admin: Client;
  let ticketA: TicketJson;
  let ticketB: TicketJson;
  let fileB = 0;
  let articleB = 0;
  let articlePublic = 0;
  const pushes = new Map<string, RealtimeMessage[]>();
  const B_WORD = 'wombatcase';
  const NOTE_WORD = 'quokkanote';

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const orgA = await makeOrganization(t, 'Org A', { shared: true });
    const orgB = await makeOrganization(t, 'Org B', { shared: true });
    a1 = await loginAs(t, await makeUser(t, 'customer', { name: 'Ann Alpha', organizationId: orgA }));
    a2 = await loginAs(t, await makeUser(t, 'customer', { name: 'Abe Alpha', organizationId: orgA }));
    b1 = await loginAs(t, await makeUser(t, 'customer', { name: 'Bea Betazed', organizationId: orgB }));
    operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    admin = await loginAs(t, await makeUser(t, 'admin'));

    ticketA = await openTicket(a1, { subject: 'Scanner jams', body: 'The scanner jams on every page.' });
    fileB = await upload(t, b1, 'b.log', 'organization B log');
    ticketB = await openTicket(b1, {
      subject: `Payroll ${B_WORD} export`,
      body: `Our ${B_WORD} payroll export fails.`,
      attachmentIds: [fileB],
    });
    expect((await operator.post(`/api/v1/tickets/${ticketB.id}/messages`, { body: 'We are on it' })).statusCode).toBe(
      201,
    );
    expect((await b1.post(`/api/v1/tickets/${ticketB.id}/cc`, { email: 'boss@b.test' })).statusCode).toBe(200);

    const create = async (title: string, body: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/kb/articles', {
        locale: 'en',
        title,
        bodyHtml: `<p>${title} explained.</p>`,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as number;
      expect((await admin.post(`/api/v1/kb/articles/${id}/publish`)).statusCode).toBe(200);
      return id;
    };
    articleB = await create(`Betazed ${B_WORD} handbook`, { visibility: 'customers', organizationIds: [orgB] });
    articlePublic = await create('Printer handbook', { visibility: 'public' });
    // Live events are recorded from here on, by who would receive them.
    for (const [name, client] of Object.entries({ a1, a2, b1, operator })) {
      const list: RealtimeMessage[] = [];
      pushes.set(name, list);
      t.ctx.realtime.subscribe({ actor: client.actor, send: (message) => list.push(message) });
    }
    await t.ctx.worker.drain();
  });
  afterAll(async () => t.close());

  describe('tickets of another organization', () => {
    it('reads nothing of them: the ticket, its conversation, history, links, followers or files', async () => {
      const url = `/api/v1/tickets/${ticketB.id}`;
      for (const path of ['', '/messages', '/history', '/links', '/watchers']) {
        expect((await a1.get(`${url}${path}`)).statusCode, `GET ${path}`).toBe(404);
      }
      expect((await a1.get(`/api/v1/attachments/${fileB}`)).statusCode).toBe(404);
      // A colleague of the same organization does see A's ticket (the organization shares tickets).
      expect((await a2.get(`/api/v1/tickets/${ticketA.id}`)).statusCode).toBe(200);
      expect((await a2.get(`${url}/messages`)).statusCode).toBe(404);
    });

    it('changes nothing of them: fields, status, replies, following, CC, files', async () => {
      const url = `/api/v1/tickets/${ticketB.id}`;
      const before = (await operator.get(url)).json();
      const messagesBefore = (await operator.get(`${url}/messages`)).json().items.length;
      const attempts = [
        await a1.patch(url, { subject: 'mine now' }),
        await a1.post(`${url}/transitions`, { to: 'closed' }),
        await a1.post(`${url}/messages`, { body: 'hello from A' }),
        await a1.put(`${url}/watch`, {}),
        await a1.del(`${url}/watch`),
        await a1.post(`${url}/cc`, { email: 'spy@a.test' }),
        await a1.del(`${url}/cc?email=boss@b.test`),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404]);
      // Someone else's upload cannot be attached to one's own ticket either.
      expect(
        (await a1.post(`/api/v1/tickets/${ticketA.id}/messages`, { body: 'x', attachmentIds: [fileB] })).statusCode,
      ).toBe(400);
      expect((await operator.get(url)).json()).toEqual(before);
      expect((await operator.get(`${url}/messages`)).json().items).toHaveLength(messagesBefore);
      const followers = (await operator.get(`${url}/watchers`)).json();
      expect(followers.cc).toEqual(['boss@b.test']);
      expect(followers.watchers.map((w: { id: number }) => w.id)).not.toContain(a1.actor.id);
    });

    it('never lists, exports, finds or suggests them', async () => {
      const listed = async (query: string) =>
        ((await a1.get(`/api/v1/tickets${query}`)).json().items as { id: number }[]).map((i) => i.id);
      expect(await listed('')).toEqual([ticketA.id]);
      expect(await listed(`?q=${B_WORD}`)).toEqual([]);
      expect(await listed(`?q=%23${ticketB.number}`)).toEqual([]);
      expect(await listed(`?requesterId=${b1.actor.id}`)).toEqual([]);
      const csv = (await a1.get('/api/v1/tickets/export')).body;
      expect(csv).toContain('Scanner jams');
      expect(csv).not.toContain(B_WORD);
      expect(csv).not.toContain('Betazed');

      for (const q of [B_WORD, 'payroll', `#${ticketB.number}`, 'Betazed', 'Bea']) {
        const found = (await a1.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json().items as {
          type: string;
          id: number;
          title: string;
        }[];
        expect(
          found.filter((i) => i.type === 'ticket'),
          q,
        ).toEqual([]);
        expect(JSON.stringify(found), q).not.toContain(B_WORD);
      }
      // B's own requester finds it: the word is indexed.
      const own = (await b1.get(`/api/v1/search?q=${B_WORD}&type=ticket`)).json().items as { id: number }[];
      expect(own.map((i) => i.id)).toEqual([ticketB.id]);
      const suggested = (await a1.get(`/api/v1/kb/suggest?q=${B_WORD}%20payroll%20handbook`)).json().items;
      expect(JSON.stringify(suggested)).not.toContain(B_WORD);
    });
  });

  describe('self-registration', () => {
    it('joins an organization by e-mail domain only once the address is proven, never on the say-so of a form', async () => {
      const acme = await makeOrganization(t, 'Acme', { domain: 'acme.test', shared: true });
      const member = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
      const secret = await openTicket(member, { subject: 'Acme merger printer', body: 'Confidential.' });
      const registered = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: 'intruder@acme.test', password: 'longenough', name: 'Not From Acme' },
      });
      expect(registered.statusCode, registered.body).toBe(202);
      // Not confirmed yet, the account still signs in with its password (ADR 0026).
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'intruder@acme.test', password: 'longenough' },
      });
      expect(signedIn.json().user.organizationId).toBeNull();
      const cookie = signedIn.cookies.find((c) => c.name === 'fd_session')!.value;
      const asIntruder = (url: string) =>
        t.app.inject({ method: 'GET', url, headers: { cookie: `fd_session=${cookie}` } });
      expect((await asIntruder(`/api/v1/tickets/${secret.id}`)).statusCode).toBe(404);
      expect((await asIntruder('/api/v1/tickets')).json().items).toEqual([]);

      // Whoever reads mail at the address proves it with the mailed link, and then joins.
      const asked = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'intruder@acme.test' },
      });
      expect(asked.statusCode).toBe(202);
      const mail = await t.ctx.db.kysely
        .selectFrom('mail_outbound')
        .select('body_text')
        .where('to_address', '=', 'intruder@acme.test')
        .where('template', '=', 'password_reset')
        .executeTakeFirstOrThrow();
      const token = decodeURIComponent(/reset-password\?token=([\w%-]+)/.exec(mail.body_text)![1]);
      const confirmed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password: 'evenlongerpass' },
      });
      expect(confirmed.statusCode).toBe(204);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'intruder@acme.test', password: 'evenlongerpass' },
      });
      expect(login.json().user.organizationId).toBe(acme);
      const session = login.cookies.find((c) => c.name === 'fd_session')!.value;
      const list = await t.app.inject({
        method: 'GET',
        url: '/api/v1/tickets',
        headers: { cookie: `fd_session=${session}` },
      });
      expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([secret.id]);
    });
  });

  describe('notifications of another user', () => {
    it('neither lists, reads, counts nor marks them', async () => {
      const others = await t.ctx.db.kysely
        .selectFrom('notifications')
        .select(['id', 'user_id', 'read_at'])
        .where('user_id', '!=', a1.actor.id)
        .where('read_at', 'is', null)
        .execute();
      expect(others.length).toBeGreaterThan(0);
      const theirs = others[0];
      expect((await a1.post(`/api/v1/notifications/${theirs.id}/read`)).statusCode).toBe(404);
      expect((await a1.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
      const after = await t.ctx.db.kysely
        .selectFrom('notifications')
        .select('read_at')
        .where('id', 'in', [...others.map((o) => o.id)])
        .execute();
      expect(after.every((n) => n.read_at === null)).toBe(true);
      const mine = (await a1.get('/api/v1/notifications?limit=100')).json();
      expect(mine.items.map((i: { id: number }) => i.id)).not.toContain(theirs.id);
      expect(mine.items.map((i: { ticketId: number }) => i.ticketId)).not.toContain(ticketB.id);
    });

    it('keeps notification settings to their owner', async () => {
      const url = '/api/v1/me/notification-settings';
      const theirs = (await b1.get(url)).json();
      const change = { event: 'ticket.status_changed', recipientRole: 'requester', channel: 'email', enabled: true };
      expect((await a1.put(url, { changes: [change], userId: b1.actor.id })).statusCode).toBe(200);
      expect((await b1.get(url)).json()).toEqual(theirs);
      // A user id in the query is not a way to read someone else's settings.
      expect((await a1.get(`${url}?userId=${b1.actor.id}`)).json()).toEqual((await a1.get(url)).json());
      const rows = await t.ctx.db.kysely
        .selectFrom('notification_rules')
        .select('user_id')
        .where('user_id', 'is not', null)
        .execute();
      expect(rows.map((r) => r.user_id)).toEqual([a1.actor.id]);
    });
  });

  describe('knowledge base articles limited to another organization', () => {
    it('are not read, voted on, listed, suggested or found', async () => {
      expect((await a1.get(`/api/v1/kb/articles/${articleB}`)).statusCode).toBe(404);
      expect((await b1.get(`/api/v1/kb/articles/${articleB}`)).statusCode).toBe(200);
      const vote = await a1.post(`/api/v1/kb/articles/${articleB}/feedback`, { helpful: false, comment: 'bad' });
      expect(vote.statusCode).toBe(404);
      const deflection = await a1.post('/api/v1/kb/deflections', { articleId: articleB, query: 'payroll' });
      expect(deflection.statusCode).toBe(400);
      expect(deflection.json().error.fields).toEqual(['articleId']);
      expect((await admin.get(`/api/v1/kb/articles/${articleB}/feedback`)).json()).toEqual([]);
      const listed = (await a1.get('/api/v1/kb/articles')).json() as { id: number }[];
      expect(listed.map((a) => a.id)).toEqual([articlePublic]);
      const suggested = (await a1.get(`/api/v1/kb/suggest?q=${B_WORD}%20handbook&limit=20`)).json().items as {
        id: number;
      }[];
      expect(suggested.map((s) => s.id)).toEqual([articlePublic]);
      const found = (await a1.get(`/api/v1/search?q=${B_WORD}&type=article`)).json().items;
      expect(found).toEqual([]);
    });
  });

  describe('internal notes', () => {
    it('never reach the customer: conversation, files, search, live events, inbox or mail', async () => {
      await t.ctx.worker.drain();
      for (const list of pushes.values()) list.length = 0;
      const noteFile = await upload(t, operator, 'internal.txt', `${NOTE_WORD} attachment`);
      const note = await operator.post(`/api/v1/tickets/${ticketA.id}/messages`, {
        body: `Customer is on the ${NOTE_WORD} list`,
        kind: 'note',
        attachmentIds: [noteFile],
      });
      expect(note.statusCode).toBe(201);
      await t.ctx.worker.drain();
      // Staff hear of the note live; the requester and her colleague do not.
      expect(pushes.get('operator')).toContainEqual(expect.objectContaining({ ticketId: ticketA.id }));
      expect(pushes.get('a1')).toEqual([]);
      expect(pushes.get('a2')).toEqual([]);

      const conversation = (await a1.get(`/api/v1/tickets/${ticketA.id}/messages`)).json().items;
      expect(JSON.stringify(conversation)).not.toContain(NOTE_WORD);
      expect(JSON.stringify(conversation)).not.toContain('internal.txt');
      expect((await a1.get(`/api/v1/attachments/${noteFile}`)).statusCode).toBe(404);
      expect((await a1.get(`/api/v1/search?q=${NOTE_WORD}`)).json().items).toEqual([]);
      expect((await operator.get(`/api/v1/search?q=${NOTE_WORD}`)).json().items).toHaveLength(1);
      for (const client of [a1, a2]) {
        const inbox = (await client.get('/api/v1/notifications?limit=100')).json();
        expect(inbox.items.map((i: { event: string }) => i.event)).not.toContain('ticket.note_added');
        expect(JSON.stringify(inbox)).not.toContain(NOTE_WORD);
      }
      const mails = await t.ctx.db.kysely
        .selectFrom('mail_outbound')
        .select(['subject', 'body_html', 'body_text', 'attachment_ids'])
        .where('to_address', 'in', [a1.actor.email, a2.actor.email])
        .execute();
      expect(JSON.stringify(mails)).not.toContain(NOTE_WORD);
      expect(mails.every((m) => !JSON.parse(m.attachment_ids).includes(noteFile))).toBe(true);

      // A public reply afterwards is pushed to the requester as usual.
      await operator.post(`/api/v1/tickets/${ticketA.id}/messages`, { body: 'Fixed the scanner' });
      await t.ctx.worker.drain();
      expect(pushes.get('a1')).toContainEqual(expect.objectContaining({ ticketId: ticketA.id }));
    });

    it('does not tell other organizations about a ticket change live', async () => {
      for (const list of pushes.values()) list.length = 0;
      await operator.post(`/api/v1/tickets/${ticketB.id}/messages`, { body: 'Another public answer' });
      await t.ctx.worker.drain();
      expect(pushes.get('b1')).toContainEqual(expect.objectContaining({ ticketId: ticketB.id }));
      expect(pushes.get('a1')).toEqual([]);
      expect(pushes.get('a2')).toEqual([]);
    });
  });
});
