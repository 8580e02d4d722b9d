import { expect, type Locator, type Page } from '@playwright/test';
import { attemptTag, loginAs, shot, test } from './helpers.ts';

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens the "…" menu of a row and picks an action. */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Picks an option of a Mantine select, typing first to narrow a long list. */
async function choose(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  await select.click();
  if (search) await select.fill(search);
  await page.getByRole('option', { name: option }).click();
}

/** Deletes an entry, found by name, through the API: clean-up that the screens need not show. */
async function apiDelete(page: Page, path: string, name: string): Promise<number> {
  const entries: { id: number; name: string }[] = await (await page.request.get(`/api/v1${path}`)).json();
  const id = entries.find((entry) => entry.name === name)?.id;
  const me = await (await page.request.get('/api/v1/me')).json();
  const response = await page.request.delete(`/api/v1${path}/${id}`, { headers: { 'x-csrf-token': me.csrfToken } });
  return response.status();
}

/**
 * Deletes an entry of this attempt if the test stopped before deleting it, so that a retry (and
 * the later specs) do not meet a contract that still changes Acme's tickets.
 */
async function removeIfLeft(page: Page, path: string, name: string): Promise<void> {
  const entries: { name: string }[] = await (await page.request.get(`/api/v1${path}`)).json();
  if (!entries.some((entry) => entry.name === name)) return;
  // A policy is free once tickets have switched back from it in the background.
  await expect(async () => expect(await apiDelete(page, path, name)).toBe(204)).toPass();
}

/** What this attempt creates, each name with the attempt's tag. */
interface Names {
  calendar: string;
  policy: string;
  acmeContract: string;
  pilotContract: string;
  vendor: string;
}

// Tall enough that the editors fit on screen in the screenshots.
test.use({ viewport: { width: 1280, height: 1000 } });

/**
 * Service levels and vendors end to end: an admin sets up a business calendar for a Kyiv service
 * desk, an SLA policy on it, a contract for the demo organization (and an expired one for a
 * customer), and a vendor with a contact that owes that policy. The editors refuse bad input on
 * the field, deleting what is in use is refused in place, and everything created here is removed
 * at the end so later specs see the seeded data.
 */
test('an admin sets up calendars, SLA policies, contracts and vendors', async ({ browser }) => {
  // Names of this attempt: a retry on the same server meets what a first attempt left if it stopped half-way.
  const tag = attemptTag();
  const names: Names = {
    calendar: `Kyiv service desk ${tag}`,
    policy: `Kyiv business hours ${tag}`,
    acmeContract: `Acme Logistics — e-mail ${tag}`,
    pilotContract: `Ana Popescu pilot 2024 ${tag}`,
    vendor: `Printix Ukraine ${tag}`,
  };
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  try {
    await walkThrough(admin, names);
  } finally {
    await removeIfLeft(admin, '/vendors', names.vendor);
    await removeIfLeft(admin, '/contracts', names.acmeContract);
    await removeIfLeft(admin, '/contracts', names.pilotContract);
    await removeIfLeft(admin, '/sla/policies', names.policy);
    await removeIfLeft(admin, '/sla/calendars', names.calendar);
  }
});

