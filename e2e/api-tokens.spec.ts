import { expect } from '@playwright/test';
import { attemptTag, loginAs, shot, test } from './helpers.ts';

/** The date part of an instant as the screens show it in English ("Jun 10, 2026"). */
const shownDate = (at: number) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(at));

/**
 * Scoped API tokens end to end: an admin creates a token that may only read tickets (expiring
 * in 90 days, the default), then an integration (Playwright's request context, no cookies) can
 * list tickets with it but not reply. A token past its expiry is marked and refused.
 */
test('an admin creates a read-only API token that can list tickets but not reply', async ({ browser, request }) => {
  // Names of this attempt: a retry on the same server sees the first attempt's tokens (and their audit entries).
  const tag = attemptTag();
  const name = `Ticket report ${tag}`;
  const oldName = `Old export ${tag}`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(admin).toHaveURL(/\/admin\/tokens$/);
  await expect(admin.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

  await admin.getByRole('button', { name: 'Create token' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await expect(dialog.getByRole('radio', { name: 'In 90 days' })).toBeChecked();
  await expect(dialog.getByTestId('token-expires-on')).toContainText(shownDate(Date.now() + 90 * 86_400_000));
  await expect(dialog.getByRole('radio', { name: /All my permissions/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /Only the permissions I choose/ }).check();
  await dialog.getByRole('checkbox', { name: /Agent desk/ }).check();
  await dialog.getByRole('checkbox', { name: /See all tickets/ }).check();
  // Only the admin's own permissions are offered.
  await expect(dialog.getByRole('checkbox', { name: /^Customer portal/ })).toHaveCount(0);
  await shot(admin, '36-admin-create-api-token');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const token = (await dialog.getByTestId('new-api-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^fd_/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  const row = admin.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('See all tickets')).toBeVisible();
  await expect(row.getByText('Agent desk')).toBeVisible();
  await expect(row.getByRole('cell').nth(5)).toContainText(shownDate(Date.now() + 90 * 86_400_000));
  await expect(row.getByText('Expired')).toHaveCount(0);

  // A token made through the API to last a few seconds (room for a busy machine to take the
  // request): it works, and once past its expiry the list marks it and it is refused.
  const { csrfToken } = (await (await admin.request.get('/api/v1/me')).json()) as { csrfToken: string };
  const made = await admin.request.post('/api/v1/api-tokens', {
    headers: { 'x-csrf-token': csrfToken },
    data: { name: oldName, expiresAt: new Date(Date.now() + 8_000).toISOString() },
  });
  expect(made.status(), await made.text()).toBe(201);
  const oldToken = ((await made.json()) as { token: string }).token;
  const meWithOldToken = async () =>
    (await request.get('/api/v1/me', { headers: { authorization: `Bearer ${oldToken}` } })).status();
  await expect.poll(meWithOldToken, { timeout: 20_000, intervals: [1_000] }).toBe(401);
  await admin.reload();
  const expired = admin.getByRole('row').filter({ hasText: oldName });
  await expect(expired.getByText('Expired')).toBeVisible();
  await expect(expired).toHaveAttribute('data-expired', 'true');
  await shot(admin, '37-admin-api-tokens');

  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get('/api/v1/tickets', { headers });
  expect(list.status()).toBe(200);
  const ticketId = ((await list.json()) as { items: { id: number }[] }).items[0]?.id;
  expect(ticketId).toBeDefined();
  expect((await request.get(`/api/v1/tickets/${ticketId}`, { headers })).status()).toBe(200);
  const reply = await request.post(`/api/v1/tickets/${ticketId}/messages`, { headers, data: { body: 'Hello' } });
  expect(reply.status()).toBe(403);

  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get('/api/v1/tickets', { headers })).status()).toBe(401);

  // Creating and revoking are in the audit log, with who did it (never the secret).
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Audit log' }).click();
  const revoked = admin.getByTestId('audit-row').filter({ hasText: name }).filter({ hasText: 'Revoked' });
  await expect(revoked).toContainText('API token');
  await expect(revoked).toContainText('Adam Admin');
  await revoked.click();
  await expect(admin.getByTestId('audit-changes')).toContainText('Revoked at');
  await expect(admin.getByText(token)).toHaveCount(0);
});

/**
 * Self-service: an engineer (no token administration) opens "My API tokens" from the user menu,
 * creates a token for a script limited to reading their group's tickets, uses it, revokes it.
 */
test('an engineer creates their own scoped API token from the user menu and uses it', async ({ browser, request }) => {
  const name = `Queue script ${attemptTag()}`;
  const engineer = await loginAs(browser, 'engineer@frontdesk.example');
  await engineer.getByRole('button', { name: 'User menu' }).click();
  await engineer.getByRole('menuitem', { name: 'My API tokens' }).click();
  await expect(engineer).toHaveURL(/\/settings\/api-tokens$/);
  await expect(engineer.getByRole('heading', { level: 1, name: 'My API tokens' })).toBeVisible();

  await engineer.getByRole('button', { name: 'Create token' }).click();
  const dialog = engineer.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('radio', { name: 'Never' }).check();
  await expect(dialog.getByTestId('token-expires-on')).toHaveCount(0);
  await dialog.getByRole('radio', { name: /Only the permissions I choose/ }).check();
  await dialog.getByRole('checkbox', { name: /Agent desk/ }).check();
  await dialog.getByRole('checkbox', { name: /See the group's tickets/ }).check();
  // Only the engineer's own permissions are offered: nothing from administration.
  await expect(dialog.getByRole('checkbox', { name: /See all tickets/ })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: /Administration area/ })).toHaveCount(0);
  await shot(engineer, '99-my-api-token-create');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const token = (await dialog.getByTestId('new-api-token').textContent())?.trim() ?? '';
  expect(token).toMatch(/^fd_/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  const row = engineer.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Agent desk')).toBeVisible();
  // Own tokens have no "acts as" column: name, permissions, created, last used, expires.
  await expect(row.getByRole('cell').nth(4)).toHaveText('Never');
  await shot(engineer, '100-my-api-tokens');

  const headers = { authorization: `Bearer ${token}` };
  const me = await request.get('/api/v1/me', { headers });
  expect(me.status()).toBe(200);
  const body = (await me.json()) as { user: { email: string }; permissions: string[] };
  expect(body.user.email).toBe('engineer@frontdesk.example');
  expect(body.permissions.sort()).toEqual(['menu.agent', 'ticket.read.group']);
  expect((await request.get('/api/v1/tickets', { headers })).status()).toBe(200);
  // The token cannot reach token management, not even the engineer's own.
  expect((await request.get('/api/v1/me/api-tokens', { headers })).status()).toBe(403);

  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await engineer.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get('/api/v1/me', { headers })).status()).toBe(401);
});
