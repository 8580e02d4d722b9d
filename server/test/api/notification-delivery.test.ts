import { afterEach, beforeEach, expect, it } from 'vitest';
import { fanOut } from '../../modules/notifications/delivery.service.ts';
import { type Client, loginAs, makeOrganization, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { deliver, rawMail, ticketsOf } from '../mail-fixtures.ts';

interface InboxJson {
  items: {
    id: number;
    event: string;
    ticketId: number;
    ticketSubject: string | null;
    text: string;
    readAt: string | null;
  }[];
  unreadCount: number;
  nextBefore: number | null;
}

describeEachDialect('notification delivery', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let customer: Client;
  let owner: Client;
  let colleague: Client;
  let manager: Client;
  let stranger: Client;

  beforeEach(async () => {
    t = await buildTestApp(dialect);
    const org = await makeOrganization(t, 'Acme', { shared: true });
    admin = await loginAs(t, await makeUser(t, 'admin'));
    customer = await loginAs(t, await makeUser(t, 'customer', { name: 'Olena Customer', organizationId: org }));
    colleague = await loginAs(t, await makeUser(t, 'customer', { organizationId: org }));
    stranger = await loginAs(t, await makeUser(t, 'customer'));
    owner = await loginAs(t, await makeUser(t, 'operator', { name: 'Ivan Owner', groupTier: 1 }));
    manager = await loginAs(t, await makeUser(t, 'manager', { groupTier: 1 }));
  });
  afterEach(async () => t.close());

  const drain = () => t.ctx.worker.drain();
  const inbox = async (c: Client, query = '') => (await c.get(`/api/v1/notifications${query}`)).json() as InboxJson;
  const events = async (c: Client) => (await inbox(c)).items.map((i) => i.event);
  const mailsTo = (email: string, template?: string) => {
    let q = t.ctx.db.kysely.selectFrom('mail_outbound').selectAll().where('to_address', '=', email);
    if (template) q = q.where('template', '=', template);
    return q.orderBy('id').execute();
  };
  const addRule = async (rule: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/notification-rules', {
      level: 'workflow',
      ticketType: null,
      serviceId: null,
      userId: null,
      categoryId: null,
      statusTo: null,
      enabled: true,
      userOverridable: true,
      ...rule,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  /** A customer ticket owned by `owner`, with the creation notifications already delivered. */
  const ownedTicket = async (subject = 'Printer is broken') => {
    const ticket = await openTicket(customer, { subject });
    expect((await admin.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: owner.actor.id })).statusCode).toBe(200);
    await drain();
    return ticket;
  };

  it('delivers by role: group members, managers and organization contacts, never the actor or a stranger', async () => {
    await addRule({ event: 'ticket.created', recipientRole: 'managers', channel: 'in_app' });
    await addRule({ event: 'ticket.created', recipientRole: 'organization_contacts', channel: 'in_app' });
    await addRule({ event: 'ticket.created', recipientRole: 'requester', channel: 'in_app' });
    const ticket = await openTicket(customer);
    await drain();
    expect(await events(owner)).toEqual(['ticket.created']); // group member (first line)
    expect(await events(manager)).toEqual(['ticket.created']); // group member and manager: once
    expect(await events(colleague)).toEqual(['ticket.created']);
    expect(await events(customer)).toEqual([]); // the actor
    expect(await events(stranger)).toEqual([]);
    const [item] = (await inbox(owner)).items;
    expect(item).toMatchObject({ ticketId: ticket.id, ticketSubject: 'Printer is broken', readAt: null });
    expect(item.text).toBe(`Olena Customer opened ticket #${ticket.number}`);
    // Group members get the creation mail too (level-1 default), localized; the actor does not.
    expect(await mailsTo(owner.actor.email, 'notify:ticket.created')).toHaveLength(1);
    expect(await mailsTo(customer.actor.email, 'notify:ticket.created')).toHaveLength(0);
  });

  it('sends one mail per person when they are owner and watcher, and skips the actor unless notifyActor', async () => {
    await addRule({ event: 'ticket.customer_replied', recipientRole: 'watchers', channel: 'email' });
    const ticket = await ownedTicket();
    expect(await events(owner)).toContain('ticket.assigned_to_me');
    expect((await owner.put(`/api/v1/tickets/${ticket.id}/watch`, {})).json()).toMatchObject({ following: true });
    expect((await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Still broken' })).statusCode).toBe(
      201,
    );
    await drain();
    const mails = await mailsTo(owner.actor.email, 'notify:ticket.customer_replied');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(
      `[#${ticket.number}] Olena Customer replied on ticket #${ticket.number}: Printer is broken`,
    );
    expect((await inbox(owner)).items.filter((i) => i.event === 'ticket.customer_replied')).toHaveLength(1);
    // The mail quotes the reply, so the owner can read it without opening the ticket.
    expect(mails[0].body_text).toContain('Still broken');
    expect(mails[0].body_html).toContain('<p>Still broken</p>');

    // The owner's own note notifies nobody about themselves...
    await addRule({ event: 'ticket.note_added', recipientRole: 'watchers', channel: 'in_app' });
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Checking', kind: 'note' });
    await drain();
    expect(await events(owner)).not.toContain('ticket.note_added');
    // ...unless the setting says so.
    expect((await admin.patch('/api/v1/settings', { notifyActor: true })).json()).toMatchObject({ notifyActor: true });
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Checked', kind: 'note' });
    await drain();
    expect(await events(owner)).toContain('ticket.note_added');
    // A customer never gets internal events, whatever the rules say.
    expect(await events(customer)).not.toContain('ticket.note_added');
  });

  it('a level-3 opt-out stops exactly that mail', async () => {
    const ticket = await ownedTicket();
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Please restart it.' });
    await drain();
    expect(await mailsTo(customer.actor.email, 'reply')).toHaveLength(1);

    await addRule({
      level: 'user',
      userId: customer.actor.id,
      event: 'ticket.agent_replied',
      recipientRole: 'requester',
      channel: 'email',
      enabled: false,
    });
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Any news?' });
    await drain();
    expect(await mailsTo(customer.actor.email, 'reply')).toHaveLength(1);
    const resolve = await owner.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'resolved', solution: 'Fixed' });
    expect(resolve.statusCode, resolve.body).toBe(200);
    await drain();
    expect(await mailsTo(customer.actor.email, 'resolved')).toHaveLength(1);
    // The solution travels in the resolved mail, not as a reply.
    expect(await mailsTo(customer.actor.email, 'reply')).toHaveLength(1);
  });

  it('sends the "received" mail once whichever way the ticket came, and a customer opt-out stops it', async () => {
    // Portal ticket: the requester is the actor, still acknowledged, once.
    const portal = await openTicket(customer, { subject: 'From the portal' });
    await drain();
    const receivedOf = async (ticketId: number) =>
      (await mailsTo(customer.actor.email, 'received')).filter((m) => m.ticket_id === ticketId);
    expect(await receivedOf(portal.id)).toHaveLength(1);
    // A phone ticket an agent opens for the customer: one "received" mail, no generic notification.
    const phone = await owner.post('/api/v1/tickets', {
      subject: 'Called in',
      body: 'Printer jams',
      requesterId: customer.actor.id,
      channel: 'phone',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    await drain();
    expect(await receivedOf(phone.json().id)).toHaveLength(1);
    expect(await mailsTo(customer.actor.email, 'notify:ticket.created')).toHaveLength(0);

    // The customer switches the acknowledgement off (level 3): neither the portal nor the mail intake sends it.
    await addRule({
      level: 'user',
      userId: customer.actor.id,
      event: 'ticket.created',
      recipientRole: 'requester',
      channel: 'email',
      enabled: false,
    });
    const quiet = await openTicket(customer, { subject: 'No receipt please' });
    await drain();
    expect(await receivedOf(quiet.id)).toHaveLength(0);
    await deliver(t, rawMail({ from: customer.actor.email, subject: 'By mail, quietly', body: 'Hello' }));
    const byMail = (await ticketsOf(t, customer.actor.email)).find((x) => x.subject === 'By mail, quietly');
    expect(byMail).toBeDefined();
    expect(await receivedOf(byMail!.id)).toHaveLength(0);
    // Another customer by mail still gets it.
    await deliver(t, rawMail({ from: stranger.actor.email, subject: 'By mail', body: 'Hello' }));
    const [other] = await ticketsOf(t, stranger.actor.email);
    expect((await mailsTo(stranger.actor.email, 'received')).filter((m) => m.ticket_id === other.id)).toHaveLength(1);
  });

  it('applies an edited rule to the very next event (the cached rule index is refreshed)', async () => {
    const ticket = await ownedTicket();
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'First' });
    await drain();
    expect(await mailsTo(owner.actor.email, 'notify:ticket.customer_replied')).toHaveLength(1);
    const rules = (await admin.get('/api/v1/notification-rules?level=workflow&event=ticket.customer_replied')).json();
    const email = rules.find(
      (r: { channel: string; recipientRole: string }) => r.channel === 'email' && r.recipientRole === 'owner',
    );
    const { id, createdAt: _c, updatedAt: _u, ...rule } = email;
    // Same instant on the manual clock: only the content changes.
    expect((await admin.put(`/api/v1/notification-rules/${id}`, { ...rule, enabled: false })).statusCode).toBe(200);
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Second' });
    await drain();
    expect(await mailsTo(owner.actor.email, 'notify:ticket.customer_replied')).toHaveLength(1);
    expect((await inbox(owner)).items.filter((i) => i.event === 'ticket.customer_replied')).toHaveLength(2);
  });

  it('never shows a field hidden to the recipient, in the mail or the inbox', async () => {
    const role = await t.ctx.db.kysely
      .selectFrom('roles')
      .select(['id', 'field_rules'])
      .where('key', '=', 'operator')
      .executeTakeFirstOrThrow();
    const rules = JSON.parse(role.field_rules) as { default: Record<string, string> };
    rules.default.subject = 'hidden';
    await t.ctx.db.kysely
      .updateTable('roles')
      .set({ field_rules: JSON.stringify(rules) })
      .where('id', '=', role.id)
      .execute();
    const ticket = await ownedTicket('Salary of the CEO');
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Any news?' });
    await drain();
    const [mail] = await mailsTo(owner.actor.email, 'notify:ticket.customer_replied');
    expect(mail.subject).toBe(`[#${ticket.number}] Olena Customer replied on ticket #${ticket.number}`);
    const everything = (await mailsTo(owner.actor.email)).map((m) => `${m.subject} ${m.body_text} ${m.body_html}`);
    expect(everything.join(' ')).not.toContain('Salary');
    const page = await inbox(owner);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.ticketSubject === null && !i.text.includes('Salary'))).toBe(true);
    // The manager's role still sees the subject.
    expect((await inbox(manager)).items[0].ticketSubject).toBe('Salary of the CEO');
  });

  it('localizes to the recipient and delivers a mention to the mentioned agent', async () => {
    await t.ctx.db.kysely.updateTable('users').set({ locale: 'uk' }).where('id', '=', owner.actor.id).execute();
    const ticket = await ownedTicket();
    // Not in the ticket's group, not a watcher: the mention alone brings her in.
    const helper = await loginAs(t, await makeUser(t, 'operator', { name: 'Petra Helper' }));
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, { body: '@Petra Helper can you look?', kind: 'note' });
    await drain();
    expect(await events(helper)).toEqual(['ticket.mention']);
    // The mention mail quotes the note (she may read internal notes).
    await addRule({ event: 'ticket.mention', recipientRole: 'watchers', channel: 'email' });
    await owner.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: '@Petra Helper the <b>driver</b> & queue are reset',
      kind: 'note',
    });
    await drain();
    const mentions = await mailsTo(helper.actor.email, 'notify:ticket.mention');
    expect(mentions).toHaveLength(1);
    expect(mentions[0].body_text).toContain('@Petra Helper the driver & queue are reset');
    // Quoted as plain text: escaped, and nothing of the note's markup (or relative image links).
    expect(mentions[0].body_html).toContain('<p>@Petra Helper the driver &amp; queue are reset</p>');
    expect((await inbox(helper)).items[0].text).toBe(`Ivan Owner mentioned you on ticket #${ticket.number}`);
    const assigned = (await inbox(owner)).items.find((i) => i.event === 'ticket.assigned_to_me');
    expect(assigned?.text).toContain(`призначає вам заявку #${ticket.number}`);
  });

  it('is idempotent: re-running the handler of an event delivers nothing twice', async () => {
    const ticket = await ownedTicket();
    await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body: 'Hello again' });
    await drain();
    const row = await t.ctx.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('type', '=', 'ticket.message_added')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const count = async () => {
      const n = await t.ctx.db.kysely
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const m = await t.ctx.db.kysely
        .selectFrom('mail_outbound')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [Number(n.n), Number(m.n)];
    };
    const before = await count();
    const again = await fanOut(t.ctx, {
      outboxId: row.id,
      type: 'ticket.message_added',
      payload: JSON.parse(row.payload),
    });
    expect(again.inApp).toBe(0);
    await drain();
    expect(await count()).toEqual(before);
  });

  it('keeps the inbox private, pages it, marks read, and hides tickets the reader lost', async () => {
    const engineer = await loginAs(t, await makeUser(t, 'engineer', { groupTier: 1 }));
    const ticket = await ownedTicket();
    for (const body of ['one', 'two', 'three']) await customer.post(`/api/v1/tickets/${ticket.id}/messages`, { body });
    await drain();
    const all = await inbox(owner);
    expect(all.unreadCount).toBe(all.items.length);
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const first = await inbox(owner, '?limit=2');
    expect(first.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
    const second = await inbox(owner, `?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));

    const id = all.items[0].id;
    expect((await stranger.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await manager.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    const read = await owner.post(`/api/v1/notifications/${id}/read`);
    expect(read.json()).toEqual({ count: all.unreadCount - 1 });
    expect((await inbox(owner, '?unread=true')).items.map((i) => i.id)).not.toContain(id);
    expect((await owner.post('/api/v1/notifications/read-all')).json()).toEqual({ count: 0 });
    expect((await owner.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect((await inbox(stranger)).items).toEqual([]);

    // The ticket leaves the engineer's reach (they leave the group): its notifications leave their inbox.
    expect(await events(engineer)).toEqual(['ticket.created']);
    await t.ctx.db.kysely.deleteFrom('group_members').where('user_id', '=', engineer.actor.id).execute();
    expect(await inbox(engineer)).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('lets people follow, agents manage watchers, and the requester and agents manage CC addresses', async () => {
    const ticket = await ownedTicket();
    const url = `/api/v1/tickets/${ticket.id}`;
    expect((await colleague.put(`${url}/watch`, {})).json()).toMatchObject({ following: true, watchers: [], cc: [] });
    expect((await stranger.put(`${url}/watch`, {})).statusCode).toBe(404);
    expect((await colleague.put(`${url}/watch`, { userId: owner.actor.id })).statusCode).toBe(403);
    const notAgent = await owner.put(`${url}/watch`, { userId: colleague.actor.id });
    expect(notAgent.statusCode).toBe(400);
    expect(notAgent.json().error.fields).toEqual(['userId']);
    const added = await owner.put(`${url}/watch`, { userId: manager.actor.id });
    expect(
      added
        .json()
        .watchers.map((w: { id: number }) => w.id)
        .sort(),
    ).toEqual([colleague.actor.id, manager.actor.id].sort());
    expect((await owner.del(`${url}/watch?userId=${manager.actor.id}`)).json().watchers).toHaveLength(1);

    const bad = await customer.post(`${url}/cc`, { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(['email']);
    expect((await colleague.post(`${url}/cc`, { email: 'boss@acme.test' })).statusCode).toBe(403);
    expect((await customer.post(`${url}/cc`, { email: 'Boss@Acme.test' })).json().cc).toEqual(['boss@acme.test']);
    expect((await customer.get(`${url}/watchers`)).json()).toMatchObject({ following: false, cc: ['boss@acme.test'] });
    await owner.post(`${url}/messages`, { body: 'We ordered a new drum.' });
    await drain();
    const [reply] = await mailsTo(customer.actor.email, 'reply');
    expect(JSON.parse(reply.cc)).toEqual(['boss@acme.test']);
    expect((await owner.del(`${url}/cc?email=boss@acme.test`)).json().cc).toEqual([]);
    // The colleague follows: they got the reply notification in the app only if a rule says so.
    expect(await events(colleague)).toEqual([]);
  });
});
