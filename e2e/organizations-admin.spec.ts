import { expect, type Page } from '@playwright/test';
import { loginAs, shot, test } from './helpers.ts';

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens the "…" menu of an organization row and picks an action. */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** In an open members dialog: finds a customer by name and adds them. */
async function addMember(page: Page, dialog: ReturnType<Page['getByRole']>, search: string, option: string) {
  const picker = dialog.getByRole('combobox', { name: 'Add a customer' });
  await picker.click();
  await picker.fill(search);
  await page.getByRole('option', { name: option }).click();
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
}

/**
 * An admin creates an organization with an e-mail domain and shared requests, and moves a demo
 * customer into it; the seeded organization cannot be deleted while people and requests belong
 * to it. At the end the customer goes back and the new organization is deleted, so the specs
 * that follow on this server see the seeded data unchanged.
 */
test('an admin creates an organization with a domain and shared requests and adds a customer', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(admin).toHaveURL(/\/admin\/organizations$/);
  const table = admin.getByRole('table', { name: 'Customer organizations' });
  const acmeRow = table.getByRole('row', { name: /Acme Logistics/ });
  await expect(acmeRow).toContainText('@acme.example');

  await admin.getByRole('button', { name: 'New organization' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New organization' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Globex Corporation');
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill('not a domain');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Enter a domain such as example.com')).toBeVisible();
  // The server refuses a domain another organization has, on the field.
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill('ACME.example');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Another organization already has this domain')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill('globex.example');
  await dialog.getByRole('switch', { name: "Members see each other's requests" }).check({ force: true });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  const globexRow = table.getByRole('row', { name: /Globex Corporation/ });
  await expect(globexRow).toContainText('@globex.example');
  await expect(globexRow).toContainText('Shared');
  await expect(globexRow.getByTestId('member-count')).toHaveText('0');

  await rowAction(admin, 'Globex Corporation', 'Members');
  const members = admin.getByRole('dialog', { name: 'Members of Globex Corporation' });
  await expect(members.getByText("Members see each other's requests.")).toBeVisible();
  await addMember(admin, members, 'Ana', 'Ana Popescu (ana@acme.example)');
  const list = members.getByRole('table', { name: 'Members' });
  await expect(list).toContainText('Ana Popescu');
  await expect(list).toContainText('ana@acme.example');
  await expect(globexRow.getByTestId('member-count')).toHaveText('1');
  await settle(admin);
  await shot(admin, '90-admin-organization-members');
  await admin.keyboard.press('Escape');
  await expect(members).toHaveCount(0);
  await settle(admin);
  await shot(admin, '91-admin-organizations');

  // The seeded organization still has people and requests: the refusal says so.
  await rowAction(admin, 'Acme Logistics', 'Delete');
  const refuse = admin.getByRole('dialog', { name: 'Delete organization' });
  await refuse.getByRole('button', { name: 'Delete' }).click();
  await expect(refuse.getByTestId('in-use')).toContainText('members (take them out first)');
  await expect(refuse.getByTestId('in-use')).toContainText('requests (they keep their organization)');
  await refuse.getByRole('button', { name: 'Done' }).click();

  // Put the customer back and delete the new organization.
  await acmeRow.click();
  const acmeMembers = admin.getByRole('dialog', { name: 'Members of Acme Logistics' });
  await addMember(admin, acmeMembers, 'Ana', 'Ana Popescu (ana@acme.example)');
  await expect(acmeMembers.getByRole('table', { name: 'Members' })).toContainText('Ana Popescu');
  await admin.keyboard.press('Escape');
  await expect(globexRow.getByTestId('member-count')).toHaveText('0');
  await rowAction(admin, 'Globex Corporation', 'Delete');
  const confirm = admin.getByRole('dialog', { name: 'Delete organization' });
  await expect(confirm).toContainText('Delete the organization “Globex Corporation”?');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(globexRow).toHaveCount(0);
});
