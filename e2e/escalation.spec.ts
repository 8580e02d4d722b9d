import { expect, type Page } from '@playwright/test';
import { loginAs, shot, test } from './helpers.ts';

/** Opens a ticket over the API as the logged-in user (the portal form is covered elsewhere). */
async function openTicketAs(page: Page, subject: string): Promise<{ id: number; number: number }> {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { subject, body: 'The office printer on floor 3 shows error E-204 and prints nothing.' },
  });
  expect(res.status()).toBe(201);
  return res.json();
}

/**
 * Steps 5 and 7 of the main process: the operator escalates a ticket to the second line with a
 * reason, the engineer escalates it to a vendor whose underpinning contract is slower than the
 * customer's SLA, and the card warns that the vendor's deadline is later than promised.
 */
test('operator escalates to second line, engineer escalates to a vendor and sees the deadline warning', async ({
  browser,
}) => {
  const customer = await loginAs(browser, 'customer@acme.example');
  const subject = `Printer error E-204 ${Date.now()}`;
  const ticket = await openTicketAs(customer, subject);

  const operator = await loginAs(browser, 'operator@frontdesk.example');
  await operator.goto('/agent/queues/open');
  await expect(operator.getByRole('row', { name: new RegExp(subject) })).toBeVisible();
  await shot(operator, '40-queue-due-dates');
  await operator.goto(`/agent/tickets/${ticket.id}`);
  const sla = operator.getByTestId('sla-panel');
  await expect(sla).toContainText('Gold');
  await operator.getByRole('button', { name: 'Escalate', exact: true }).click();
  const dialog = operator.getByRole('dialog', { name: 'Escalate to another support group' });
  await dialog.getByLabel('Reason').fill('Hardware fault; needs an engineer on site.');
  await shot(operator, '41-escalate-dialog');
  await dialog.getByRole('button', { name: 'Escalate' }).click();
  await expect(operator.getByText('Escalated to Second line')).toBeVisible();
  await expect(sla).toContainText('Reached second line');

  const engineer = await loginAs(browser, 'engineer@frontdesk.example');
  await engineer.goto('/agent/queues/open');
  await engineer.getByRole('row', { name: new RegExp(subject) }).click();
  await expect(engineer.getByText('Hardware fault; needs an engineer on site.')).toBeVisible();
  await engineer.getByRole('button', { name: 'Escalate to vendor' }).click();
  const vendorDialog = engineer.getByRole('dialog', { name: 'Escalate to a vendor' });
  await vendorDialog.getByRole('combobox', { name: 'Vendor', exact: true }).click();
  await engineer.getByRole('option', { name: 'PrintCo Service' }).click();
  await vendorDialog.getByLabel("Vendor's ticket number").fill('PC-2026-118');
  await vendorDialog.getByLabel('Reason').fill('Fuser unit failure, under warranty.');
  await vendorDialog.getByRole('button', { name: 'Escalate to vendor' }).click();

  await expect(engineer.getByTestId('ticket-status')).toHaveText('Waiting for vendor');
  const vendor = engineer.getByTestId('vendor-panel');
  await expect(vendor).toContainText('PrintCo Service');
  await expect(vendor).toContainText('PC-2026-118');
  await expect(engineer.getByTestId('vendor-late')).toContainText('later than the resolution date promised');
  await expect(engineer.getByTestId('sla-panel')).toContainText('Paused');
  await shot(engineer, '42-vendor-escalation');

  // The customer sees neither the vendor nor the internal reasons.
  await customer.goto(`/portal/tickets/${ticket.id}`);
  await expect(customer.getByTestId('ticket-status')).toBeVisible();
  await expect(customer.getByText('PrintCo Service')).toHaveCount(0);
  await expect(customer.getByText('Fuser unit failure')).toHaveCount(0);
});
