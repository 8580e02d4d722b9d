import { afterEach, beforeEach, expect, it } from 'vitest';
import { emailConfirmation } from '../../db/migrations/0016_email_confirmation.ts';
import { MAIL_TEXTS } from '../../modules/mail/outbound.texts.ts';
import { type Client, loginAs, makeOrganization, makeUser, openTicket, sessionClient } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';

const HOUR = 3_600_000;

/**
 * E-mail confirmation of self-registered customers (ADR 0025): registration mails a link in the
 * registrant's language; using it (or a password-reset link) proves the address, marks it
 * verified and joins the customer to their domain's organization, once.
 */
describeEachDialect('e-mail confirmation', (dialect) => {
  let t: TestApp;
  let acme = 0;
  let sharedTicketId = 0;

  beforeEach(async () => {
    t = await buildTestApp(dialect, { loginRateLimit: 5 });
    acme = await makeOrganization(t, 'Acme', { domain: 'acme.test', shared: true });
    const member = await loginAs(t, await makeUser(t, 'customer', { organizationId: acme }));
    sharedTicketId = (await openTicket(member, { subject: 'Acme printer', body: 'Shared with colleagues.' })).id;
  });
  afterEach(async () => t.close());

  /**
   * Registers over HTTP (no session: 202 "check your mailbox") and signs in with the chosen
   * password, which an unconfirmed account may do (ADR 0026); returns a client bound to that session.
   */
  async function register(email: string, locale?: string): Promise<Client> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email, password: 'longenough', name: 'New Customer', ...(locale && { locale }) },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.cookies).toEqual([]);
    const client = await loginAs(t, { email } as Client['actor'], 'longenough');
    expect((await client.get('/api/v1/me')).json().user).toMatchObject({ organizationId: null, emailVerified: false });
    return client;
  }

  const mailsTo = (address: string) =>
    t.ctx.db.kysely
      .selectFrom('mail_outbound')
      .select(['template', 'subject', 'body_text', 'body_html', 'status'])
      .where('to_address', '=', address)
      .orderBy('id')
      .execute();

  /** The token of the newest mail of a template to the address. */
  async function tokenFrom(address: string, template = 'email_confirmation'): Promise<string> {
    const mail = (await mailsTo(address)).filter((m) => m.template === template).at(-1);
    const path = template === 'email_confirmation' ? 'confirm-email' : 'reset-password';
    const match = new RegExp(`/${path}\\?token=([\\w%-]+)`).exec(mail?.body_text ?? '');
    expect(match, `no ${template} link to ${address}`).not.toBeNull();
    return decodeURIComponent(match![1]);
  }

  /** Uses a confirmation link with the password chosen at registration (ADR 0026, addendum). */
  const confirm = (token: string, password = 'longenough') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/email-confirmation/confirm', payload: { token, password } });

  const userRow = (email: string) =>
    t.ctx.db.kysely
      .selectFrom('users')
      .select(['organization_id', 'email_verified_at', 'updated_at'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();

  const visibleTicketIds = async (client: Client) =>
    (await client.get('/api/v1/tickets')).json().items.map((i: { id: number }) => i.id);

  it('registration queues exactly one confirmation mail, in the registrant’s language', async () => {
    await register('olena@acme.test', 'uk');
    const mails = await mailsTo('olena@acme.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'email_confirmation', subject: MAIL_TEXTS.uk.confirmSubject });
    expect(mails[0].body_text).toContain(MAIL_TEXTS.uk.confirmAction);
    expect(mails[0].body_text).toContain(`${t.config.publicUrl}/confirm-email?token=ec_`);
    expect(mails[0].body_html).toContain('/confirm-email?token=ec_');
    // The page asks for the registration's password; whoever did not register is shown another way in.
    expect(mails[0].body_text).toContain(MAIL_TEXTS.uk.confirmPassword);
    expect(mails[0].body_text).toContain(`${MAIL_TEXTS.uk.confirmNotYou}: ${t.config.publicUrl}/forgot-password`);
    expect(mails[0].body_html).toContain(`href="${t.config.publicUrl}/forgot-password"`);
    // Only the hash is stored, never the token of the link.
    const token = await tokenFrom('olena@acme.test');
    const stored = await t.ctx.db.kysely.selectFrom('password_resets').select(['token_hash', 'purpose']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].purpose).toBe('confirm_email');
    expect(stored[0].token_hash).not.toContain(token.slice(3));
    // Delivered by the worker (into the dev mailbox: the tests set no SMTP_URL).
    await t.ctx.worker.drain();
    expect((await mailsTo('olena@acme.test'))[0].status).toBe('dev');
  });

  it('confirming proves the address: the customer joins the organization and sees its shared tickets', async () => {
    const customer = await register('jane@acme.test');
    expect(await visibleTicketIds(customer)).toEqual([]);
    expect((await customer.get(`/api/v1/tickets/${sharedTicketId}`)).statusCode).toBe(404);

    const confirmed = await confirm(await tokenFrom('jane@acme.test'));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ joinedOrganization: true });

    // The session the link opened replaces the one from before (it ended, see the addendum's tests).
    const confirmedCustomer = sessionClient(t, customer.actor, confirmed);
    const me = (await confirmedCustomer.get('/api/v1/me')).json();
    expect(me.user).toMatchObject({ organizationId: acme, emailVerified: true });
    expect(await visibleTicketIds(confirmedCustomer)).toEqual([sharedTicketId]);
    expect((await confirmedCustomer.get(`/api/v1/tickets/${sharedTicketId}`)).statusCode).toBe(200);
  });

  it('the link signs its owner in: register, open the mail, confirm, and the portal is theirs', async () => {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'nina@acme.test', password: 'longenough', name: 'Nina Newhire', locale: 'ro' },
    });
    expect(registered.statusCode).toBe(202);
    const confirmed = await confirm(await tokenFrom('nina@acme.test'));
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const body = confirmed.json();
    expect(body).toMatchObject({
      joinedOrganization: true,
      user: { email: 'nina@acme.test', name: 'Nina Newhire', locale: 'ro', emailVerified: true, organizationId: acme },
    });
    expect(body.user).not.toHaveProperty('password_hash');
    const cookie = confirmed.cookies.find((c) => c.name === 'fd_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const headers = { cookie: `fd_session=${cookie!.value}`, 'x-csrf-token': body.csrfToken as string };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(me.json()).toMatchObject({ user: { email: 'nina@acme.test' }, csrfToken: body.csrfToken });
    const tickets = await t.app.inject({ method: 'GET', url: '/api/v1/tickets', headers });
    expect(tickets.json().items.map((i: { id: number }) => i.id)).toEqual([sharedTicketId]);
    // The session works for changes too (its CSRF token came with it).
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: { subject: 'My first request', body: 'Hello.' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
  });

  it('confirming in a browser that holds a session ends that session and starts the link owner’s', async () => {
    const customer = await register('rotate@acme.test');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/email-confirmation/confirm',
      payload: { token: await tokenFrom('rotate@acme.test'), password: 'longenough' },
      headers: { cookie: `fd_session=${customer.cookie}`, 'x-csrf-token': customer.csrfToken },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const cookie = confirmed.cookies.find((c) => c.name === 'fd_session')!.value;
    expect(cookie).not.toBe(customer.cookie);
    expect((await customer.get('/api/v1/me')).statusCode).toBe(401);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `fd_session=${cookie}` } });
    expect(me.json().user).toMatchObject({ email: 'rotate@acme.test', emailVerified: true });
  });

  it('refuses the link of a deactivated account naming `token`: no session, nothing changes', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'left@acme.test', password: 'longenough', name: 'Left' },
    });
    const token = await tokenFrom('left@acme.test');
    await t.ctx.db.kysely.updateTable('users').set({ active: 0 }).where('email', '=', 'left@acme.test').execute();
    const before = await userRow('left@acme.test');
    const refused = await confirm(token);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual(['token']);
    expect(refused.cookies).toEqual([]);
    expect(await userRow('left@acme.test')).toEqual(before);
    expect(await t.ctx.db.kysely.selectFrom('sessions').select('id').execute()).toHaveLength(1); // the member's
    const links = await t.ctx.db.kysely.selectFrom('password_resets').select('used_at').execute();
    expect(links).toEqual([{ used_at: null }]);
  });

  it('confirms an address outside any organization without joining one', async () => {
    const customer = await register('solo@elsewhere.test');
    const res = await confirm(await tokenFrom('solo@elsewhere.test'));
    expect(res.json()).toMatchObject({ joinedOrganization: false });
    const confirmed = sessionClient(t, customer.actor, res);
    expect((await confirmed.get('/api/v1/me')).json().user).toMatchObject({
      organizationId: null,
      emailVerified: true,
    });
  });

  it('refuses a used, unknown or wrong-purpose token naming `token`, and changes nothing', async () => {
    await register('jane@acme.test');
    const token = await tokenFrom('jane@acme.test');
    expect((await confirm(token)).statusCode).toBe(200);
    // An admin takes her out of the organization; a second use of the link must not undo that.
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    const jane = await t.ctx.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'jane@acme.test')
      .executeTakeFirstOrThrow();
    expect((await admin.patch(`/api/v1/users/${jane.id}`, { organizationId: null })).statusCode).toBe(200);
    t.clock.advance(60_000);
    const before = await userRow('jane@acme.test');

    for (const bad of [token, 'ec_made-up', `${token}x`]) {
      const refused = await confirm(bad);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toEqual(['token']);
    }
    expect(await userRow('jane@acme.test')).toEqual(before);

    // Tokens of one kind do not work for the other.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'jane@acme.test' } });
    const resetToken = await tokenFrom('jane@acme.test', 'password_reset');
    expect((await confirm(resetToken)).json().error.fields).toEqual(['token']);
    const other = await register('other@acme.test');
    const confirmToken = await tokenFrom('other@acme.test');
    const asReset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: confirmToken, password: 'evenlongerpass' },
    });
    expect(asReset.statusCode).toBe(400);
    expect(asReset.json().error.fields).toEqual(['token']);
    expect((await other.get('/api/v1/me')).json().user.emailVerified).toBe(false);
  });

  it('refuses an expired link and changes nothing', async () => {
    const customer = await register('late@acme.test');
    const token = await tokenFrom('late@acme.test');
    t.clock.advance(24 * HOUR + 60_000);
    const before = await userRow('late@acme.test');
    const refused = await confirm(token);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation_failed', fields: ['token'] });
    expect(await userRow('late@acme.test')).toEqual(before);
    expect(await visibleTicketIds(customer)).toEqual([]);
  });

  it('resends a new link to the signed-in customer, rate-limited; any one link confirms', async () => {
    const customer = await register('again@acme.test', 'ro');
    const first = await tokenFrom('again@acme.test');
    const resent = await customer.post('/api/v1/auth/email-confirmation', {});
    expect(resent.statusCode).toBe(202);
    const mails = await mailsTo('again@acme.test');
    expect(mails.map((m) => [m.template, m.subject])).toEqual([
      ['email_confirmation', MAIL_TEXTS.ro.confirmSubject],
      ['email_confirmation', MAIL_TEXTS.ro.confirmSubject],
    ]);
    const second = await tokenFrom('again@acme.test');
    expect(second).not.toBe(first);

    // The limit of the other auth endpoints (5 a minute here): one more is refused with 429.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await customer.post('/api/v1/auth/email-confirmation', {})).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    expect((await customer.post('/api/v1/auth/email-confirmation', {})).json().error.code).toBe('rate_limited');

    // The older link works too; using one uses up all of them.
    expect((await confirm(first)).json()).toMatchObject({ joinedOrganization: true });
    expect((await confirm(second)).json().error.fields).toEqual(['token']);
  });

  it('resends nothing once the address is verified, and only to a signed-in user', async () => {
    const customer = await register('done@acme.test');
    const confirmed = sessionClient(t, customer.actor, await confirm(await tokenFrom('done@acme.test')));
    expect((await confirmed.post('/api/v1/auth/email-confirmation', {})).statusCode).toBe(202);
    expect(await mailsTo('done@acme.test')).toHaveLength(1);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/auth/email-confirmation', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });

  it('a used password-reset link proves the address too, once', async () => {
    await register('reset@acme.test');
    const confirmToken = await tokenFrom('reset@acme.test');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'reset@acme.test' } });
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token: await tokenFrom('reset@acme.test', 'password_reset'), password: 'evenlongerpass' },
    });
    expect(reset.statusCode).toBe(204);
    const again = await loginAs(t, { email: 'reset@acme.test' } as Client['actor'], 'evenlongerpass');
    expect((await again.get('/api/v1/me')).json().user).toMatchObject({ organizationId: acme, emailVerified: true });
    expect(await visibleTicketIds(again)).toEqual([sharedTicketId]);
    // The confirmation link still works (it is valid) but has nothing left to do; it wants the
    // account's password, which is now the new one.
    expect((await confirm(confirmToken)).json().error.fields).toEqual(['password']);
    expect((await confirm(confirmToken, 'evenlongerpass')).json()).toMatchObject({ joinedOrganization: false });
  });

  it('users created by an admin count as verified and get no confirmation mail', async () => {
    const admin = await loginAs(t, await makeUser(t, 'admin'));
    const created = await admin.post('/api/v1/users', { email: 'made@acme.test', name: 'Made', role: 'customer' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ organizationId: acme, emailVerified: true });
    expect(await mailsTo('made@acme.test')).toEqual([]);
  });

  it('the migration counts existing users as verified, except customers without an organization', async () => {
    await register('pending@elsewhere.test');
    await makeUser(t, 'operator', { email: 'agent@acme.test' });
    const db = t.ctx.db.kysely as Parameters<typeof emailConfirmation.up>[0];
    await emailConfirmation.down(db, t.ctx.db.dialect);
    await emailConfirmation.up(db, t.ctx.db.dialect);
    const rows = await t.ctx.db.kysely
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('email', 'in', ['pending@elsewhere.test', 'agent@acme.test'])
      .orderBy('email')
      .execute();
    expect(rows.map((r) => [r.email, r.email_verified_at !== null])).toEqual([
      ['agent@acme.test', true],
      ['pending@elsewhere.test', false],
    ]);
    const members = await t.ctx.db.kysely
      .selectFrom('users')
      .select('email_verified_at')
      .where('organization_id', '=', acme)
      .execute();
    expect(members.every((m) => m.email_verified_at !== null)).toBe(true);
    // Going back dropped the confirmation link rather than turn it into a password-reset link.
    expect(await t.ctx.db.kysely.selectFrom('password_resets').select('purpose').execute()).toEqual([]);
  });
});
