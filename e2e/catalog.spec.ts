import { expect, type Page } from '@playwright/test';
import { attemptTag, loginAs, shot, test } from './helpers.ts';

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens the "…" menu of a catalogue row and picks an action. */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/**
 * The service catalogue end to end: an admin sets up a support group with a member, a service it
 * owns and a category with a sub-category; a customer finds the sub-category in the request
 * form. Everything created here is deleted at the end (after the in-use refusals are shown), so
 * the specs that follow on this server see the seeded catalogue unchanged.
 */
test('an admin builds a catalogue entry that customers see, and the server guards what is in use', async ({
  browser,
}) => {
  // Names of this attempt: a retry on the same server meets what a first attempt left if it stopped half-way.
  const tag = attemptTag();
  const group = `Field service ${tag}`;
  const service = `Printers on site ${tag}`;
  const parent = `Peripherals ${tag}`;
  const child = `Scanners ${tag}`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await admin
    .getByRole('navigation', { name: 'Administration' })
    .getByRole('link', { name: 'Service catalogue' })
    .click();
  await expect(admin).toHaveURL(/\/admin\/catalog$/);
  await expect(admin.getByRole('heading', { name: 'Service catalogue' })).toBeVisible();

  // Support group "Field service …", second tier, with Erin Engineer as member.
  await admin.getByRole('tab', { name: 'Support groups' }).click();
  await expect(admin).toHaveURL(/tab=groups/);
  const groups = admin.getByRole('table', { name: 'Support groups' });
  await expect(groups.getByRole('row', { name: /First line/ })).toContainText('Tier 1');
  await admin.getByRole('button', { name: 'New group' }).click();
  const groupDialog = admin.getByRole('dialog', { name: 'New support group' });
  await groupDialog.getByRole('textbox', { name: /^Name/ }).fill(group);
  await expect(groupDialog.getByText('1 = first line')).toBeVisible();
  await groupDialog.getByRole('textbox', { name: /^Tier/ }).fill('2');
  await groupDialog.getByRole('button', { name: 'Create' }).click();
  await expect(groupDialog).toHaveCount(0);
  const groupRow = groups.getByRole('row', { name: group });
  await expect(groupRow).toContainText('Tier 2');
  await expect(groupRow.getByTestId('member-count')).toHaveText('0');

  await rowAction(admin, group, 'Members…');
  const members = admin.getByRole('dialog', { name: `Members of “${group}”` });
  const picker = members.getByRole('combobox', { name: 'Members' });
  await picker.click();
  await picker.fill('Erin');
  await admin.getByRole('option', { name: 'Erin Engineer (engineer@frontdesk.example)' }).click();
  await members.getByText('Only active staff can be members.', { exact: false }).click();
  await members.getByRole('button', { name: 'Save members' }).click();
  await expect(members).toHaveCount(0);
  await expect(groupRow.getByTestId('member-count')).toHaveText('1');
  await settle(admin);
  await shot(admin, '50-admin-catalog-groups');

  // Service "Printers on site …", owned by the new group.
  await admin.getByRole('tab', { name: 'Services' }).click();
  await admin.getByRole('button', { name: 'New service' }).click();
  const serviceDialog = admin.getByRole('dialog', { name: 'New service' });
  await serviceDialog.getByRole('textbox', { name: /^Name/ }).fill(service);
  await serviceDialog
    .getByRole('textbox', { name: /^Description/ })
    .fill('A technician comes to fix printers, scanners and copiers in the office.');
  await serviceDialog.getByRole('combobox', { name: /^Owner group/ }).click();
  await admin.getByRole('option', { name: `${group} · Tier 2` }).click();
  await serviceDialog.getByRole('button', { name: 'Create' }).click();
  await expect(serviceDialog).toHaveCount(0);
  const services = admin.getByRole('table', { name: 'Services' });
  await expect(services.getByRole('row', { name: service })).toContainText(group);
  await settle(admin);
  await shot(admin, '51-admin-catalog-services');

  // Category "Peripherals …" with the sub-category "Scanners …".
  await admin.getByRole('tab', { name: 'Categories' }).click();
  await admin.getByRole('button', { name: 'New category' }).click();
  const categoryDialog = admin.getByRole('dialog', { name: 'New category' });
  await categoryDialog.getByRole('textbox', { name: /^Name/ }).fill(parent);
  await categoryDialog.getByRole('button', { name: 'Create' }).click();
  await expect(categoryDialog).toHaveCount(0);
  await rowAction(admin, parent, 'Add sub-category');
  await expect(categoryDialog.getByRole('combobox', { name: 'Parent category' })).toHaveValue(parent);
  await categoryDialog.getByRole('textbox', { name: /^Name/ }).fill(child);
  await categoryDialog.getByRole('button', { name: 'Create' }).click();
  await expect(categoryDialog).toHaveCount(0);
  const tree = admin.getByRole('table', { name: 'Categories' }).locator('tbody tr');
  const names = await tree.allTextContents();
  const parentIndex = names.findIndex((text) => text.startsWith(parent));
  expect(names[parentIndex + 1]).toMatch(new RegExp(`^${child}`));
  await expect(tree.nth(parentIndex)).toContainText('1');
  await settle(admin);
  await shot(admin, '52-admin-catalog-categories');

  // The customer finds the sub-category in the request form (and sends nothing).
  const customer = await loginAs(browser, 'customer@acme.example');
  await customer.goto('/portal/new');
  await customer.getByRole('combobox', { name: 'Category' }).click();
  await expect(customer.getByRole('option', { name: child })).toBeVisible();
  await expect(customer.getByRole('option', { name: parent })).toBeVisible();
  await customer.keyboard.press('Escape');
  await customer.context().close();

  // In use: a category with a sub-category, a group that owns a service. Refused in place.
  await rowAction(admin, parent, 'Delete');
  const deleteCategory = admin.getByRole('dialog', { name: 'Delete category' });
  await deleteCategory.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteCategory.getByTestId('in-use')).toContainText(`“${parent}” is still used by tickets`);
  await shot(admin, '53-admin-catalog-in-use');
  await deleteCategory.getByRole('button', { name: 'Done' }).click();
  await expect(deleteCategory).toHaveCount(0);

  await admin.getByRole('tab', { name: 'Support groups' }).click();
  await rowAction(admin, group, 'Delete');
  const deleteGroup = admin.getByRole('dialog', { name: 'Delete support group' });
  await deleteGroup.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteGroup.getByTestId('in-use')).toContainText('Give its services another owner group first');
  await deleteGroup.getByRole('button', { name: 'Done' }).click();

  // Clean up, children first: the sub-category, its parent, the service, then the group.
  await admin.getByRole('tab', { name: 'Categories' }).click();
  for (const name of [child, parent]) {
    await rowAction(admin, name, 'Delete');
    await deleteCategory.getByRole('button', { name: 'Delete' }).click();
    await expect(deleteCategory).toHaveCount(0);
    await expect(admin.getByRole('table', { name: 'Categories' }).getByText(name, { exact: true })).toHaveCount(0);
  }
  await admin.getByRole('tab', { name: 'Services' }).click();
  await rowAction(admin, service, 'Delete');
  const deleteService = admin.getByRole('dialog', { name: 'Delete service' });
  await deleteService.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteService).toHaveCount(0);
  await expect(services.getByRole('row', { name: service })).toHaveCount(0);
  await admin.getByRole('tab', { name: 'Support groups' }).click();
  await rowAction(admin, group, 'Delete');
  await deleteGroup.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteGroup).toHaveCount(0);
  await expect(groups.getByRole('row', { name: group })).toHaveCount(0);
});
