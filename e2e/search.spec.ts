import { expect } from '@playwright/test';
import { loginAs, shot, test } from './helpers.ts';

/**
 * Search end to end on the demo data: an agent searches from the header, sees ranked results
 * with the matches highlighted (in Chinese too), filters, and opens a ticket; a customer's
 * portal search finds only their own requests.
 */
test('an agent searches from the header, sees highlighted results and opens one', async ({ browser }) => {
  const agent = await loginAs(browser, 'operator@frontdesk.example');
  const box = agent.getByRole('banner').getByRole('searchbox', { name: 'Search' });
  await box.fill('打印');
  await box.press('Enter');
  await expect(agent).toHaveURL(/\/agent\/search\?q=/);
  const results = agent.getByRole('list', { name: 'Search results' });
  const chinese = results.getByTestId('search-result').filter({ hasText: '打印机无法连接' });
  await expect(chinese).toBeVisible();
  await expect(chinese.locator('mark').first()).toHaveText('打印');

  await box.fill('printer blank');
  await box.press('Enter');
  const first = results.getByTestId('search-result').first();
  await expect(first).toContainText('Printer on the 3rd floor prints blank pages');
  await expect(
    first
      .locator('mark')
      .filter({ hasText: /^printer$/i })
      .first(),
  ).toBeVisible();
  await expect(first.locator('mark').filter({ hasText: 'blank' }).first()).toBeVisible();
  await shot(agent, 'search-results');

  // A filter that excludes it, then back.
  await agent.getByRole('textbox', { name: 'Created to' }).fill('2000-01-01');
  await expect(agent.getByText('Nothing found')).toBeVisible();
  await agent.getByRole('textbox', { name: 'Created to' }).fill('');
  await expect(first).toBeVisible();

  await first.getByRole('link').click();
  await expect(agent).toHaveURL(/\/agent\/tickets\/\d+$/);
  await expect(agent.getByRole('heading', { name: /Printer on the 3rd floor/ })).toBeVisible();

  // Customers tab: people by name or address.
  await box.fill('wei@acme.example');
  await box.press('Enter');
  await agent.getByRole('tab', { name: 'Customers' }).click();
  await expect(results.getByTestId('search-result')).toHaveCount(1);
});

test('a customer searches their own requests in the portal', async ({ browser }) => {
  // Wei works in Chinese: the portal follows his language.
  const customer = await loginAs(browser, 'wei@acme.example');
  const box = customer.getByRole('banner').getByRole('searchbox', { name: '搜索' });
  await box.fill('打印机');
  await box.press('Enter');
  await expect(customer).toHaveURL(/\/portal\/search\?q=/);
  const result = customer.getByTestId('search-result').filter({ hasText: '打印机无法连接' });
  await expect(result).toBeVisible();
  // Someone else's printer ticket is not theirs to find.
  await box.fill('printer');
  await box.press('Enter');
  await expect(customer.getByText('未找到任何结果')).toBeVisible();
  await shot(customer, 'search-portal');
});
