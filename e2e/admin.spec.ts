import { expect } from '@playwright/test';
import { attemptTag, loginAs, shot, test } from './helpers.ts';

test('an admin creates an engineer who can then sign in to the agent desk', async ({ browser }) => {
  // Unique per attempt: a retry on the same server meets the user the first attempt created.
  const email = `nadia-${attemptTag()}@frontdesk.example`;
  const admin = await loginAs(browser, 'admin@frontdesk.example');
  await expect(admin).toHaveURL(/\/admin\/users/);
  await expect(admin.getByRole('cell', { name: 'operator@frontdesk.example' })).toBeVisible();
  await shot(admin, '20-admin-users');
  await admin.getByRole('button', { name: 'Create user' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Nadia New');
  await dialog.getByLabel('E-mail').fill(email);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await admin.getByRole('option', { name: 'Engineer (second line)' }).click();
  await dialog.getByLabel('Initial password').fill('nadia-password');
  await shot(admin, '21-admin-create-user');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByRole('cell', { name: email })).toBeVisible();

  const nadia = await loginAs(browser, email, 'en-US', 'nadia-password');
  await expect(nadia).toHaveURL(/\/agent/);
});
