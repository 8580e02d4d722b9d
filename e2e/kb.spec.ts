import { expect, type Page } from '@playwright/test';
import { attemptTag, loginAs, shot, test } from './helpers.ts';

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/me')).json()).csrfToken;
}

/**
 * Knowledge base end to end: a manager writes and publishes an article in the editor and looks
 * at the diff of two versions; a customer typing a new request sees it suggested and opens it (a
 * deflection is recorded); an operator inserts a canned response with `::` in a reply.
 */
test('an article is written, suggested to a customer, and a canned response is inserted with ::', async ({
  browser,
}) => {
  // This attempt's own article and response: a retry runs on the same server (and a module-level
  // name would be the same for every test of one worker).
  const tag = attemptTag();
  const TITLE = `Printer shows error E-204 ${tag}`;
  const canned = `offline-${tag}`;
  // 1. The manager writes, publishes and revises an article.
  const manager = await loginAs(browser, 'manager@frontdesk.example');
  await manager.goto('/agent/kb');
  await manager.getByRole('button', { name: 'New article' }).click();
  await manager.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
  const editor = manager.getByTestId('kb-body-editor');
  await editor.click();
  await editor.pressSequentially('Open the front cover and remove the jammed paper.');
  await manager.getByRole('combobox', { name: 'Who can read it' }).click();
  await manager.getByRole('option', { name: 'Public' }).click();
  await manager.getByRole('button', { name: 'Create draft' }).click();
  await expect(manager).toHaveURL(/\/agent\/kb\/\d+$/);
  const articleId = Number(manager.url().split('/').pop());
  await expect(manager.getByText('Draft', { exact: true })).toBeVisible();
  await manager.getByRole('button', { name: 'Publish' }).click();
  await expect(manager.getByText('Published', { exact: true }).first()).toBeVisible();
  await editor.click();
  await editor.press('End');
  await editor.pressSequentially(' Then restart the printer.');
  await manager.getByRole('button', { name: 'Save English text' }).click();
  await expect(manager.getByText('Version 2')).toBeVisible();
  await shot(manager, '60-kb-editor');
  await manager.getByRole('checkbox', { name: /Version 2/ }).check();
  await manager.getByRole('checkbox', { name: /Version 1/ }).check();
  await manager.getByRole('button', { name: 'Compare' }).click();
  const diff = manager.getByRole('dialog', { name: 'Changes between versions' });
  await expect(diff.locator('ins')).toContainText('Then restart the printer.');
  await shot(manager, '61-kb-version-diff');
  await diff.getByRole('button').first().click();
  await manager.getByRole('link', { name: 'Back to articles' }).click();
  await expect(manager.getByRole('link', { name: TITLE })).toBeVisible();
  await shot(manager, '59-kb-list');

  // A visitor without an account finds the public article in the help centre.
  const visitor = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await visitor.goto('/help');
  await visitor.getByRole('link', { name: TITLE }).click();
  await expect(visitor.getByTestId('kb-article-title')).toHaveText(TITLE);
  await shot(visitor, '67-kb-public-help');

  // 2. The customer types a problem, sees the article suggested, and opens it.
  const customer = await loginAs(browser, 'customer@acme.example');
  await customer.goto('/portal/new');
  await customer.getByRole('textbox', { name: /^Subject/ }).fill('My printer shows error E-204');
  const suggestions = customer.getByTestId('kb-suggestions');
  await expect(suggestions).toContainText(TITLE);
  await shot(customer, '62-kb-suggestions');
  await suggestions.getByRole('button', { name: TITLE }).click();
  await expect(customer.getByTestId('kb-suggested-body')).toContainText('remove the jammed paper');
  await shot(customer, '63-kb-suggested-article');
  await expect
    .poll(async () => {
      const report = await (await manager.request.get('/api/v1/kb/reports/deflections')).json();
      return report.articles.find((a: { articleId: number }) => a.articleId === articleId)?.opened ?? 0;
    })
    .toBe(1);

  // The portal's help articles: the customers-only Wi-Fi article is there, the staff runbook is not.
  await customer.goto('/portal/kb');
  await expect(customer.getByRole('link', { name: 'Connecting to the office Wi-Fi' })).toBeVisible();
  await expect(customer.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(customer.getByText('Resetting a VPN token')).toHaveCount(0);
  await shot(customer, '63b-kb-portal-list');

  // The portal article page with "was this helpful?".
  await customer.goto(`/portal/kb/${articleId}`);
  await expect(customer.getByTestId('kb-article-title')).toHaveText(TITLE);
  await customer.getByRole('button', { name: 'Yes' }).click();
  await expect(customer.getByTestId('kb-feedback-thanks')).toBeVisible();
  await shot(customer, '64-kb-portal-article');

  // 3. The operator saves a canned response and inserts it into a reply with ::.
  const ticketRes = await customer.request.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': await csrf(customer) },
    data: { subject: 'Scanner is offline', body: 'The scanner on floor 2 is offline.' },
  });
  expect(ticketRes.status()).toBe(201);
  const ticket = await ticketRes.json();
  const operator = await loginAs(browser, 'operator@frontdesk.example');
  await operator.goto('/agent/canned');
  await operator.getByRole('button', { name: 'New response' }).click();
  const dialog = operator.getByRole('dialog', { name: 'New response' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(canned);
  await dialog
    .getByRole('textbox', { name: /^Text/ })
    .fill('Hello {{customer.name}}, thank you for ticket #{{ticket.number}}.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(operator.getByText(`::${canned}`)).toBeVisible();
  await shot(operator, '65-canned-responses');

  await operator.goto(`/agent/tickets/${ticket.id}`);
  const reply = operator.getByRole('textbox', { name: 'Message to the customer' });
  await reply.click();
  await reply.pressSequentially('::offl');
  await expect(operator.getByTestId('canned-picker')).toContainText(`::${canned}`);
  await shot(operator, '66-canned-picker');
  // The rest of the name leaves only this attempt's response in the list.
  await reply.pressSequentially(canned.slice('offl'.length));
  const picked = operator.getByTestId('canned-picker').getByRole('option');
  await expect(picked).toHaveCount(1);
  await expect(picked).toContainText(`::${canned}`);
  await reply.press('Enter');
  await expect(reply).toHaveValue(`Hello Alice Carter, thank you for ticket #${ticket.number}.`);

  // The manager's self-service figures: the opened suggestion was followed by the customer's request.
  await manager.goto('/agent/kb');
  const stats = manager.getByTestId('kb-deflection-stats');
  await expect(stats).toContainText('suggestions opened');
  await expect(stats.getByRole('link', { name: TITLE })).toBeVisible();
  await shot(manager, '68-kb-deflection-stats');
});
