import { type Browser, expect, type Page } from '@playwright/test';
import { attemptTag, csrfHeaders, loginAs, shot, test } from './helpers.ts';

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Retires the field if it is still active, whatever step the test stopped at: a field left
 * required for incidents would stop every later incident on this server that lacks it.
 */
async function retireField(page: Page, key: string): Promise<void> {
  const fields: { items: { id: number; key: string; active: boolean }[] } = await (
    await page.request.get('/api/v1/custom-fields')
  ).json();
  const field = fields.items.find((f) => f.key === key);
  if (!field?.active) return;
  // Deleting retires a field that has values and removes one that has none.
  const res = await page.request.delete(`/api/v1/custom-fields/${field.id}`, { headers: await csrfHeaders(page) });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * Custom fields end to end: an admin defines "Impact" for the portal, a Romanian customer fills
 * it in, the operator changes it on the ticket card and the history names it. The field is
 * retired at the end, so the specs that follow (sharing this server) create incidents as before.
 * Key and label are this attempt's own: a retired field keeps its key, and a retry runs on the same server.
 */
test('a custom field travels from the admin through the portal to the ticket card and its history', async ({
  browser,
}) => {
  const tag = attemptTag();
  const key = `impact_${tag}`;
  const label = `Impact ${tag}`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  try {
    await walkThrough(browser, admin, key, label);
  } finally {
    await retireField(admin, key);
  }
});

/** The steps of the test above, from the admin's field editor to the field retired again. */
async function walkThrough(browser: Browser, admin: Page, key: string, label: string): Promise<void> {
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Custom fields' }).click();
  await expect(admin).toHaveURL(/\/admin\/fields$/);
  await admin.getByRole('button', { name: 'New field' }).click();

  const editor = admin.getByRole('dialog', { name: 'New custom field' });
  await editor.getByRole('textbox', { name: /^Key/ }).fill(key);
  await editor.getByRole('combobox', { name: 'Type', exact: true }).click();
  await admin.getByRole('option', { name: 'Choice list' }).click();
  await editor.getByRole('textbox', { name: /^Label · English/ }).fill(label);
  await editor.getByRole('textbox', { name: /^Label · Română/ }).fill('Impact asupra activității');
  await editor.getByRole('textbox', { name: /^Help text · English/ }).fill('How much of your work is affected?');
  await editor.getByRole('textbox', { name: /^Help text · Română/ }).fill('Cât de mult vă este afectată munca?');
  await editor.getByLabel('Value of option 1').fill('low');
  await editor.getByLabel('Label of option 1 in English').fill('Low');
  await editor.getByLabel('Label of option 1 in Română').fill('Scăzut');
  await editor.getByLabel('Value of option 2').fill('high');
  await editor.getByLabel('Label of option 2 in English').fill('High');
  await editor.getByLabel('Label of option 2 in Română').fill('Ridicat');
  await editor.getByRole('combobox', { name: 'Required for ticket types' }).click();
  await admin.getByRole('option', { name: 'Incident' }).click();
  await editor.getByRole('heading', { name: 'New custom field' }).click();
  await editor.getByRole('switch', { name: /Show in the customer portal/ }).check();
  // A tall window shows the whole dialog in one picture.
  await admin.setViewportSize({ width: 1280, height: 1640 });
  await editor.getByRole('heading', { name: 'New custom field' }).click();
  await shot(admin, '40-admin-custom-field-editor');
  await admin.setViewportSize({ width: 1280, height: 720 });
  await editor.getByRole('button', { name: 'Create field' }).click();
  await expect(editor).toHaveCount(0);

  const row = admin.getByTestId(`field-row-${key}`);
  await expect(row).toContainText(label);
  await expect(row).toContainText('Choice list');
  await expect(row).toContainText('Shown to customers');
  await expect(row).toContainText('Incident');
  await expect(row).toContainText('Active');
  await settle(admin);
  await shot(admin, '41-admin-custom-fields');

  // The customer (Romanian interface) sees the field with its Romanian label and help.
  const customer = await loginAs(browser, 'ana@acme.example', 'ro-RO');
  await customer.goto('/portal/new');
  await customer.getByLabel('Subiect').fill('Imprimanta de la recepție nu tipărește');
  await customer.getByLabel('Descriere').fill('De azi-dimineață imprimanta afișează o eroare de hârtie.');
  const impact = customer.getByRole('combobox', { name: /^Impact asupra activității/ });
  await expect(impact).toBeVisible();
  await expect(customer.getByText('Cât de mult vă este afectată munca?')).toBeVisible();
  // Required for incidents: sending without it is stopped in place.
  await customer.getByRole('button', { name: 'Trimite solicitarea' }).click();
  await expect(customer.getByText('Acest câmp este obligatoriu')).toBeVisible();
  await impact.click();
  await customer.getByRole('option', { name: 'Ridicat' }).click();
  await expect(customer.getByText('Acest câmp este obligatoriu')).toHaveCount(0);
  await customer.evaluate(() => window.scrollTo(0, 0));
  await shot(customer, '42-portal-new-request-custom-field');
  await customer.getByRole('button', { name: 'Trimite solicitarea' }).click();
  await expect(customer).toHaveURL(/\/portal\/tickets\/\d+/);
  await expect(customer.getByTestId(`custom-value-${key}`)).toHaveText('Ridicat');
  await settle(customer);
  await shot(customer, '43-portal-ticket-custom-field');
  const ticketId = Number(new URL(customer.url()).pathname.split('/').pop());

  // The operator sees Impact = High on the card and lowers it; the history names the field.
  const operator = await loginAs(browser, 'operator@frontdesk.example');
  await operator.goto(`/agent/tickets/${ticketId}`);
  const fields = operator.getByRole('region', { name: 'Additional fields' });
  const impactInput = fields.getByRole('combobox', { name: /^Impact/ });
  await expect(impactInput).toHaveValue('High');
  await impactInput.click();
  await operator.getByRole('option', { name: 'Low' }).click();
  await expect(operator.getByText('Saved')).toBeVisible();
  await expect(impactInput).toHaveValue('Low');
  await settle(operator);
  await shot(operator, '44-agent-ticket-custom-fields');
  await operator.getByRole('tab', { name: 'History' }).click();
  const change = operator.getByRole('table', { name: 'History' }).getByRole('row').filter({ hasText: label });
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('High');
  await expect(change).toContainText('Low');
  await shot(operator, '45-agent-ticket-history-custom-field');

  // The queue filter finds the ticket by its value.
  await operator.goto('/agent/queues/open');
  await operator.getByRole('combobox', { name: 'Custom field' }).click();
  await operator.getByRole('option', { name: label }).click();
  await operator.getByRole('combobox', { name: 'Value', exact: true }).click();
  await operator.getByRole('option', { name: 'Low' }).click();
  await expect(operator).toHaveURL(new RegExp(`cf=${key}%3Alow`));
  const rows = operator.getByRole('table', { name: 'All open' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Imprimanta de la recepție');

  // The field has a value now, so deleting it retires it; it can be brought back, then retired again.
  await admin.getByRole('button', { name: `Actions for ${label}` }).click();
  await admin.getByRole('menuitem', { name: 'Delete' }).click();
  const remove = admin.getByRole('dialog', { name: 'Delete field' });
  await remove.getByRole('button', { name: 'Delete' }).click();
  await expect(remove.getByTestId('delete-result')).toContainText(`Field “${label}” retired`);
  await remove.getByRole('button', { name: 'Done' }).click();
  await expect(row).toContainText('Retired');
  await admin.getByRole('button', { name: `Actions for ${label}` }).click();
  await admin.getByRole('menuitem', { name: 'Reactivate' }).click();
  await expect(row).toContainText('Active');
  await admin.getByRole('button', { name: `Actions for ${label}` }).click();
  await admin.getByRole('menuitem', { name: 'Retire' }).click();
  await expect(row).toContainText('Retired');
}

test('an admin changes the auto-close period and it stays after a reload', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Settings' }).click();
  await expect(admin).toHaveURL(/\/admin\/settings$/);
  const days = admin.getByRole('textbox', { name: 'Close resolved tickets automatically after' });
  const settings: { autoCloseDays: number } = await (await admin.request.get('/api/v1/settings')).json();
  try {
    // The form shows the saved period before it is changed.
    await expect(days).toHaveValue(new RegExp(`^${settings.autoCloseDays} day`));
    await days.fill('3');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByText('Settings saved')).toBeVisible();
    await admin.reload();
    await expect(days).toHaveValue('3 days');
    await settle(admin);
    await shot(admin, '46-admin-settings');

    // Put the period back: the other specs share this server.
    await days.fill(String(settings.autoCloseDays));
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect(admin.getByText('Settings saved')).toBeVisible();
  } finally {
    // Whatever step it stopped at, a retry and the later specs start from the period found.
    const res = await admin.request.patch('/api/v1/settings', {
      headers: await csrfHeaders(admin),
      data: { autoCloseDays: settings.autoCloseDays },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
});