/** The steps of the test above, from the calendar editor to everything deleted again. */
async function walkThrough(
  admin: Page,
  { calendar, policy, acmeContract, pilotContract, vendor }: Names,
): Promise<void> {
  const nav = admin.getByRole('navigation', { name: 'Administration' });
  await nav.getByRole('link', { name: 'Service levels' }).click();
  await expect(admin).toHaveURL(/\/admin\/sla$/);
  await expect(admin.getByRole('heading', { name: 'Service levels (SLA)' })).toBeVisible();

  // Calendar: Europe/Kyiv, Monday to Friday 09:00–18:00, Independence Day every year.
  await admin.getByRole('button', { name: 'New calendar' }).click();
  const calendarDialog = admin.getByRole('dialog', { name: 'New business calendar' });
  await calendarDialog.getByRole('textbox', { name: /^Name/ }).fill(calendar);
  await choose(
    admin,
    calendarDialog.getByRole('combobox', { name: /^Time zone/ }),
    /^Europe\/Kyiv \(UTC\+0[23]:00\)$/,
    'Kyiv',
  );
  await calendarDialog.getByRole('button', { name: '24×7' }).click();
  await expect(calendarDialog.getByRole('textbox', { name: 'Sunday: end of interval 1' })).toHaveValue('24:00');
  await calendarDialog.getByRole('button', { name: 'Mon–Fri 09:00–18:00' }).click();
  await expect(calendarDialog.getByTestId('day-0')).toContainText('Closed');
  const mondayEnd = calendarDialog.getByRole('textbox', { name: 'Monday: end of interval 1' });
  await expect(mondayEnd).toHaveValue('18:00');
  await mondayEnd.fill('08:00');
  await calendarDialog.getByRole('button', { name: 'Add holiday' }).click();
  await calendarDialog.getByLabel('Holiday 1', { exact: true }).fill('2025-08-24');
  await calendarDialog.getByRole('checkbox', { name: 'Holiday 1 every year' }).check();
  await expect(calendarDialog.getByText(/Every year on (24 August|August 24)/)).toBeVisible();
  await calendarDialog.getByRole('button', { name: 'Create' }).click();
  await expect(calendarDialog.getByTestId('day-1')).toContainText('The end must be after the start');
  await mondayEnd.fill('18:00');
  await shot(admin, '60-admin-sla-calendar-editor');
  await calendarDialog.getByRole('button', { name: 'Create' }).click();
  await expect(calendarDialog).toHaveCount(0);
  const calendarRow = admin.getByRole('table', { name: 'Business calendars' }).getByRole('row', { name: calendar });
  await expect(calendarRow).toContainText('Europe/Kyiv');
  await expect(calendarRow).toContainText('Mon–Fri 09:00–18:00');
  await expect(calendarRow).toContainText('1');
  await settle(admin);
  await shot(admin, '61-admin-sla-calendars');

  // Policy on that calendar with targets per priority; the first response may not come after resolution.
  await admin.getByRole('tab', { name: 'SLA policies' }).click();
  await expect(admin).toHaveURL(/tab=policies/);
  await admin.getByRole('button', { name: 'New policy' }).click();
  const policyDialog = admin.getByRole('dialog', { name: 'New SLA policy' });
  await policyDialog.getByRole('textbox', { name: /^Name/ }).fill(policy);
  await choose(admin, policyDialog.getByRole('combobox', { name: /^Business calendar/ }), `${calendar} · Europe/Kyiv`);
  const target = (priority: string, kind: string, unit: 'hours' | 'minutes') =>
    policyDialog.getByRole('textbox', { name: `${priority} · ${kind}: ${unit}` });
  await target('Urgent', 'First response', 'minutes').fill('30');
  await target('Urgent', 'Resolution', 'hours').fill('4');
  await target('High', 'First response', 'hours').fill('1');
  await target('High', 'Resolution', 'hours').fill('9');
  await target('Normal', 'First response', 'hours').fill('40');
  await target('Normal', 'Resolution', 'hours').fill('27');
  await target('Low', 'Resolution', 'hours').fill('90');
  await expect(policyDialog.getByTestId('total-normal-resolution')).toHaveText('= 1 d 3 h');
  await expect(policyDialog.getByTestId('total-low-firstResponse')).toHaveText('No target');
  await policyDialog.getByRole('textbox', { name: /^Warn at/ }).fill('75');
  await policyDialog.getByRole('button', { name: 'Create' }).click();
  await expect(policyDialog.getByText('First response cannot be due after resolution')).toBeVisible();
  await target('Normal', 'First response', 'hours').fill('4');
  await shot(admin, '62-admin-sla-policy-editor');
  await policyDialog.getByRole('button', { name: 'Create' }).click();
  await expect(policyDialog).toHaveCount(0);
  const policyRow = admin.getByRole('table', { name: 'SLA policies' }).getByRole('row', { name: policy });
  await expect(policyRow).toContainText(calendar);
  await expect(policyRow).toContainText('75 %');
  await settle(admin);
  await shot(admin, '63-admin-sla-policies');

  // Contracts: the demo organization for one service, and an expired one for a single customer.
  await admin.getByRole('tab', { name: 'Contracts' }).click();
  await admin.getByRole('button', { name: 'New contract' }).click();
  const contractDialog = admin.getByRole('dialog', { name: 'New contract' });
  await contractDialog.getByRole('textbox', { name: /^Name/ }).fill(acmeContract);
  await choose(admin, contractDialog.getByRole('combobox', { name: /^Organization/ }), /^Acme Logistics/, 'Acme');
  await choose(admin, contractDialog.getByRole('combobox', { name: /^Service/ }), 'E-mail and calendar');
  await choose(admin, contractDialog.getByRole('combobox', { name: /^SLA policy/ }), policy);
  await contractDialog.getByLabel(/^Valid from/).fill('2025-01-01');
  await contractDialog.getByLabel(/^Valid to/).fill('2024-12-31');
  await contractDialog.getByRole('button', { name: 'Create' }).click();
  await expect(contractDialog.getByText('The contract cannot end before it starts')).toBeVisible();
  await contractDialog.getByLabel(/^Valid to/).fill('2099-12-31');
  await shot(admin, '64-admin-sla-contract-editor');
  await contractDialog.getByRole('button', { name: 'Create' }).click();
  await expect(contractDialog).toHaveCount(0);

  await admin.getByRole('button', { name: 'New contract' }).click();
  await contractDialog.getByRole('textbox', { name: /^Name/ }).fill(pilotContract);
  await contractDialog.getByText('Single customer', { exact: true }).click();
  await choose(admin, contractDialog.getByRole('combobox', { name: /^Customer/ }), /^Ana Popescu/, 'Popescu');
  await choose(admin, contractDialog.getByRole('combobox', { name: /^SLA policy/ }), policy);
  await contractDialog.getByLabel(/^Valid from/).fill('2024-01-01');
  await contractDialog.getByLabel(/^Valid to/).fill('2024-12-31');
  await contractDialog.getByRole('button', { name: 'Create' }).click();
  await expect(contractDialog).toHaveCount(0);
  const contracts = admin.getByRole('table', { name: 'Contracts' });
  const acme = contracts.getByRole('row', { name: acmeContract });
  await expect(acme.getByText('Acme Logistics', { exact: true })).toBeVisible();
  await expect(acme).toContainText('acme.example');
  await expect(acme).toContainText('E-mail and calendar');
  await expect(acme.getByTestId('validity')).toHaveText('Active');
  const pilot = contracts.getByRole('row', { name: pilotContract });
  await expect(pilot).toContainText('All services');
  await expect(pilot.getByTestId('validity')).toHaveText('Expired');
  await settle(admin);
  await shot(admin, '65-admin-sla-contracts');

  // In use: the policy is held by contracts, the calendar by the policy. Refused in place.
  await admin.getByRole('tab', { name: 'SLA policies' }).click();
  await rowAction(admin, policy, 'Delete');
  const deletePolicy = admin.getByRole('dialog', { name: 'Delete SLA policy' });
  await deletePolicy.getByRole('button', { name: 'Delete' }).click();
  await expect(deletePolicy.getByTestId('in-use')).toContainText('Contracts, vendors or tickets still use');
  await shot(admin, '66-admin-sla-in-use');
  await deletePolicy.getByRole('button', { name: 'Done' }).click();
  await admin.getByRole('tab', { name: 'Business calendars' }).click();
  await rowAction(admin, calendar, 'Delete');
  const deleteCalendar = admin.getByRole('dialog', { name: 'Delete calendar' });
  await deleteCalendar.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteCalendar.getByTestId('in-use')).toContainText(`SLA policies still use “${calendar}”`);
  await deleteCalendar.getByRole('button', { name: 'Done' }).click();

  // Vendor with a contact, owing the new policy.
  await nav.getByRole('link', { name: 'Vendors' }).click();
  await expect(admin).toHaveURL(/\/admin\/vendors$/);
  await expect(
    admin.getByRole('table', { name: 'Vendors' }).getByRole('row', { name: /PrintCo Service/ }),
  ).toBeVisible();
  await admin.getByRole('button', { name: 'New vendor' }).click();
  const vendorDialog = admin.getByRole('dialog', { name: 'New vendor' });
  await vendorDialog.getByRole('textbox', { name: /^Name/ }).fill(vendor);
  await choose(admin, vendorDialog.getByRole('combobox', { name: 'Kind' }), 'Manufacturer');
  await vendorDialog.getByRole('textbox', { name: /^E-mail/ }).fill('support@printix.example');
  await vendorDialog.getByRole('textbox', { name: /^Phone/ }).fill('+380 44 123 4567');
  await choose(admin, vendorDialog.getByRole('combobox', { name: /^SLA policy/ }), policy);
  await vendorDialog
    .getByRole('textbox', { name: /^Notes/ })
    .fill('Customer account 48-1177. Phone support 09:00–17:00.');
  await vendorDialog.getByRole('button', { name: 'Add contact' }).click();
  await vendorDialog.getByRole('textbox', { name: 'Contact 1: name' }).fill('Ivan Petrenko');
  await vendorDialog.getByRole('textbox', { name: 'Contact 1: e-mail' }).fill('ivan.petrenko@printix');
  await vendorDialog.getByRole('textbox', { name: 'Contact 1: phone' }).fill('+380 67 555 0101');
  await vendorDialog.getByRole('button', { name: 'Add contact' }).click();
  await vendorDialog.getByRole('button', { name: 'Create' }).click();
  await expect(vendorDialog.getByTestId('contact-1')).toContainText('Enter a valid e-mail address');
  await expect(vendorDialog.getByTestId('contact-2')).toContainText('This field is required');
  await vendorDialog.getByRole('button', { name: 'Remove contact 2' }).click();
  await vendorDialog.getByRole('textbox', { name: 'Contact 1: e-mail' }).fill('ivan.petrenko@printix.example');
  await expect(vendorDialog.getByTestId('contact-1')).not.toContainText('Enter a valid e-mail address');
  await admin.waitForTimeout(300); // the input's border fades from red; shoot once it has
  await shot(admin, '67-admin-vendor-editor');
  await vendorDialog.getByRole('button', { name: 'Create' }).click();
  await expect(vendorDialog).toHaveCount(0);
  const vendorRow = admin.getByRole('table', { name: 'Vendors' }).getByRole('row', { name: vendor });
  await expect(vendorRow).toContainText('Manufacturer');
  await expect(vendorRow).toContainText('support@printix.example');
  await expect(vendorRow).toContainText(policy);
  await expect(vendorRow).toContainText('Contacts: Ivan Petrenko');
  await expect(vendorRow).toContainText('Active');
  await settle(admin);
  await shot(admin, '68-admin-vendors');

  // The editor opens with what was saved.
  await vendorRow.getByText(vendor).click();
  const editVendor = admin.getByRole('dialog', { name: `Edit vendor “${vendor}”` });
  await expect(editVendor.getByRole('textbox', { name: 'Contact 1: name' })).toHaveValue('Ivan Petrenko');
  await editVendor.getByRole('button', { name: 'Cancel' }).click();

  // Clean up: the vendor and the contracts through the screens, then policy and calendar.
  await rowAction(admin, vendor, 'Delete');
  const deleteVendor = admin.getByRole('dialog', { name: 'Delete vendor' });
  await deleteVendor.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteVendor).toHaveCount(0);
  await expect(vendorRow).toHaveCount(0);
  await nav.getByRole('link', { name: 'Service levels' }).click();
  await admin.getByRole('tab', { name: 'Contracts' }).click();
  for (const name of [acmeContract, pilotContract]) {
    await rowAction(admin, name, 'Delete');
    const deleteContract = admin.getByRole('dialog', { name: 'Delete contract' });
    await deleteContract.getByRole('button', { name: 'Delete' }).click();
    await expect(deleteContract).toHaveCount(0);
  }
  await expect(acme).toHaveCount(0);
  await expect(pilot).toHaveCount(0);
  // Tickets switch back from the policy in the background after the contract is gone.
  await expect(async () => expect(await apiDelete(admin, '/sla/policies', policy)).toBe(204)).toPass();
  expect(await apiDelete(admin, '/sla/calendars', calendar)).toBe(204);
}
