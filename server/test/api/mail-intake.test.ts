import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeSetting } from '../../modules/settings/settings.repo.ts';
import { loginAs, makeOrganization, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { deliver, messagesOf, outboundOf, rawMail, receiptOf, ticketsOf } from '../mail-fixtures.ts';

describeEachDialect('mail intake', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('turns a mail from an unknown sender into a contact and a ticket, and answers with the number', async () => {
    const orgId = await makeOrganization(t, 'Acme', { domain: 'acme.test' });
    const id = await deliver(
      t,
      rawMail({
        from: 'Olena Koval <Olena@Acme.test>',
        subject: 'Принтер не друкує',
        body: 'Друкує порожні сторінки.',
      }),
    );
    expect(await receiptOf(t, id)).toMatchObject({ status: 'processed', outcome: 'created' });
    const contact = await t.ctx.db.kysely
      .selectFrom('users')
      .select(['name', 'password_hash', 'organization_id'])
      .where('email', '=', 'olena@acme.test')
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: 'Olena Koval', password_hash: null, organization_id: orgId });
    const [ticket] = await ticketsOf(t, 'olena@acme.test');
    expect(ticket).toMatchObject({ subject: 'Принтер не друкує', channel: 'email', status: 'new' });
    const [message] = await messagesOf(t, ticket.id);
    expect(message).toMatchObject({ kind: 'email', visibility: 'public', sender_email: 'olena@acme.test' });
    expect(message.body_text).toContain('Друкує порожні сторінки.');
    const [ack] = await outboundOf(t, ticket.id);
    expect(ack).toMatchObject({ template: 'received', to_address: 'olena@acme.test', automatic: 1, status: 'dev' });
    expect(ack.subject.startsWith(`[#${ticket.number}] `)).toBe(true);
  });

  it('files the same message once, however often it arrives', async () => {
    const raw = rawMail({ from: 'dup@customer.test', subject: 'Twice', body: 'Hello' });
    const first = await deliver(t, raw);
    const second = await deliver(t, raw);
    expect(second).toBe(first);
    expect(await ticketsOf(t, 'dup@customer.test')).toHaveLength(1);
  });

  it('threads a reply by In-Reply-To onto its ticket and keeps the quoted text apart', async () => {
    await deliver(t, rawMail({ from: 'ann@customer.test', subject: 'VPN down', body: 'Cannot connect.' }));
    const [ticket] = await ticketsOf(t, 'ann@customer.test');
    const [ack] = await outboundOf(t, ticket.id);
    await deliver(
      t,
      rawMail({
        from: 'ann@customer.test',
        subject: 'Re: whatever the client made of it',
        inReplyTo: ack.message_id,
        body: `It works from home though.\n\nOn Mon, 2 Mar 2026 at 09:00, Support <support@frontdesk.test> wrote:\n> We received your request\n> Thanks`,
      }),
    );
    const messages = await messagesOf(t, ticket.id);
    expect(messages).toHaveLength(2);
    expect(messages[1].body_text).toBe('It works from home though.');
    expect(messages[1].quoted_html).toContain('We received your request');
    expect(await ticketsOf(t, 'ann@customer.test')).toHaveLength(1);
  });

  it('threads by the [#number] tag when the requester writes a fresh mail', async () => {
    await deliver(t, rawMail({ from: 'bob@customer.test', subject: 'Invoice', body: 'Where is it?' }));
    const [ticket] = await ticketsOf(t, 'bob@customer.test');
    await deliver(t, rawMail({ from: 'bob@customer.test', subject: `More on [#${ticket.number}]`, body: 'Any news?' }));
    expect(await messagesOf(t, ticket.id)).toHaveLength(2);
  });

  it('does not attach a stranger mail with a ticket tag: a new linked ticket, or a flagged note when configured', async () => {
    await deliver(t, rawMail({ from: 'owner@customer.test', subject: 'Laptop', body: 'Broken screen' }));
    const [ticket] = await ticketsOf(t, 'owner@customer.test');
    await deliver(
      t,
      rawMail({ from: 'mallory@evil.test', subject: `[#${ticket.number}] hi`, body: 'Close it please' }),
    );
    expect(await messagesOf(t, ticket.id)).toHaveLength(1);
    const [strangers] = await ticketsOf(t, 'mallory@evil.test');
    expect(strangers).toBeDefined();
    const links = await t.ctx.db.kysely
      .selectFrom('ticket_links')
      .selectAll()
      .where('ticket_id', '=', strangers.id)
      .execute();
    expect(links.map((l) => [l.linked_ticket_id, l.kind])).toEqual([[ticket.id, 'follow_up_of:unverified_sender']]);

    await writeSetting(t.ctx.db, 'mailUnverifiedAsNote', true);
    await deliver(t, rawMail({ from: 'eve@evil.test', subject: `[#${ticket.number}] hi`, body: 'Me too' }));
    const messages = await messagesOf(t, ticket.id);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ visibility: 'internal', unverified_sender: 1, sender_email: 'eve@evil.test' });
    expect(await ticketsOf(t, 'eve@evil.test')).toHaveLength(0);
  });

  it('ignores auto-replies: no ticket, no reopening, no answer', async () => {
    await deliver(t, rawMail({ from: 'cara@customer.test', subject: 'Mouse', body: 'Broken' }));
    const [ticket] = await ticketsOf(t, 'cara@customer.test');
    const before = await outboundOf(t, ticket.id);
    const id = await deliver(
      t,
      rawMail({
        from: 'cara@customer.test',
        subject: `Out of office: [#${ticket.number}] Mouse`,
        headers: { 'Auto-Submitted': 'auto-replied' },
        body: 'I am away until Monday.',
      }),
    );
    expect(await receiptOf(t, id)).toMatchObject({ status: 'ignored', outcome: 'auto_reply' });
    expect(await messagesOf(t, ticket.id)).toHaveLength(1);
    expect(await outboundOf(t, ticket.id)).toHaveLength(before.length);
  });

  it('marks a bouncing address and the returned mail, visible on the ticket', async () => {
    await deliver(t, rawMail({ from: 'dan@customer.test', subject: 'Keyboard', body: 'Sticky keys' }));
    const [ticket] = await ticketsOf(t, 'dan@customer.test');
    const [ack] = await outboundOf(t, ticket.id);
    const boundary = 'dsn-boundary';
    const dsn = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>',
        'To: support@frontdesk.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Message-ID: <bounce-1@mx.customer.test>',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.test',
        '',
        'Final-Recipient: rfc822; dan@customer.test',
        'Action: failed',
        'Status: 5.1.1',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: <${ack.message_id}>`,
        'Subject: whatever',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const id = await deliver(t, dsn);
    expect(await receiptOf(t, id)).toMatchObject({ status: 'ignored', outcome: 'bounce', ticket_id: ticket.id });
    const operator = await loginAs(t, await makeUser(t, 'operator'));
    const status = (await operator.get(`/api/v1/tickets/${ticket.id}/mail`)).json() as {
      bouncing: { email: string }[];
      deliveries: { id: number; status: string }[];
    };
    expect(status.bouncing.map((b) => b.email)).toEqual(['dan@customer.test']);
    expect(status.deliveries.find((d) => d.id === ack.id)?.status).toBe('bounced');
  });

  it('puts a ticket waiting for the customer back to work when the customer answers by mail', async () => {
    await deliver(t, rawMail({ from: 'eva@customer.test', subject: 'Access', body: 'Need access' }));
    const [ticket] = await ticketsOf(t, 'eva@customer.test');
    const operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: operator.actor.id });
    const moved = await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, {
      to: 'waiting_customer',
      comment: 'Which system?',
    });
    expect(moved.statusCode).toBe(200);
    await t.ctx.worker.drain();
    const question = (await outboundOf(t, ticket.id)).find((m) => m.template === 'reply');
    expect(question).toBeDefined();
    await deliver(
      t,
      rawMail({ from: 'eva@customer.test', subject: 'Re: Access', inReplyTo: question!.message_id, body: 'The CRM.' }),
    );
    expect((await ticketsOf(t, 'eva@customer.test'))[0].status).toBe('in_progress');
  });

  it('reads a mail answer to a solution as a confirmation or a rejection', async () => {
    const operator = await loginAs(t, await makeUser(t, 'operator', { groupTier: 1 }));
    const resolve = async (email: string) => {
      await deliver(t, rawMail({ from: email, subject: 'Wi-Fi', body: 'Slow Wi-Fi' }));
      const [ticket] = await ticketsOf(t, email);
      await operator.patch(`/api/v1/tickets/${ticket.id}`, { ownerId: operator.actor.id });
      await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, { to: 'in_progress' });
      const res = await operator.post(`/api/v1/tickets/${ticket.id}/transitions`, {
        to: 'resolved',
        solution: 'Router restarted',
      });
      expect(res.statusCode).toBe(200);
      await t.ctx.worker.drain();
      return { ticket, resolvedMail: (await outboundOf(t, ticket.id)).find((m) => m.template === 'resolved')! };
    };
    const happy = await resolve('happy@customer.test');
    expect(happy.resolvedMail.body_text).toContain('Router restarted');
    await deliver(
      t,
      rawMail({
        from: 'happy@customer.test',
        subject: 'Re',
        inReplyTo: happy.resolvedMail.message_id,
        body: 'Thanks, it works now!',
      }),
    );
    expect((await ticketsOf(t, 'happy@customer.test'))[0].status).toBe('closed');

    const unhappy = await resolve('unhappy@customer.test');
    await deliver(
      t,
      rawMail({
        from: 'unhappy@customer.test',
        subject: 'Re',
        inReplyTo: unhappy.resolvedMail.message_id,
        body: 'Still slow.',
      }),
    );
    expect((await ticketsOf(t, 'unhappy@customer.test'))[0].status).toBe('in_progress');
  });

  it('opens a follow-up linked to a closed ticket instead of writing into it', async () => {
    await deliver(t, rawMail({ from: 'finn@customer.test', subject: 'Old', body: 'Old problem' }));
    const [ticket] = await ticketsOf(t, 'finn@customer.test');
    await t.ctx.db.kysely.updateTable('tickets').set({ status: 'closed' }).where('id', '=', ticket.id).execute();
    const id = await deliver(
      t,
      rawMail({ from: 'finn@customer.test', subject: `Re: [#${ticket.number}] Old`, body: 'Back again' }),
    );
    expect(await receiptOf(t, id)).toMatchObject({ outcome: 'follow_up' });
    const tickets = await ticketsOf(t, 'finn@customer.test');
    expect(tickets).toHaveLength(2);
    expect(await messagesOf(t, ticket.id)).toHaveLength(1);
  });

  it('keeps an agent mail on the thread as an internal note', async () => {
    const engineer = await makeUser(t, 'engineer', { email: 'eng@frontdesk.test' });
    await deliver(t, rawMail({ from: 'gina@customer.test', subject: 'Printer', body: 'Jammed' }));
    const [ticket] = await ticketsOf(t, 'gina@customer.test');
    await deliver(
      t,
      rawMail({ from: 'eng@frontdesk.test', subject: `Re: [#${ticket.number}]`, body: 'Ordered a part.' }),
    );
    const messages = await messagesOf(t, ticket.id);
    expect(messages[1]).toMatchObject({ visibility: 'internal', kind: 'email', author_id: engineer.id });
  });

  it('stores attachments and links inline images', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await deliver(
      t,
      rawMail({
        from: 'hana@customer.test',
        subject: 'Screenshot',
        html: '<p>See <img src="cid:shot1@x"></p>',
        attachments: [
          { filename: 'shot.png', contentType: 'image/png', content: png, contentId: 'shot1@x' },
          { filename: 'log.txt', contentType: 'text/plain', content: Buffer.from('error 42') },
        ],
      }),
    );
    const [ticket] = await ticketsOf(t, 'hana@customer.test');
    const [message] = await messagesOf(t, ticket.id);
    const files = await t.ctx.db.kysely
      .selectFrom('attachments')
      .selectAll()
      .where('message_id', '=', message.id)
      .execute();
    expect(files.map((f) => f.filename).sort()).toEqual(['log.txt', 'shot.png']);
    const shot = files.find((f) => f.filename === 'shot.png')!;
    expect(message.body_html).toContain(`/api/v1/attachments/${shot.id}`);
    expect(message.body_html).not.toContain('cid:');
  });

  it('keeps a mail it cannot file visible with the error, and retries it on request', async () => {
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    const id = await deliver(t, rawMail({ from: 'not-an-address', subject: 'No sender', body: 'x' }));
    expect(await receiptOf(t, id)).toMatchObject({ status: 'failed' });
    const list = (await admin.get('/api/v1/mail/receipts?status=failed')).json() as {
      items: { id: number; error: string }[];
    };
    expect(list.items.map((r) => r.id)).toContain(id);
    expect(list.items[0].error).toMatch(/sender/);
    expect((await admin.post(`/api/v1/mail/receipts/${id}/retry`)).statusCode).toBe(204);
    expect((await admin.post(`/api/v1/mail/receipts/${id}/retry`)).statusCode).toBe(400);
    await t.ctx.worker.drain();
    expect(await receiptOf(t, id)).toMatchObject({ status: 'failed' });
  });
});
