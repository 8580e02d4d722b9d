import { expect } from '@playwright/test';
import { DEMO_PASSWORD, linkInMail, loginAs, mailsTo, shot, startMailbox, test } from './helpers.ts';

/**
 * A customer registers in the portal with an address at an organization's domain: the page asks
 * them to check their mailbox (the same page whoever registers with the address; its owner then
 * gets a notice instead), the confirmation mail reaches their mailbox, the link with the password
 * chosen at registration confirms the address and signs them in (a wrong password is refused, and
 * the session opened before confirming ends), and the organization's shared request is in their portal.
 */
test('a registered customer confirms the address, is signed in and sees the organization’s requests', async ({
  browser,
}) => {
  test.slow();
  const mailbox = startMailbox();
  try {
    const stamp = Date.now();
    const domain = `globex-${stamp}.example`;

    // An organization that shares its requests among its members, and a colleague with one.
    const admin = await loginAs(browser, 'admin@frontdesk.example');
    const adminCsrf = (await (await admin.request.get('/api/v1/me')).json()).csrfToken;
    const organization = await admin.request.post('/api/v1/organizations', {
      data: { name: `Globex ${stamp}`, domain, sharedTickets: true },
      headers: { 'x-csrf-token': adminCsrf },
    });
    expect(organization.status()).toBe(201);
    const organizationId = (await organization.json()).id;
    const colleague = await admin.request.post('/api/v1/users', {
      data: { email: `lead@${domain}`, name: 'Greta Lead', role: 'customer', password: DEMO_PASSWORD, organizationId },
      headers: { 'x-csrf-token': adminCsrf },
    });
    expect(colleague.status()).toBe(201);
    const lead = await loginAs(browser, `lead@${domain}`);
    const leadCsrf = (await (await lead.request.get('/api/v1/me')).json()).csrfToken;
    const shared = await lead.request.post('/api/v1/tickets', {
      data: { subject: 'Globex badge printer jams', body: 'Every second badge gets stuck.' },
      headers: { 'x-csrf-token': leadCsrf },
    });
    expect(shared.status()).toBe(201);

    // The new customer registers: the page asks them to check their mailbox, nobody is signed in.
    const email = `newhire@${domain}`;
    const customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const registerAs = async (page: typeof customer, name: string, password: string) => {
      await page.goto('/register');
      await page.getByLabel('Full name').fill(name);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Create account' }).click();
      const screen = page.getByTestId('register-check-mailbox');
      await expect(page.getByRole('heading', { name: 'Check your mailbox' })).toBeVisible();
      await expect(screen.getByRole('status')).toContainText(`We sent a message to ${email}.`);
      return screen.textContent();
    };
    const firstScreen = await registerAs(customer, 'Nina Newhire', 'a-long-password');
    await expect(customer).toHaveURL(/\/register$/);
    expect((await customer.request.get('/api/v1/me')).status()).toBe(401);
    await shot(customer, '94-register-check-mailbox');
    await linkInMail(mailbox, email, '/confirm-email', 1);
    const confirmation = mailsTo(mailbox, email)[0];
    expect(confirmation.subject).toBe('Confirm your e-mail address');
    expect(confirmation.text).toContain('To confirm, enter the password you chose when you registered.');
    expect(confirmation.text).toMatch(
      /Did not register, but want an account with this address\? Set a password: https?:\/\/\S+\/forgot-password/,
    );

    // Someone else registers with the same address: the very same screen; the owner gets a notice.
    const someone = await (await browser.newContext({ locale: 'en-US' })).newPage();
    expect(await registerAs(someone, 'Somebody Else', 'another-password')).toBe(firstScreen);
    await expect.poll(() => mailsTo(mailbox, email).length, { timeout: 30_000 }).toBe(2);
    const notice = mailsTo(mailbox, email)[1];
    expect(notice.subject).toBe('Someone tried to register with your e-mail address');
    expect(notice.text).toContain('You already have an account');
    expect(notice.text).toMatch(/Sign in to your account: https?:\/\/\S+\/login/);
    expect(notice.text).not.toContain('Somebody Else');
    await someone.context().close();

    // Unconfirmed, the account still signs in with its password: the banner asks to confirm.
    const early = await loginAs(browser, email, 'en-US', 'a-long-password');
    await expect(early).toHaveURL(/\/portal/);
    const banner = early.getByTestId('email-confirmation-banner');
    await expect(banner).toContainText(`We sent a confirmation link to ${email}`);
    await expect(early.getByText('You have no requests yet')).toBeVisible();
    await expect(early.getByText('Globex badge printer jams')).toBeHidden();
    await banner.getByRole('button', { name: 'Resend mail' }).click();
    await expect(banner.getByRole('status')).toHaveText('Sent. Check your mailbox (and the spam folder).');
    await shot(early, '95-portal-confirm-banner');
    const link = await linkInMail(mailbox, email, '/confirm-email', 3);

    // The link opens the confirmation page, which asks for the password chosen at registration
    // (someone else may have registered the address) and tells whoever did not register what to do.
    await customer.goto(link);
    await expect(customer.getByRole('heading', { name: 'Confirm your e-mail address' })).toBeVisible();
    const notYou = customer.getByTestId('confirm-email-not-you');
    await expect(notYou).toContainText('Did not register?');
    await expect(notYou).toContainText(
      'You can ignore this mail — or, if you want an account with this address, set a password.',
    );
    await expect(notYou.getByRole('link', { name: 'Set a password' })).toHaveAttribute('href', '/forgot-password');
    await shot(customer, '97-email-confirm-password');
    // A wrong password is refused at the field; the link stays usable and nothing is confirmed.
    await customer.getByLabel('Password').fill('another-password');
    await customer.getByRole('button', { name: 'Confirm my address' }).click();
    await expect(customer.getByText('This is not the password chosen at registration.')).toBeVisible();
    // Read out with the field, too.
    await expect(customer.getByLabel('Password')).toHaveAccessibleDescription(
      'This is not the password chosen at registration.',
    );
    await expect(customer.getByRole('button', { name: 'Confirm my address' })).not.toHaveAttribute('data-loading');
    await shot(customer, '97-email-confirm-wrong-password');
    expect((await customer.request.get('/api/v1/me')).status()).toBe(401);
    // The right one confirms, signs in and opens the portal.
    await customer.getByLabel('Password').fill('a-long-password');
    await customer.getByRole('button', { name: 'Confirm my address' }).click();
    await expect(customer).toHaveURL(/\/portal$/);
    await expect(customer.getByText('Globex badge printer jams')).toBeVisible();
    const welcome = customer.getByRole('alert').filter({ hasText: 'Address confirmed' });
    await expect(welcome).toContainText('Your e-mail address is confirmed and you are signed in.');
    await expect(welcome).toContainText('The portal now also shows the requests your organization shares.');
    await expect(customer.getByTestId('email-confirmation-banner')).toBeHidden();
    await shot(customer, '96-email-confirmed-portal');
    const me = await (await customer.request.get('/api/v1/me')).json();
    expect(me.user).toMatchObject({ email, name: 'Nina Newhire', emailVerified: true, organizationId });
    // The session opened with the password before the address was confirmed has ended.
    expect((await early.request.get('/api/v1/me')).status()).toBe(401);

    // The link works once: opened again it says so, and offers the way to a new one.
    await customer.goto(link);
    await customer.getByLabel('Password').fill('a-long-password');
    await customer.getByRole('button', { name: 'Confirm my address' }).click();
    await expect(customer.getByTestId('confirm-email-dead-link')).toContainText('This link is invalid or has expired');
    await shot(customer, '98-email-confirm-link-used');
  } finally {
    await mailbox.close();
  }
});
