import { expect, type Locator, type Page } from '@playwright/test';
import { attemptTag, csrfHeaders, loginAs, shot, test } from './helpers.ts';

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Picks an option of a Mantine select or multi-select, then closes its list by clicking `elsewhere`. */
async function choose(page: Page, select: Locator, option: string, elsewhere: Locator): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await elsewhere.click();
}

/** Adds one transition to the edited set through the dialog. */
async function addTransition(page: Page, from: string, to: string, screenshot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Add transition' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add transitions' });
  const title = dialog.getByRole('heading', { name: 'Add transitions' });
  await choose(page, dialog.getByRole('combobox', { name: /^From status/ }), from, title);
  await choose(page, dialog.getByRole('combobox', { name: /^To status/ }), to, title);
  await expect(dialog.getByRole('radio', { name: /Staff/ })).toBeChecked();
  if (screenshot) {
    await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
    await shot(page, screenshot);
  }
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

interface Rule {
  type: string | null;
  from: string;
  to: string;
  by: string;
}

async function defaultRules(page: Page): Promise<Rule[]> {
  const workflow: { transitions: Rule[] } = await (await page.request.get('/api/v1/workflow')).json();
  return workflow.transitions.filter((rule) => rule.type === null);
}

/**
 * Whatever step the test stopped at: the default set loses the transitions into and out of the
 * attempt's status, and the status goes. Nothing to do when the test got to its end.
 */
