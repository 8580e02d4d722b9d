import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { loginAs, shot, test } from './helpers.ts';

// Wide enough for the whole matrix (events × six roles × two channels).
test.use({ viewport: { width: 1440, height: 1100 } });

/** Waits until toasts have gone and scrolls to the top, so a full-page shot shows the screen itself. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

type Rule = Record<string, unknown> & { id: number; createdAt: string; updatedAt: string };

/** Every notification rule (all levels), read through the admin's session. */
async function listAllRules(request: APIRequestContext): Promise<Rule[]> {
  const response = await request.get('/api/v1/notification-rules');
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Rule[];
}

/**
 * Puts the rules back as they were before the test, whatever step it stopped at: a retry (and
 * every later spec) starts from the seeded rules instead of what a failed attempt left behind.
 */
async function restoreRules(request: APIRequestContext, before: Rule[]): Promise<void> {
  const headers = { 'x-csrf-token': (await (await request.get('/api/v1/me')).json()).csrfToken as string };
  const now = await listAllRules(request);
  const input = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: Rule) => rest;
  for (const rule of now) {
    const original = before.find((r) => r.id === rule.id);
    if (!original) {
      expect((await request.delete(`/api/v1/notification-rules/${rule.id}`, { headers })).ok()).toBe(true);
    } else if (JSON.stringify(input(original)) !== JSON.stringify(input(rule))) {
      const res = await request.put(`/api/v1/notification-rules/${rule.id}`, { headers, data: input(original) });
      expect(res.ok(), await res.text()).toBe(true);
    }
  }
  for (const original of before.filter((r) => !now.some((rule) => rule.id === r.id))) {
    const res = await request.post('/api/v1/notification-rules', { headers, data: input(original) });
    expect(res.ok(), await res.text()).toBe(true);
  }
}

