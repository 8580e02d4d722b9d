import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { writeSetting } from '../../modules/settings/settings.repo.ts';
import { loginAs, makeUser, PASSWORD } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { deliver, messagesOf, outboundOf, rawMail, ticketsOf } from '../mail-fixtures.ts';
import { type SmtpSink, startSmtpSink } from '../smtp-sink.ts';

describeEachDialect('outbound mail over SMTP', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.stop();
  });
  beforeEach(async () => {
    sink.messages.length = 0;
    sink.refuse.clear();
    t = await buildTestApp(dialect, { smtpUrl: sink.url, mailFrom: 'Acme Support <support@frontdesk.test>' });
  });
  afterEach(async () => {
    await t.close();
  });

  it('acknowledges a new mail ticket in the customer language, tagged, threaded and marked automatic', async () => {
    await makeUser(t, 'customer', { email: 'olena@customer.test', name: 'Olena' }).then(async (u) => {
      await t.ctx.db.kysely.updateTable('users').set({ locale: 'uk' }).where('id', '=', u.id).execute();
    });
    await deliver(
      t,
      rawMail({ from: 'olena@customer.test', subject: 'Принтер', body: 'Не друкує', messageId: 'first@customer.test' }),
    );
    await sink.waitFor(1);
    const [ticket] = await ticketsOf(t, 'olena@customer.test');
    const mail = sink.messages[0].parsed;
    expect(mail.subject).toBe(`[#${ticket.number}] Ми отримали ваше звернення: Принтер`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.inReplyTo).toBe('<first@customer.test>');
    expect(mail.from?.text).toContain('support@frontdesk.test');
    expect(mail.text).toContain(`#${ticket.number}`);
    expect(mail.html).toContain(`/portal/tickets/${ticket.id}`);
    const [row] = await outboundOf(t, ticket.id);
    expect(mail.messageId).toBe(`<${row.message_id}>`);
    expect(row.status).toBe('sent');
  });

  it('mails an agent reply with its attachment into the thread, and the customer answer threads back', async () => {
    await deliver(
      t,
      rawMail({ from: 'ann@customer.test', subject: 'VPN', body: 'Down', messageId: 'q1@customer.test' }),
    );
    await sink.waitFor(1);
    const [ticket] = await ticketsOf(t, 'ann@customer.test');
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: {
        cookie: `fd_session=${agent.cookie}`,
        'x-csrf-token': agent.csrfToken,
        'content-type': 'multipart/form-data; boundary=X',
      },
      payload:
        '--X\r\nContent-Disposition: form-data; name="file"; filename="steps.txt"\r\nContent-Type: text/plain\r\n\r\nRestart the client.\r\n--X--\r\n',
    });
    expect(upload.statusCode).toBe(201);
    const attachmentId = (upload.json() as { items: { id: number }[] }).items[0].id;
    const reply = await agent.post(`/api/v1/tickets/${ticket.id}/messages`, {
      body: 'Please restart the VPN client.',
      attachmentIds: [attachmentId],
    });
    expect(reply.statusCode).toBe(201);
    await t.ctx.worker.drain();
    await sink.waitFor(2);
    const mail = sink.messages[1].parsed;
    expect(mail.subject).toBe(`[#${ticket.number}] Re: VPN`);
    expect(mail.headers.get('auto-submitted')).toBeUndefined();
    expect(mail.text).toContain('Please restart the VPN client.');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ['steps.txt', 'Restart the client.'],
    ]);
    const [ack] = await outboundOf(t, ticket.id);
    expect(mail.references).toEqual(['<q1@customer.test>', `<${ack.message_id}>`]);
    expect(mail.inReplyTo).toBe(`<${ack.message_id}>`);

    await deliver(
      t,
      rawMail({
        from: 'ann@customer.test',
        subject: 'RE: anything',
        inReplyTo: (mail.messageId ?? '').replace(/[<>]/g, ''),
        body: 'Done, thanks.\n\n-----Original Message-----\nFrom: Acme Support\nSubject: VPN\n\nPlease restart the VPN client.',
      }),
    );
    const messages = await messagesOf(t, ticket.id);
    expect(messages.at(-1)).toMatchObject({ kind: 'email', body_text: 'Done, thanks.' });
  });

  it('keeps a failed delivery visible on the ticket and retries it', async () => {
    sink.refuse.add('bounce-me@customer.test');
    await deliver(t, rawMail({ from: 'bounce-me@customer.test', subject: 'Hello', body: 'Hi' }));
    const [ticket] = await ticketsOf(t, 'bounce-me@customer.test');
    const [failed] = await outboundOf(t, ticket.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/550|unavailable/i);
    const agent = await loginAs(t, await makeUser(t, 'operator'));
    const status = (await agent.get(`/api/v1/tickets/${ticket.id}/mail`)).json() as {
      deliveries: { status: string; lastError: string | null }[];
    };
    expect(status.deliveries[0]).toMatchObject({ status: 'failed' });
    sink.refuse.clear();
    t.clock.advance(60_000);
    await t.ctx.worker.drain();
    await sink.waitFor(1);
    expect((await outboundOf(t, ticket.id))[0]).toMatchObject({ status: 'sent', attempts: 2, last_error: null });

    // An admin can send it again on purpose; a sent mail is not resent.
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    expect((await admin.get('/api/v1/mail/status')).json()).toMatchObject({
      transport: 'smtp',
      smtpListenerPort: null,
    });
    expect((await admin.post(`/api/v1/mail/outbound/${failed.id}/resend`)).statusCode).toBe(400);
    await t.ctx.db.kysely.updateTable('mail_outbound').set({ status: 'failed' }).where('id', '=', failed.id).execute();
    expect((await admin.post(`/api/v1/mail/outbound/${failed.id}/resend`)).statusCode).toBe(204);
    await t.ctx.worker.drain();
    await sink.waitFor(2);
    expect(sink.messages[1].parsed.subject).toBe(sink.messages[0].parsed.subject);
  });

  it('stops automatic mail to one address after the hourly limit (loop guard)', async () => {
    await writeSetting(t.ctx.db, 'mailAutoRepliesPerHour', 2);
    for (const n of [1, 2, 3]) {
      await deliver(t, rawMail({ from: 'robot@customer.test', subject: `Alert ${n}`, body: 'Disk full' }));
    }
    const tickets = await ticketsOf(t, 'robot@customer.test');
    expect(tickets).toHaveLength(3);
    const statuses = [];
    for (const ticket of tickets) statuses.push((await outboundOf(t, ticket.id))[0].status);
    expect(statuses).toEqual(['sent', 'sent', 'suppressed']);
    expect(sink.messages).toHaveLength(2);
  });

  it('sets a password through a mailed link, once', async () => {
    await deliver(t, rawMail({ from: 'newbie@customer.test', subject: 'Hi', body: 'First contact' }));
    await sink.waitFor(1);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'nobody@customer.test' },
    });
    expect(unknown.statusCode).toBe(202);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'Newbie@customer.test' },
    });
    expect(asked.statusCode).toBe(202);
    await t.ctx.worker.drain();
    await sink.waitFor(2);
    expect(sink.messages).toHaveLength(2);
    const link = /reset-password\?token=([\w%-]+)/.exec(sink.messages[1].parsed.text ?? '');
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]);
    const confirm = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });
    expect((await confirm('short')).json()).toMatchObject({ error: { fields: ['password'] } });
    expect((await confirm(PASSWORD)).statusCode).toBe(204);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'newbie@customer.test', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await confirm(PASSWORD)).json()).toMatchObject({ error: { fields: ['token'] } });
  });
});
