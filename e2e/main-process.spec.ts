import { expect } from '@playwright/test';
import { attemptTag, csrfHeaders, linkInMail, loginAs, shot, startMailbox, test } from './helpers.ts';

/**
 * The main process of MISSION.md in a real browser: a customer registers and opens a ticket,
 * the operator (whose queue updates live) assigns it to an engineer, the engineer replies and
 * resolves, and the customer confirms, which closes the ticket.
 */
// The customers' mailboxes: the registration's confirmation link arrives there.
let mailbox: ReturnType<typeof startMailbox>;
test.beforeAll(() => {
  mailbox = startMailbox();
});
test.afterAll(async () => {
  await mailbox.close();
});

test('customer → operator → engineer → customer confirms', async ({ browser }) => {
  // Its own subject per attempt: a retry must not meet the first attempt's ticket in the queues.
  const subject = `Laptop does not start after update ${attemptTag()}`;
  const operator = await loginAs(browser, 'operator@frontdesk.example');
  await expect(operator).toHaveURL(/\/agent\/queues\/unassigned/);
  const unassignedCount = operator.getByTestId('queue-count-unassigned');
  const before = Number(await unassignedCount.textContent());
  await shot(operator, '01-agent-queue');

  // The customer registers and confirms the address from the mail.
  const customer = await (
    await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })
  ).newPage();
  await customer.goto('/register');
  await shot(customer, '02-register-phone');
  const email = `e2e-${Date.now()}@customer.test`;
  await customer.getByLabel('Full name').fill('Erika Example');
  await customer.getByLabel('E-mail').fill(email);
  await customer.getByLabel('Password').fill('a-long-password');
  await customer.getByRole('button', { name: 'Create account' }).click();
  await expect(customer.getByRole('heading', { name: 'Check your mailbox' })).toBeVisible();
  // The link in the mail, with the password chosen at registration, confirms the address and signs the customer in.
  await customer.goto(await linkInMail(mailbox, email, '/confirm-email', 1));
  await customer.getByLabel('Password').fill('a-long-password');
  await customer.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(customer).toHaveURL(/\/portal/);
  await expect(customer.getByText('You have no requests yet')).toBeVisible();
  await shot(customer, '03-portal-empty-phone');

  // ... and opens a ticket.
  await customer.getByRole('link', { name: 'New request' }).first().click();
  await customer.getByLabel('Subject').fill(subject);
  await customer.getByLabel('Description').fill('The screen stays black after the Windows update last night.');
  await customer.getByRole('combobox', { name: 'Category' }).click();
  await customer.getByRole('option', { name: 'Hardware' }).click();
  await shot(customer, '04-new-request-phone');
  await customer.getByRole('button', { name: 'Submit request' }).click();
  await expect(customer.getByTestId('ticket-status')).toHaveText('New');
  const number = ((await customer.getByTestId('ticket-number').textContent()) ?? '').replace(/\D/g, '');

  // The operator's queue shows it without a reload.
  await expect(unassignedCount).toHaveText(String(before + 1));
  const row = operator.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toBeVisible();
  await row.click();
  await expect(operator.getByTestId('ticket-number')).toContainText(number);
  await operator.getByRole('combobox', { name: 'Owner' }).click();
  await operator.getByRole('option', { name: 'Erin Engineer' }).click();
  await expect(operator.getByTestId('ticket-status')).toHaveText('Assigned');
  await operator.getByRole('tab', { name: 'Internal note' }).click();
  await operator.getByLabel('Note for the team').fill('Customer is on the road this week.');
  await operator.getByRole('button', { name: 'Add note' }).click();
  await expect(operator.getByText('Customer is on the road this week.')).toBeVisible();
  await shot(operator, '05-agent-ticket');

  // The engineer answers and resolves.
  const engineer = await loginAs(browser, 'engineer@frontdesk.example');
  await engineer.goto('/agent/queues/mine');
  await engineer.getByRole('row', { name: new RegExp(subject) }).click();
  await engineer
    .getByLabel('Message to the customer')
    .fill('Please hold the power button for 30 seconds, then start again.');
  await engineer.getByRole('button', { name: 'Send reply' }).click();
  await expect(engineer.getByText('Please hold the power button')).toBeVisible();
  await engineer.getByRole('button', { name: 'Resolve' }).click();
  const dialog = engineer.getByRole('dialog');
  await dialog.getByRole('textbox').fill('A hard reset brought the laptop back; the update finished.');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(engineer.getByTestId('ticket-status')).toHaveText('Resolved');
  await engineer.getByRole('tab', { name: 'History' }).click();
  await expect(engineer.getByText('Erin Engineer').first()).toBeVisible();
  await shot(engineer, '06-agent-history');

  // The customer sees the solution live, never the internal note, and confirms.
  await expect(customer.getByTestId('ticket-status')).toHaveText('Resolved');
  await expect(customer.getByTestId('ticket-solution')).toContainText('hard reset');
  await expect(customer.getByText('Customer is on the road this week.')).toHaveCount(0);
  await shot(customer, '07-portal-solution-phone');
  await customer.getByRole('button', { name: 'Confirm solution' }).click();
  await expect(customer.getByTestId('ticket-status')).toHaveText('Closed');
  await shot(customer, '08-portal-closed-phone');

  // The operator's open ticket reflects the closing too.
  await expect(operator.getByTestId('ticket-status')).toHaveText('Closed');
});

test('customer rejects a solution with a comment and the ticket goes back to work', async ({ browser }) => {
  // Seeded: Ana's mail problem is resolved and waiting for her confirmation.
  const ana = await loginAs(browser, 'ana@acme.example');
  await ana.getByRole('link', { name: /Nu pot accesa e-mailul/ }).click();
  await expect(ana).toHaveURL(/\/portal\/tickets\/\d+$/);
  const ticketId = Number(/\/tickets\/(\d+)$/.exec(ana.url())?.[1]);
  try {
    await ana.getByRole('button', { name: /Respinge|Reject/ }).click();
    const dialog = ana.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Tot nu primesc e-mailuri pe telefon.');
    await dialog.getByRole('button', { name: /Respinge|Reject/ }).click();
    await expect(ana.getByTestId('ticket-status')).toHaveText(/În lucru|In progress/);
    await expect(ana.getByText('Tot nu primesc e-mailuri pe telefon.').first()).toBeVisible();
  } finally {
    // Resolved again, so a retry (or a later spec) finds it waiting for Ana's answer as seeded.
    const admin = await loginAs(browser, 'admin@frontdesk.example');
    const ticket = (await (await admin.request.get(`/api/v1/tickets/${ticketId}`)).json()) as { status: string };
    if (ticket.status !== 'resolved') {
      const resolved = await admin.request.post(`/api/v1/tickets/${ticketId}/transitions`, {
        headers: await csrfHeaders(admin),
        data: { to: 'resolved', solution: 'Parola aplicației de e-mail a fost resetată.' },
      });
      expect(resolved.ok(), await resolved.text()).toBe(true);
    }
  }
});