/** Sets a matrix cell through its menu. */
async function setCell(page: Page, cell: string, state: RegExp, action: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${cell}: `) }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
  await expect(page.getByRole('button', { name: new RegExp(`^${cell}: `) })).toHaveAccessibleName(state);
}

/** Fills the explanation form (person, role, event, e-mail) and asks. */
async function explain(page: Page, person: string, role: string, event: string): Promise<void> {
  const user = page.getByRole('combobox', { name: 'Person' });
  await user.click();
  await user.fill(person);
  await page.getByRole('option', { name: person }).click();
  const roles = page.getByRole('combobox', { name: 'Their roles on the ticket' });
  // Replace the preselected role with the one asked about.
  await roles.click();
  await page.keyboard.press('Backspace');
  await page.getByRole('option', { name: role, exact: true }).click();
  await page.keyboard.press('Escape');
  const eventSelect = page.getByRole('combobox', { name: 'Event' });
  await eventSelect.click();
  await page.getByRole('option', { name: event, exact: true }).click();
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
}

/**
 * Notification settings end to end: the admin turns the "resolved" e-mail to requesters off in
 * the level-1 matrix and the explanation view says level 1 now refuses it; an agent opts out of
 * "assigned to me" e-mails in their own settings and the admin's explanation says level 3
 * decided. Everything is put back at the end so later specs see the seeded rules.
 */
test('admin matrix, explanation, and a personal opt-out', async ({ browser }) => {
  // Three people and a 200-cell matrix: slower than most specs on a busy 2-core machine.
  test.setTimeout(240_000);
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  const rulesBefore = await listAllRules(admin.request);
  try {
    await walkThrough(browser, admin);
  } finally {
    await restoreRules(admin.request, rulesBefore);
  }
});

async function walkThrough(browser: Browser, admin: Page): Promise<void> {
  await admin.getByRole('link', { name: 'Notifications' }).click();
  await expect(admin).toHaveURL(/\/admin\/notifications/);
  const resolved = 'Resolved, awaiting confirmation, Requester, E-mail';
  await expect(admin.getByRole('button', { name: new RegExp(`^${resolved}: On`) })).toBeVisible({ timeout: 30_000 });
  await expect(
    admin.getByRole('button', { name: 'SLA breached, Owner, E-mail: On, users may not override' }),
  ).toBeVisible();
  await shot(admin, 'notify-matrix');

  await setCell(admin, resolved, /: Off$/, 'Do not send');
  // A business process of its own inherits the default process faintly.
  await admin.getByRole('combobox', { name: 'Business process' }).click();
  await admin.getByRole('option', { name: 'Incident' }).click();
  await expect(admin.getByRole('button', { name: `${resolved}: not set here, inherited: off` })).toBeVisible();
  // Incidents of its own: "assigned to me" is not e-mailed (undone at the end).
  const assignedCell = 'Assigned to me, Owner, E-mail';
  await setCell(admin, assignedCell, /: Off/, 'Do not send');
  await shot(admin, 'notify-matrix-incident');

  await admin.getByRole('tab', { name: 'Explain a decision' }).click();
  await explain(admin, 'Alice Carter', 'Requester', 'Resolved, awaiting confirmation');
  const verdict = admin.getByTestId('explain-verdict');
  await expect(verdict).toContainText('No, this person would not be notified');
  await expect(verdict).toContainText('Decided on level 1');
  await expect(admin.getByRole('table', { name: 'Every setting considered' })).toContainText(
    'This setting decides: do not send.',
  );
  await shot(admin, 'notify-explain-level1');

  // The agent opts out of "assigned to me" by e-mail.
  const agent = await loginAs(browser, 'operator@frontdesk.example');
  await agent.getByRole('button', { name: 'User menu' }).click();
  await agent.getByRole('menuitem', { name: 'Notification settings' }).click();
  await expect(agent).toHaveURL(/\/settings\/notifications/);
  const assigned = agent.getByRole('switch', { name: 'Assigned to me, E-mail (Owner)' });
  await expect(assigned).toBeChecked();
  await expect(agent.getByText('Default: on, set by the default process').first()).toBeVisible();
  await expect(agent.getByRole('switch', { name: 'SLA breached, E-mail (Owner)' })).toBeDisabled();
  // Narrowed to incidents, the page shows what the Incident process says.
  await agent.getByRole('combobox', { name: 'Ticket type' }).click();
  await agent.getByRole('option', { name: 'Incident' }).click();
  await expect(assigned).not.toBeChecked();
  await expect(agent.getByText('Default: off, set by the process “Incident”').first()).toBeVisible();
  await settle(agent);
  await shot(agent, 'notify-personal-agent-incident');
  await agent.getByRole('combobox', { name: 'Ticket type' }).click();
  await agent.getByRole('option', { name: 'Any type' }).click();
  await expect(assigned).toBeChecked();
  // The switch has no visible label (its row and column say what it is), so its track takes the click; it turns off once the server has saved.
  await assigned.click({ force: true });
  await expect(agent.getByText('Your notification settings are saved.')).toBeVisible();
  await expect(assigned).not.toBeChecked();
  await settle(agent);
  await shot(agent, 'notify-personal-agent');

  await admin.reload();
  await explain(admin, 'Oscar Operator', 'Owner', 'Assigned to me');
  await expect(verdict).toContainText('No, this person would not be notified');
  await expect(verdict).toContainText('Decided on level 3');
  await expect(verdict).toContainText("the person's own choice");
  await shot(admin, 'notify-explain-level3');

  // A portal customer has the same page with their own roles.
  const customer = await loginAs(browser, 'customer@acme.example');
  await customer.goto('/settings/notifications');
  await expect(customer.getByRole('heading', { name: 'As Requester' })).toBeVisible();
  await expect(customer.getByRole('heading', { name: 'As Owner' })).toHaveCount(0);
  await shot(customer, 'notify-personal-customer');
  const olena = await loginAs(browser, 'olena@acme.example', 'uk-UA');
  await olena.getByRole('button', { name: /меню/i }).click();
  await olena.getByRole('menuitem', { name: 'Налаштування сповіщень' }).click();
  await expect(olena.getByRole('heading', { name: 'Роль: Заявник' })).toBeVisible();
  await shot(olena, 'notify-personal-customer-uk');

  // Put everything back.
  await agent.getByRole('button', { name: 'Back to the default: Assigned to me, E-mail (Owner)' }).click();
  await expect(assigned).toBeChecked();
  await admin.getByRole('tab', { name: 'Settings matrix' }).click();
  await setCell(admin, resolved, /: On$/, 'Send');
  await admin.getByRole('combobox', { name: 'Business process' }).click();
  await admin.getByRole('option', { name: 'Incident' }).click();
  await setCell(admin, assignedCell, /not set here/, 'Not set here (inherit)');
}
