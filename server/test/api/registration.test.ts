import { afterEach, beforeEach, expect, it } from 'vitest';
import { NOTICE_INTERVAL_MS } from '../../modules/auth/registration.service.ts';
import { MAIL_TEXTS } from '../../modules/mail/outbound.texts.ts';
import { type Client, loginAs, makeUser, PASSWORD } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { deliver, rawMail, ticketsOf } from '../mail-fixtures.ts';

const CHECK_MAILBOX = { status: 'check_mailbox' };
const INTRUDER = { password: 'intruders-password', name: 'Mallory Intruder' };

/**
 * Registration without account enumeration (ADR 0026): one answer for every well-formed request,
 * whether the address is new, has an account, belongs to a deactivated account or to a contact
 * created from mail; an existing account never changes and its owner gets a notice instead.
 */
describeEachDialect('registration', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect, { loginRateLimit: 50 });
  });
  afterEach(async () => t.close());

  const register = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });

  /** What a caller can observe of an answer: status, body and whether it sets a cookie. */
  const observed = (res: Awaited<ReturnType<typeof register>>) => ({
    status: res.statusCode,
    body: res.json(),
    setCookie: res.headers['set-cookie'] ?? null,
  });

  const userRow = (email: string) =>
    t.ctx.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  const mailsTo = (address: string) =>
    t.ctx.db.kysely
      .selectFrom('mail_outbound')
      .select(['template', 'subject', 'body_text', 'body_html', 'status'])
      .where('to_address', '=', address)
      .orderBy('id')
      .execute();

  const count = async (table: 'users' | 'mail_outbound' | 'password_resets' | 'sessions') =>
    Number(
      (
        await t.ctx.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => ({
    users: await count('users'),
    mails: await count('mail_outbound'),
    links: await count('password_resets'),
    sessions: await count('sessions'),
  });

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  /** A contact as inbound mail creates one: no password, one ticket. */
  async function makeContact(email: string): Promise<void> {
    await deliver(t, rawMail({ from: `Carla Contact <${email}>`, subject: 'Scanner offline', body: 'Since Monday.' }));
    expect(await ticketsOf(t, email)).toHaveLength(1);
  }

  async function deactivate(email: string): Promise<void> {
    await t.ctx.db.kysely.updateTable('users').set({ active: 0 }).where('email', '=', email).execute();
  }

  it('answers 202 check_mailbox, without a session, for new, existing, deactivated and contact addresses alike', async () => {
    await makeUser(t, 'customer', { email: 'kept@example.test' });
    await makeUser(t, 'operator', { email: 'agent@example.test' });
    await makeUser(t, 'customer', { email: 'gone@example.test' });
    await deactivate('gone@example.test');
    await makeContact('contact@example.test');

    const answers = [];
    for (const email of [
      'new@example.test',
      'Kept@Example.test',
      'agent@example.test',
      'gone@example.test',
      'contact@example.test',
    ]) {
      answers.push(observed(await register({ email, ...INTRUDER, locale: 'en' })));
    }
    for (const answer of answers) expect(answer).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
  });

  it('changes nothing about an existing account; its owner gets a notice in their language', async () => {
    const owner = await makeUser(t, 'customer', { email: 'olena@example.test', name: 'Olena Koval' });
    await t.ctx.db.kysely.updateTable('users').set({ locale: 'uk' }).where('id', '=', owner.id).execute();
    const session = await loginAs(t, owner);
    const before = await userRow('olena@example.test');
    const [users, links] = [await count('users'), await count('password_resets')];
    t.clock.advance(60_000);

    const res = await register({ email: 'olena@example.test', ...INTRUDER, locale: 'zh' });
    expect(observed(res)).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });

    expect(await userRow('olena@example.test')).toEqual(before);
    expect(await count('users')).toBe(users);
    expect(await count('password_resets')).toBe(links);
    expect((await session.get('/api/v1/me')).json().user).toMatchObject({ name: 'Olena Koval', locale: 'uk' });
    expect((await login('olena@example.test', PASSWORD)).statusCode).toBe(200);
    expect((await login('olena@example.test', INTRUDER.password)).statusCode).toBe(401);

    const mails = await mailsTo('olena@example.test');
    expect(mails).toHaveLength(1);
    const [notice] = mails;
    expect(notice).toMatchObject({ template: 'registration_notice', subject: MAIL_TEXTS.uk.noticeSubject });
    expect(notice.body_text).toContain('Olena Koval');
    expect(notice.body_text).toContain(MAIL_TEXTS.uk.noticeBody);
    expect(notice.body_text).toContain(`${MAIL_TEXTS.uk.noticeSignIn}: ${t.config.publicUrl}/login`);
    expect(notice.body_text).toContain(`${MAIL_TEXTS.uk.noticeForgot}: ${t.config.publicUrl}/forgot-password`);
    expect(notice.body_html).toContain(`href="${t.config.publicUrl}/forgot-password"`);
    expect(notice.body_text).toContain(MAIL_TEXTS.uk.noticeIgnore);
    // Nothing the registrant typed reaches the owner's mailbox, and no link grants anything.
    expect(notice.body_text + notice.body_html).not.toContain('Mallory');
    expect(notice.body_text).not.toContain('token=');
    await t.ctx.worker.drain();
    expect((await mailsTo('olena@example.test'))[0].status).toBe('dev');
  });

  it('sends an address at most one notice in ten minutes, answering the same every time', async () => {
    await makeUser(t, 'customer', { email: 'busy@example.test' });
    // Off the ten-minute slots of the dedupe key: the window counts from the last notice.
    t.clock.advance(7 * 60_000);
    const statuses: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(observed(await register({ email: 'busy@example.test', ...INTRUDER })));
      t.clock.advance(3 * 60_000);
    }
    expect(await mailsTo('busy@example.test')).toHaveLength(1);
    t.clock.advance(NOTICE_INTERVAL_MS - 9 * 60_000 - 1);
    statuses.push(observed(await register({ email: 'busy@example.test', ...INTRUDER })));
    expect(await mailsTo('busy@example.test')).toHaveLength(1);
    t.clock.advance(2); // ten minutes and a millisecond after the first
    statuses.push(observed(await register({ email: 'busy@example.test', ...INTRUDER })));
    expect((await mailsTo('busy@example.test')).map((m) => m.template)).toEqual([
      'registration_notice',
      'registration_notice',
    ]);
    for (const answer of statuses) expect(answer).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
  });

  it('a deactivated account gets no mail and stays as it was', async () => {
    await makeUser(t, 'customer', { email: 'gone@example.test' });
    await deactivate('gone@example.test');
    const before = await userRow('gone@example.test');
    const res = await register({ email: 'gone@example.test', ...INTRUDER });
    expect(observed(res)).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
    expect(await userRow('gone@example.test')).toEqual(before);
    expect(await mailsTo('gone@example.test')).toEqual([]);
    expect(await count('password_resets')).toBe(0);
  });

  it('a contact from mail is not taken over by registering: only the mailbox can set its password', async () => {
    await makeContact('carla@example.test');
    await t.ctx.db.kysely
      .updateTable('users')
      .set({ locale: 'ro' })
      .where('email', '=', 'carla@example.test')
      .execute();
    const before = await userRow('carla@example.test');
    expect(before?.password_hash).toBeNull();
    t.clock.advance(60_000);

    const res = await register({ email: 'carla@example.test', ...INTRUDER });
    expect(observed(res)).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
    expect(await userRow('carla@example.test')).toEqual(before);
    expect(await count('sessions')).toBe(0);
    // The registrant's password opens nothing.
    expect((await login('carla@example.test', INTRUDER.password)).statusCode).toBe(401);

    // The contact's mailbox gets a set-password link, in the contact's language.
    const notice = (await mailsTo('carla@example.test')).find((m) => m.template === 'registration_notice');
    expect(notice).toMatchObject({ subject: MAIL_TEXTS.ro.noticeSubject });
    expect(notice?.body_text).toContain(MAIL_TEXTS.ro.noticeContactBody);
    expect(notice?.body_text).not.toContain('Mallory');
    const match = /\/reset-password\?token=([\w%-]+)/.exec(notice?.body_text ?? '');
    expect(match?.[1].startsWith('pr_')).toBe(true);
    const set = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: decodeURIComponent(match![1]), password: 'carlas-own-password' },
    });
    expect(set.statusCode, set.body).toBe(204);
    const carla = await loginAs(t, { email: 'carla@example.test' } as Client['actor'], 'carlas-own-password');
    expect((await carla.get('/api/v1/me')).json().user).toMatchObject({ emailVerified: true, name: 'Carla Contact' });
    const tickets = (await carla.get('/api/v1/tickets')).json().items as { subject: string }[];
    expect(tickets.map((i) => i.subject)).toEqual(['Scanner offline']);
  });

  it('a new address gets an unconfirmed account and its confirmation mail, no session; its password signs in', async () => {
    const res = await register({ email: 'Wei@Example.TEST', password: 'longenough', name: ' Wei ', locale: 'zh' });
    expect(observed(res)).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
    expect(await count('sessions')).toBe(0);
    expect(await userRow('wei@example.test')).toMatchObject({
      name: 'Wei',
      locale: 'zh',
      email_verified_at: null,
      organization_id: null,
      active: 1,
    });
    const mails = await mailsTo('wei@example.test');
    expect(mails.map((m) => [m.template, m.subject])).toEqual([['email_confirmation', MAIL_TEXTS.zh.confirmSubject]]);
    const signedIn = await login('wei@example.test', 'longenough');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ role: 'customer', emailVerified: false });
  });

  it('refuses bad input naming the field, the same for new and existing addresses, and stores nothing', async () => {
    await makeUser(t, 'customer', { email: 'kept@example.test' });
    const before = await counts();
    const bad = [
      { payload: { name: '   ', password: 'longenough' }, fields: ['name'] },
      { payload: { name: 'Ann', password: 'short' }, fields: ['password'] },
      { payload: { name: 'Ann', password: 'longenough', locale: 'xx' }, fields: ['locale'] },
    ];
    for (const { payload, fields } of bad) {
      const answers = [];
      for (const email of ['fresh@example.test', 'kept@example.test']) {
        const res = await register({ email, ...payload });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.fields).toEqual(fields);
        answers.push(observed(res));
      }
      expect(answers[1]).toEqual(answers[0]);
    }
    const invalid = await register({ email: 'not-an-email', password: 'short', name: '' });
    expect(invalid.json().error.fields).toEqual(expect.arrayContaining(['email', 'password', 'name']));
    expect(await counts()).toEqual(before);
  });

  it('two registrations racing for one new address make one account, and both answer the same', async () => {
    const payload = { email: 'twice@example.test', password: 'longenough', name: 'Twice' };
    const answers = await Promise.all([register(payload), register(payload)]);
    for (const res of answers) expect(observed(res)).toEqual({ status: 202, body: CHECK_MAILBOX, setCookie: null });
    const rows = await t.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'twice@example.test')
      .execute();
    expect(rows).toHaveLength(1);
    // The loser answers without mailing: the address gets one confirmation, or that and a notice.
    const templates = (await mailsTo('twice@example.test')).map((m) => m.template);
    expect(templates.filter((x) => x === 'email_confirmation')).toHaveLength(1);
  });
});
