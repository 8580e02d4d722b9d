import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';
const ARTIFACTS = join(import.meta.dirname, '..', 'e2e-artifacts');

/** Saves a full-page screenshot of a main screen as a test artifact (e2e-artifacts/NAME.png). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Let loaders and notifications settle so the picture shows the finished screen.
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens a fresh browser context (its own cookies) in the given language and logs in. */
export async function loginAs(
  browser: Browser,
  email: string,
  locale = 'en-US',
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await page.goto('/login');
  await page
    .getByLabel(/e-mail|пошта|почта|邮箱|电子邮件/i)
    .first()
    .fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
  return page;
}
