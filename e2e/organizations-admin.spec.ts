import { expect, type Page } from '@playwright/test';
import { attemptTag, csrfHeaders, loginAs, shot, test } from './helpers.ts';

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
 * Whatever step the test stopped at: the members of this attempt's organization go back to Acme
 * Logistics (where the test took them from) and the organization is deleted. Nothing to do when
 * the test got to its end.
 */
async function removeOrganization(page: Page, name: string): Promise<void> {
  type Org = { id: number; name: string };
  const { items }: { items: Org[] } = await (await page.request.get('/api/v1/organizations')).json();
  const created = items.find((org) => org.name === name);
  if (!created) return;
  const acme = items.find((org) => org.name === 'Acme Logistics');
  const headers = await csrfHeaders(page);
  const detail: { members: { id: number }[] } = await (
    await page.request.get(`/api/v1/organizations/${created.id}`)
  ).json();
  for (const member of detail.members) {
    const moved = await page.request.patch(`/api/v1/users/${member.id}`, {
      headers,
      data: { organizationId: acme?.id ?? null },
    });
    expect(moved.ok(), await moved.text()).toBe(true);
  }
  const deleted = await page.request.delete(`/api/v1/organizations/${created.id}`, { headers });
  expect(deleted.ok(), await deleted.text()).toBe(true);
}

/**
 * An admin creates an organization with an e-mail domain and shared requests, and moves a demo
 * customer into it; the seeded organization cannot be deleted while people and requests belong
 * to it. At the end the customer goes back and the new organization is deleted, so the specs
 * that follow on this server see the seeded data unchanged.
 */
test('an admin creates an organization with a domain and shared requests and adds a customer', async ({ browser }) => {
  // Name and domain of this attempt: both must be unique, and a retry runs on the same server.
  const tag = attemptTag();
  const name = `Globex Corporation ${tag}`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  try {
    await walkThrough(admin, name, `globex-${tag}.example`);
  } finally {
    await removeOrganization(admin, name);
  }
});

/** The steps of the test above, from the organizations page to the new organization deleted again. */
async function walkThrough(admin: Page, name: string, domain: string): Promise<void> {
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Organizations' }).click();
  await expect(admin).toHaveURL(/\/admin\/organizations$/);
  const table = admin.getByRole('table', { name: 'Customer organizations' });
  const acmeRow = table.getByRole('row', { name: /Acme Logistics/ });
  await expect(acmeRow).toContainText('@acme.example');

  await admin.getByRole('button', { name: 'New organization' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New organization' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill('not a domain');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Enter a domain such as example.com')).toBeVisible();
  // The server refuses a domain another organization has, on the field.
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill('ACME.example');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Another organization already has this domain')).toBeVisible();
  await dialog.getByRole('textbox', { name: /^E-mail domain/ }).fill(domain);
  await dialog.getByRole('switch', { name: "Members see each other's requests" }).check({ force: true });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  const globexRow = table.getByRole('row', { name });
  await expect(globexRow).toContainText(`@${domain}`);
  await expect(globexRow).toContainText('Shared');
  await expect(globexRow.getByTestId('member-count')).toHaveText('0');

  await rowAction(admin, name, 'Members');
  const members = admin.getByRole('dialog', { name: `Members of ${name}` });
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
  await rowAction(admin, name, 'Delete');
  const confirm = admin.getByRole('dialog', { name: 'Delete organization' });
  await expect(confirm).toContainText(`Delete the organization “${name}”?`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(globexRow).toHaveCount(0);
}
