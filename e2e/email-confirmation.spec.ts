import { expect } from '@playwright/test';
import { DEMO_PASSWORD, loginAs, shot, startMailbox, test } from './helpers.ts';

/**
 * A customer registers in the portal with an address at an organization's domain: the portal asks
 * them to confirm it, the confirmation mail reaches their mailbox, the link confirms the address
 * on a page of its own, and from then on the organization's shared request is in their portal.
 */
test('a registered customer confirms the address and then sees the organization’s requests', async ({ browser }) => {
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

    // The new customer registers in the portal: no shared request yet, and a banner asks to confirm.
    const email = `newhire@${domain}`;
    const customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await customer.goto('/register');
    await customer.getByLabel('Full name').fill('Nina Newhire');
    await customer.getByLabel('E-mail').fill(email);
    await customer.getByLabel('Password').fill('a-long-password');
    await customer.getByRole('button', { name: 'Create account' }).click();
    await expect(customer).toHaveURL(/\/portal/);
    const banner = customer.getByTestId('email-confirmation-banner');
    await expect(banner).toContainText('Confirm your e-mail address');
    await expect(banner).toContainText(`We sent a confirmation link to ${email}`);
    await expect(customer.getByText('You have no requests yet')).toBeVisible();
    await expect(customer.getByText('Globex badge printer jams')).toBeHidden();

    // The mail reaches the mailbox; the banner sends another one on request.
    const mine = () => mailbox.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes(email));
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(1);
    expect(mine()[0].subject).toBe('Confirm your e-mail address');
    await banner.getByRole('button', { name: 'Resend mail' }).click();
    await expect(banner.getByRole('status')).toHaveText('Sent. Check your mailbox (and the spam folder).');
    await shot(customer, '95-portal-confirm-banner');
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(2);

    // The link from the mail opens the confirmation page; pressing the button confirms.
    const href = /https?:\/\/[^\s]+\/confirm-email\?token=[^\s"<>]+/.exec(mine()[1].text ?? '')?.[0];
    expect(href).toBeDefined();
    const link = new URL(href!);
    await customer.goto(link.pathname + link.search);
    await expect(customer.getByRole('heading', { name: 'Confirm your e-mail address' })).toBeVisible();
    await customer.getByRole('button', { name: 'Confirm my address' }).click();
    const done = customer.getByTestId('confirm-email-done');
    await expect(done).toContainText('Address confirmed');
    await expect(done).toContainText('The portal now also shows the requests your organization shares.');
    await shot(customer, '96-email-confirmed');

    // The portal now lists the organization's shared request, and the banner is gone.
    await customer.getByRole('link', { name: 'Go to my requests' }).click();
    await expect(customer.getByText('Globex badge printer jams')).toBeVisible();
    await expect(customer.getByTestId('email-confirmation-banner')).toBeHidden();
    await shot(customer, '97-portal-organization-requests');

    // The link works once: opened again it says so, and offers the way to a new one.
    await customer.goto(link.pathname + link.search);
    await customer.getByRole('button', { name: 'Confirm my address' }).click();
    await expect(customer.getByTestId('confirm-email-dead-link')).toContainText('This link is invalid or has expired');
    await shot(customer, '98-email-confirm-link-used');
  } finally {
    await mailbox.close();
  }
});
