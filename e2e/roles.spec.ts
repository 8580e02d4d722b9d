import { type Browser, expect, type Page } from '@playwright/test';
import { csrfHeaders, loginAs, shot, test } from './helpers.ts';

interface FetchResult {
  status: number;
  body: { error?: { code: string; fields?: string[] } } | null;
}

/** A write through the page's own session (cookie + CSRF token from /me), as a script in it could. */
function patchInPage(page: Page, path: string, body: unknown): Promise<FetchResult> {
  return page.evaluate(
    async ({ path, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/v1${path}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { path, body },
  );
}

interface Role {
  id: number;
  name: string;
  fieldRules: unknown;
  userCount: number;
}

/** Every role, with its field rules, read through the admin's session. */
async function listRoles(page: Page): Promise<Role[]> {
  const response = await page.request.get('/api/v1/roles');
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: Role[] }).items;
}

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Field rules end to end: an admin hides Priority from engineers in the role editor; the engineer
 * then sees no Priority on the ticket card or in the queue, and the API refuses to change it.
 */
test('an admin hides priority from engineers, and engineers can neither see nor change it', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  const engineerRole = (await listRoles(admin)).find((role) => role.name === 'Engineer (second line)');
  expect(engineerRole).toBeDefined();
  try {
    await hidePriority(browser, admin);
  } finally {
    // The engineers' field rules go back to what they were, whatever step the test stopped at: a
    // retry starts from a visible Priority, and later specs see engineers as seeded.
    const now = (await listRoles(admin)).find((role) => role.id === engineerRole?.id);
    if (engineerRole && JSON.stringify(now?.fieldRules) !== JSON.stringify(engineerRole.fieldRules)) {
      const res = await admin.request.patch(`/api/v1/roles/${engineerRole.id}`, {
        headers: await csrfHeaders(admin),
        data: { fieldRules: engineerRole.fieldRules },
      });
      expect(res.ok(), await res.text()).toBe(true);
    }
  }
});

