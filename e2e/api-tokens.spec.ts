import { expect, test } from '@playwright/test';
import { loginAs, shot } from './helpers.ts';

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
