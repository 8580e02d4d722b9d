import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, loginAs, makeOrganization, makeUser, openTicket, sessionClient } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const VICTIM = 'victim@acme.test';
const INTRUDER_PASSWORD = 'intruders-password';

/**
 * Account pre-hijacking (ADR 0026, addendum): someone registers an address that is not theirs
 * with a password they know. Confirming the address therefore needs that password as well as the
 * mailed link, so the address's owner cannot be led into confirming, and then using, an account
 * someone else can sign in to; their way in is a password reset, which ends every session.
 * Confirming ends every other session of the account.
 */
describeEachDialect('confirming an address needs the account’s password', (dialect) => {
  let t: TestApp;
  let acme = 0;
  let sharedTicketId = 0;
  let member: Client;

  beforeEach(async () => {
    t = await buildTestApp(dialect, { loginRateLimit: 5 });
    acme = await makeOrganization(t, 'Acme', { domain: 'acme.test', shared: true });
    member = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
    sharedTicketId = (await openTicket(member, { subject: 'Payroll export', body: 'Shared with colleagues.' })).id;
  });
  afterEach(async () => t.close());

  /** The intruder registers the victim's address with their own password and signs in with it. */
  async function preRegister(): Promise<Client> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: VICTIM, password: INTRUDER_PASSWORD, name: 'Victim Name' },
    });
    expect(res.statusCode, res.body).toBe(202);
    return loginAs(t, { email: VICTIM } as Client['actor'], INTRUDER_PASSWORD);
  }

  /** The token of the newest mail of a template to the victim. */
  async function tokenFrom(template: 'email_confirmation' | 'password_reset'): Promise<string> {
    const mails = await t.ctx.db.kysely
      .selectFrom('mail_outbound')
      .select('body_text')
      .where('to_address', '=', VICTIM)
      .where('template', '=', template)
      .orderBy('id')
      .execute();
    const path = template === 'email_confirmation' ? 'confirm-email' : 'reset-password';
    const match = new RegExp(`/${path}\\?token=([\\w%-]+)`).exec(mails.at(-1)?.body_text ?? '');
    expect(match, `no ${template} link`).not.toBeNull();
    return decodeURIComponent(match![1]);
  }

  const confirm = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/email-confirmation/confirm', payload, headers });

  /** Everything a refused confirmation must leave as it was. */
  const state = async () => ({
    user: await t.ctx.db.kysely
      .selectFrom('users')
      .select(['organization_id', 'email_verified_at', 'password_hash', 'updated_at'])
      .where('email', '=', VICTIM)
      .executeTakeFirstOrThrow(),
    links: await t.ctx.db.kysely.selectFrom('password_resets').select(['purpose', 'used_at']).orderBy('id').execute(),
    sessions: (await t.ctx.db.kysely.selectFrom('sessions').select('id').orderBy('id').execute()).map((r) => r.id),
    events: (await t.ctx.db.kysely.selectFrom('outbox').select('id').execute()).length,
  });

  const sessionsOfVictim = async () =>
    (
      await t.ctx.db.kysely
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select('sessions.id')
        .where('users.email', '=', VICTIM)
        .execute()
    ).length;

  it('refuses a confirmation without the password or with a wrong one, naming `password`; nothing changes', async () => {
    await preRegister();
    const token = await tokenFrom('email_confirmation');
    // Someone else's browser, to show that a refusal does not sign it out.
    const browser = await loginAs(t, await makeUser(t, 'customer', { email: 'someone@elsewhere.test' }));
    t.clock.advance(60_000);
    const before = await state();
    expect(before.user.email_verified_at).toBeNull();
    expect(before.links).toEqual([{ purpose: 'confirm_email', used_at: null }]);

    for (const payload of [{ token }, { token, password: '' }, { token, password: 'the-victims-guess' }]) {
      const refused = await confirm(payload);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', fields: ['password'] });
      expect(refused.cookies).toEqual([]);
    }
    const withCookie = await confirm(
      { token, password: 'the-victims-guess' },
      { cookie: `fd_session=${browser.cookie}`, 'x-csrf-token': browser.csrfToken },
    );
    expect(withCookie.json().error.fields).toEqual(['password']);
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    expect(await state()).toEqual(before);

    // The link was not used up: with the password it still confirms.
    const confirmed = await confirm({ token, password: INTRUDER_PASSWORD });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ joinedOrganization: true, user: { email: VICTIM, emailVerified: true } });
  });

  it('a dead link is refused naming `token` before the password is looked at', async () => {
    await preRegister();
    const token = await tokenFrom('email_confirmation');
    expect((await confirm({ token, password: INTRUDER_PASSWORD })).statusCode).toBe(200);
    for (const password of [INTRUDER_PASSWORD, 'wrong-password']) {
      const refused = await confirm({ token, password });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual(['token']);
    }
  });

  it('the right password confirms, signs in and ends every other session of the account', async () => {
    const first = await preRegister();
    const second = await loginAs(t, first.actor, INTRUDER_PASSWORD);
    expect(await sessionsOfVictim()).toBe(2);

    const confirmed = await confirm({ token: await tokenFrom('email_confirmation'), password: INTRUDER_PASSWORD });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const now = sessionClient(t, first.actor, confirmed);
    expect((await now.get('/api/v1/me')).json().user).toMatchObject({ emailVerified: true, organizationId: acme });
    expect((await now.get(`/api/v1/tickets/${sharedTicketId}`)).statusCode).toBe(200);

    // The sessions opened while the address was unconfirmed are gone; other accounts' are not.
    for (const earlier of [first, second]) expect((await earlier.get('/api/v1/me')).statusCode).toBe(401);
    expect(await sessionsOfVictim()).toBe(1);
    expect((await member.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('two uses of one link at once: one confirms, the other is refused naming `token`', async () => {
    await preRegister();
    const token = await tokenFrom('email_confirmation');
    const answers = await Promise.all([
      confirm({ token, password: INTRUDER_PASSWORD }),
      confirm({ token, password: INTRUDER_PASSWORD }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 400]);
    expect(answers.find((a) => a.statusCode === 400)!.json().error.fields).toEqual(['token']);
    expect(await sessionsOfVictim()).toBe(1);
  });

  it('the owner of the mailbox takes the account over with a password reset: every session ends', async () => {
    const intruder = await preRegister();
    const intruderElsewhere = await loginAs(t, intruder.actor, INTRUDER_PASSWORD);
    await openTicket(intruder, { subject: 'Opened by the intruder', body: 'Before the address was proven.' });
    const confirmToken = await tokenFrom('email_confirmation');
    // The owner cannot confirm: they do not know the intruder's password.
    expect((await confirm({ token: confirmToken, password: 'owners-password' })).json().error.fields).toEqual([
      'password',
    ]);

    // "Did not register? … set a password": the reset link goes to the mailbox.
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: VICTIM },
    });
    expect(asked.statusCode).toBe(202);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: await tokenFrom('password_reset'), password: 'owners-password' },
    });
    expect(reset.statusCode, reset.body).toBe(204);

    // Every session of the account ended, the intruder's password opens nothing.
    expect(await sessionsOfVictim()).toBe(0);
    for (const session of [intruder, intruderElsewhere]) expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    const intruderLogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: VICTIM, password: INTRUDER_PASSWORD },
    });
    expect(intruderLogin.statusCode).toBe(401);
    // Nor the confirmation link with it: the account's password is now the owner's.
    expect((await confirm({ token: confirmToken, password: INTRUDER_PASSWORD })).json().error.fields).toEqual([
      'password',
    ]);

    // The owner is in, with the address proven and the organization joined.
    const owner = await loginAs(t, intruder.actor, 'owners-password');
    expect((await owner.get('/api/v1/me')).json().user).toMatchObject({ emailVerified: true, organizationId: acme });
  });

  it('the per-IP limit of the auth routes applies: guessing stops, the link stays unused', async () => {
    await preRegister();
    const token = await tokenFrom('email_confirmation');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await confirm({ token, password: `guess-${i}-xxxx` })).statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const limited = await confirm({ token, password: INTRUDER_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.cookies).toEqual([]);
    const { user, links } = await state();
    expect(user).toMatchObject({ email_verified_at: null, organization_id: null });
    expect(links).toEqual([{ purpose: 'confirm_email', used_at: null }]);
  });
});