/** The steps of the test above: the field rules are changed and saved, then the engineer is checked. */
async function hidePriority(browser: Browser, admin: Page): Promise<void> {
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Roles' }).click();
  await expect(admin).toHaveURL(/\/admin\/roles$/);
  // The roles page loads lazily; until it has, the users table (whose rows name roles too) shows.
  await expect(admin.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  const engineerRow = admin.getByRole('row', { name: /^Engineer \(second line\)/ });
  await expect(engineerRow).toBeVisible();
  await shot(admin, '30-admin-roles');

  await engineerRow.click();
  await expect(admin.getByRole('heading', { name: 'Engineer (second line)' })).toBeVisible();
  await expect(admin.getByRole('checkbox', { name: /Reply to customers/ })).toBeChecked();
  await shot(admin, '31-admin-role-permissions');

  await admin.getByRole('tab', { name: 'Field rules' }).click();
  const rules = admin.getByRole('tabpanel', { name: 'Field rules' });
  await rules.locator('tr[data-field="priority"]').getByText('Hidden', { exact: true }).click();
  await expect(rules.getByTestId('unsaved-changes')).toBeVisible();
  // An override: the type becomes read-only once a ticket is resolved or closed.
  await rules.getByRole('button', { name: 'Add override' }).click();
  const override = rules.getByTestId('override-0');
  await override.getByRole('combobox', { name: 'Field' }).click();
  await admin.getByRole('option', { name: 'Type', exact: true }).click();
  await override.getByLabel('Ticket statuses').click();
  await admin.getByRole('option', { name: 'Resolved' }).click();
  await admin.getByRole('option', { name: 'Closed' }).click();
  await admin.keyboard.press('Escape');
  await expect(rules.locator('tr[data-field="type"]')).toContainText('Read only · Resolved, Closed');
  await rules.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(rules.getByText('All changes saved')).toBeVisible();
  await settle(admin);
  await shot(admin, '32-admin-field-rules');
  // The change is in the audit log (newest first), field by field.
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
  const entry = admin.getByTestId('audit-row').first();
  await expect(entry).toContainText('Engineer (second line)');
  await expect(entry).toContainText('Changed');
  await entry.click();
  await expect(admin.getByTestId('audit-changes')).toContainText('Hidden');

  // The engineer's queue has no Priority column, and their ticket card no Priority field.
  const engineer = await loginAs(browser, 'engineer@frontdesk.example');
  await engineer.goto('/agent/queues/mine');
  const queue = engineer.getByRole('table', { name: 'My tickets' });
  const firstRow = queue.locator('tbody tr').first();
  await expect(firstRow.getByRole('link')).toBeVisible();
  await expect(queue.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await expect(queue.getByRole('columnheader', { name: 'Priority' })).toHaveCount(0);
  await shot(engineer, '35-engineer-queue-without-priority');
  await firstRow.click();
  await expect(engineer).toHaveURL(/\/agent\/tickets\/\d+/);
  const details = engineer.getByRole('complementary', { name: 'Details' });
  await expect(details.getByText('Type', { exact: true })).toBeVisible();
  await expect(details.getByText('Priority', { exact: true })).toHaveCount(0);
  await expect(engineer.getByRole('combobox', { name: 'Priority' })).toHaveCount(0);
  await shot(engineer, '34-engineer-ticket-without-priority');

  // The server enforces it too: writing the hidden field is refused and names it.
  const ticketId = Number(new URL(engineer.url()).pathname.split('/').pop());
  const refused = await patchInPage(engineer, `/tickets/${ticketId}`, { priority: 'urgent' });
  expect(refused.status).toBe(403);
  expect(refused.body?.error?.fields).toEqual(['priority']);
}

test('roles can be copied, edited and deleted, and every change lands in the audit log', async ({ browser }) => {
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  const rolesBefore = await listRoles(admin);
  try {
    await copyEditDelete(admin);
  } finally {
    // The copy is always named "… (copy)": one left by a stopped attempt would stand beside the
    // retry's own. Roles this attempt made and still has are deleted.
    const headers = await csrfHeaders(admin);
    for (const role of await listRoles(admin)) {
      if (rolesBefore.some((before) => before.id === role.id)) continue;
      const res = await admin.request.delete(`/api/v1/roles/${role.id}`, { headers });
      expect(res.ok(), await res.text()).toBe(true);
    }
  }
});

/** The steps of the test above: copy the engineer role, change the copy, delete it, read the audit log. */
async function copyEditDelete(admin: Page): Promise<void> {
  await admin.goto('/admin/roles');
  const nav = admin.getByRole('navigation', { name: 'Administration' });

  // A role still held by users cannot be deleted; the refusal is shown in the dialog.
  await admin.getByRole('button', { name: 'Actions for Engineer (second line)' }).click();
  await admin.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Delete role' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByText('This role is still given to users.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Duplicate, change the copy's permissions, then delete it.
  await admin.getByRole('button', { name: 'Actions for Engineer (second line)' }).click();
  await admin.getByRole('menuitem', { name: 'Duplicate' }).click();
  const copy = admin.getByRole('row', { name: /Engineer \(second line\) \(copy\)/ });
  await expect(copy).toBeVisible();
  await copy.click();
  const permissions = admin.getByRole('tabpanel', { name: 'Permissions' });
  await permissions.getByRole('checkbox', { name: /Log phone calls/ }).uncheck();
  await permissions.getByRole('checkbox', { name: /Read the audit log/ }).check();
  await expect(permissions.getByTestId('unsaved-changes')).toBeVisible();
  await permissions.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(permissions.getByText('All changes saved')).toBeVisible();
  await admin.getByRole('link', { name: 'All roles' }).click();
  await admin.getByRole('button', { name: 'Actions for Engineer (second line) (copy)' }).click();
  await admin.getByRole('menuitem', { name: 'Delete' }).click();
  await admin.getByRole('dialog', { name: 'Delete role' }).getByRole('button', { name: 'Delete' }).click();
  await expect(copy).toHaveCount(0);

  await nav.getByRole('link', { name: 'Audit log' }).click();
  const entries = admin.getByTestId('audit-row');
  await expect(entries.first()).toContainText('Deleted');
  await entries.nth(1).click();
  const changes = admin.getByTestId('audit-changes');
  await expect(changes).toContainText('+ Read the audit log');
  await expect(changes).toContainText('− Log phone calls');
  // The copy is the entry before, under its own name (the field rules test checks its own entry).
  await expect(entries.nth(2)).toContainText('Copied');
  await expect(entries.nth(2)).toContainText('Engineer (second line) (copy)');
  await settle(admin);
  await shot(admin, '33-admin-audit-log');
}