async function removeStatus(page: Page, key: string): Promise<void> {
  const workflow: { statuses: { key: string }[]; transitions: (Rule & Record<string, unknown>)[] } = await (
    await page.request.get('/api/v1/workflow')
  ).json();
  const headers = await csrfHeaders(page);
  const defaults = workflow.transitions.filter((rule) => rule.type === null);
  if (defaults.some((rule) => rule.from === key || rule.to === key)) {
    const kept = defaults
      .filter((rule) => rule.from !== key && rule.to !== key)
      .map(({ type: _type, ...rule }) => rule);
    const res = await page.request.put('/api/v1/workflow/transitions', {
      headers,
      data: { type: null, transitions: kept },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  if (workflow.statuses.some((status) => status.key === key)) {
    const res = await page.request.delete(`/api/v1/workflow/statuses/${key}`, { headers });
    expect(res.ok(), await res.text()).toBe(true);
  }
}

// Tall enough that the dialogs and the transition list fit in the screenshots.
test.use({ viewport: { width: 1280, height: 1000 } });

/**
 * The configurable workflow end to end: an admin adds a "Waiting for parts" status that pauses
 * the SLA, lets staff move tickets into it from "In progress" and back in the default set, and
 * sees that built-in statuses can only be retired. Everything is removed again at the end, so
 * later specs on this server see the built-in workflow.
 */
test('an admin adds a status that pauses the SLA and transitions into and out of it', async ({ browser }) => {
  // Name and key of this attempt: a retry on the same server meets what a first attempt left if it stopped half-way.
  const tag = attemptTag();
  const name = `Waiting for parts ${tag}`;
  const key = `waiting_parts_${tag}`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  try {
    await walkThrough(admin, name, key);
  } finally {
    await removeStatus(admin, key);
  }
});

/** The steps of the test above, from the status editor to the ticket types. */
async function walkThrough(admin: Page, name: string, key: string): Promise<void> {
  await admin.goto('/admin/workflow');
  await expect(admin.getByRole('heading', { name: 'Workflow', level: 1 })).toBeVisible();
  const navLink = admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Workflow' });
  await expect(navLink).toHaveAttribute('aria-current', 'page');
  const statuses = admin.getByRole('table', { name: 'Statuses' });
  await expect(statuses.getByRole('row', { name: /In progress/ })).toContainText('Built-in');
  await expect(statuses.getByRole('row', { name: /Waiting for customer/ })).toContainText('Paused');

  // The new status ("Waiting for parts …"): English and Ukrainian names, category "Pending", pauses the SLA.
  await admin.getByRole('button', { name: 'New status' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New status' });
  await dialog.getByRole('textbox', { name: 'English' }).fill(name);
  const keyInput = dialog.getByRole('textbox', { name: /^Key/ });
  // The key proposed from the name: lower case, words joined by _.
  await expect(keyInput).toHaveValue(name.toLowerCase().replaceAll(' ', '_'));
  await keyInput.fill(key);
  await dialog.getByRole('textbox', { name: 'Українська' }).fill('Очікує запчастин');
  await dialog.getByRole('combobox', { name: /^Category/ }).click();
  await admin.getByRole('option', { name: 'Pending' }).click();
  await expect(dialog.getByText('Counted in the “Waiting” queue', { exact: false })).toBeVisible();
  await dialog.getByRole('switch', { name: 'Pauses the SLA' }).check();
  await shot(admin, '70-admin-workflow-status-editor');
  await dialog.getByRole('button', { name: 'Create status' }).click();
  await expect(dialog).toHaveCount(0);
  const partsRow = statuses.getByRole('row', { name });
  await expect(partsRow).toContainText(key);
  await expect(partsRow).toContainText('Pending');
  await expect(partsRow).toContainText('Paused');
  await settle(admin);
  await shot(admin, '71-admin-workflow-statuses');

  // Built-in statuses can be neither deleted nor retired; the dialog says so.
  await admin.getByRole('button', { name: 'Actions for Closed', exact: true }).click();
  await admin.getByRole('menuitem', { name: 'Delete' }).click();
  const deleteDialog = admin.getByRole('dialog', { name: 'Delete status' });
  await expect(deleteDialog.getByTestId('in-use')).toContainText('cannot be deleted');
  await expect(deleteDialog.getByRole('button', { name: 'Retire instead' })).toHaveCount(0);
  await expect(admin.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
  await shot(admin, '72-admin-workflow-built-in-delete');
  await deleteDialog.getByRole('button', { name: 'Close' }).click();
  await expect(deleteDialog).toHaveCount(0);

  // Transitions: into the new status from "In progress" and back, in the default set.
  await admin.getByRole('tab', { name: 'Transitions' }).click();
  await expect(admin).toHaveURL(/tab=transitions/);
  const before = (await defaultRules(admin)).length;
  const table = admin.getByRole('table', { name: 'Transitions of Default set' });
  await expect(table.getByRole('row', { name: /Resolved.*Closed.*The requester/ })).toBeVisible();
  await addTransition(admin, 'In progress', name, '73-admin-workflow-transition-editor');
  await addTransition(admin, name, 'In progress');
  await expect(admin.getByTestId('unsaved-changes')).toBeVisible();
  const into = table.getByRole('row', { name: new RegExp(`^In progress\\s*${name}\\s*Staff`) });
  const back = table.getByRole('row', { name: new RegExp(`^${name}\\s*In progress\\s*Staff`) });
  await expect(into).toContainText('Every role allowed');
  await expect(back).toContainText('Nothing');
  await admin.evaluate(() => window.scrollTo(0, 0));
  await shot(admin, '74-admin-workflow-transitions-unsaved');
  await admin.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('All changes saved')).toBeVisible();
  const saved = await defaultRules(admin);
  expect(saved).toHaveLength(before + 2);
  expect(saved).toContainEqual(expect.objectContaining({ from: 'in_progress', to: key, by: 'agent' }));
  expect(saved).toContainEqual(expect.objectContaining({ from: key, to: 'in_progress', by: 'agent' }));
  await settle(admin);
  await shot(admin, '75-admin-workflow-transitions');

  // A type without its own set follows the default one and can start its own from a copy.
  await admin
    .getByRole('navigation', { name: 'Transition sets' })
    .getByRole('button', { name: /Incident/ })
    .click();
  await expect(admin.getByTestId('uses-default')).toContainText('uses the default set');
  await expect(admin.getByRole('button', { name: 'Define transitions for this type' })).toBeVisible();
  await shot(admin, '76-admin-workflow-type-uses-default');

  // Clean up: take the two transitions out again, then delete the unused status.
  await admin
    .getByRole('navigation', { name: 'Transition sets' })
    .getByRole('button', { name: /Default set/ })
    .click();
  await admin.getByRole('button', { name: `Remove transition In progress → ${name}` }).click();
  await admin.getByRole('button', { name: `Remove transition ${name} → In progress` }).click();
  await admin.getByTestId('save-bar').getByRole('button', { name: 'Save' }).click();
  await expect(admin.getByText('All changes saved')).toBeVisible();
  expect(await defaultRules(admin)).toHaveLength(before);
  await admin.getByRole('tab', { name: 'Statuses' }).click();
  await admin.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await admin.getByRole('menuitem', { name: 'Delete' }).click();
  await deleteDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(deleteDialog).toHaveCount(0);
  await expect(statuses.getByRole('row', { name })).toHaveCount(0);

  // Ticket types: the built-in ones, each following the default transitions.
  await admin.getByRole('tab', { name: 'Ticket types' }).click();
  const types = admin.getByRole('table', { name: 'Ticket types' });
  await expect(types.getByRole('row', { name: /Change request/ })).toContainText('Built-in');
  await settle(admin);
  await shot(admin, '77-admin-workflow-types');
}
