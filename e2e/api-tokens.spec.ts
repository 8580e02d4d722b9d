import { expect } from '@playwright/test';
import { loginAs, shot, test } from './helpers.ts';

/**
 * Scoped API tokens end to end: an admin creates a token that may only read tickets, then an
 * integration (Playwright's request context, no cookies) can list tickets with it but not reply.
 */
test('an admin creates a read-only API token that can list tickets but not reply', async ({ browser, request }) => {
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await admin.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(admin).toHaveURL(/\/admin\/tokens$/);
  await expect(admin.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

  await admin.getByRole('button', { name: 'Create token' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Ticket report');
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

  const row = admin.getByRole('row').filter({ hasText: 'Ticket report' });
  await expect(row.getByText('See all tickets')).toBeVisible();
  await expect(row.getByText('Agent desk')).toBeVisible();
  await shot(admin, '37-admin-api-tokens');

  const headers = { authorization: `Bearer ${token}` };
  const list = await request.get('/api/v1/tickets', { headers });
  expect(list.status()).toBe(200);
  const ticketId = ((await list.json()) as { items: { id: number }[] }).items[0]?.id;
  expect(ticketId).toBeDefined();
  expect((await request.get(`/api/v1/tickets/${ticketId}`, { headers })).status()).toBe(200);
  const reply = await request.post(`/api/v1/tickets/${ticketId}/messages`, { headers, data: { body: 'Hello' } });
  expect(reply.status()).toBe(403);

  await row.getByRole('button', { name: 'Revoke token Ticket report' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get('/api/v1/tickets', { headers })).status()).toBe(401);
});

/**
 * Self-service: an engineer (no token administration) opens "My API tokens" from the user menu,
 * creates a token for a script limited to reading their group's tickets, uses it, revokes it.
 */
test('an engineer creates their own scoped API token from the user menu and uses it', async ({ browser, request }) => {
  const engineer = await loginAs(browser, 'engineer@frontdesk.example');
  await engineer.getByRole('button', { name: 'User menu' }).click();
  await engineer.getByRole('menuitem', { name: 'My API tokens' }).click();
  await expect(engineer).toHaveURL(/\/settings\/api-tokens$/);
  await expect(engineer.getByRole('heading', { level: 1, name: 'My API tokens' })).toBeVisible();

  await engineer.getByRole('button', { name: 'Create token' }).click();
  const dialog = engineer.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Queue script');
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

  const row = engineer.getByRole('row').filter({ hasText: 'Queue script' });
  await expect(row.getByText('Agent desk')).toBeVisible();
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

  await row.getByRole('button', { name: 'Revoke token Queue script' }).click();
  await engineer.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get('/api/v1/me', { headers })).status()).toBe(401);
});
