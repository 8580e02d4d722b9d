import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { loginAs, shot, startMailbox, test } from './helpers.ts';

/** Calls the API in the page's session (cookie from the context, CSRF token from /me). */
async function api(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: object) {
  const me = await (await page.request.get('/api/v1/me')).json();
  const res = await page.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    ...(data && { data }),
  });
  expect(res.ok(), await res.text()).toBe(true);
  return { me, body: await res.json() };
}

/**
 * The notification centre end to end: a customer replies in the portal; the owner's bell counts
 * it live (no reload), the tab title shows the count, the dropdown links to the ticket, and the
 * owner's notification e-mail reaches the SMTP server; the owner's own opt-out (level 3) stops
 * exactly that e-mail.
 */
test('a customer reply updates the owner’s bell live and mails the owner, unless they opted out', async ({
  browser,
}) => {
  const mailbox = startMailbox();
  try {
    const operator = await loginAs(browser, 'operator@frontdesk.example');
    const customer = await loginAs(browser, 'customer@acme.example');
    const subject = `Badge reader at gate ${Date.now() % 10_000}`;
    const { body: ticket } = await api(customer, 'POST', '/tickets', { subject, body: 'My badge is refused.' });
    const me = await (await operator.request.get('/api/v1/me')).json();
    await api(operator, 'PATCH', `/tickets/${ticket.id}`, { ownerId: me.user.id });
    // Delivery runs after commit: wait for the creation notice (first line), then start from zero.
    await expect
      .poll(async () => {
        const inbox = await (await operator.request.get('/api/v1/notifications?limit=100')).json();
        return inbox.items.some((i: { event: string; ticketId: number }) => i.ticketId === ticket.id);
      })
      .toBe(true);
    await api(operator, 'POST', '/notifications/read-all');

    await operator.goto('/agent');
    const bell = operator.getByTestId('notification-bell');
    await expect(bell).toHaveAttribute('data-unread', '0');

    await customer.goto(`/portal/tickets/${ticket.id}`);
    await customer.getByLabel('Your reply').fill('It still refuses my badge this morning.');
    await customer.getByRole('button', { name: 'Send reply' }).click();
    await expect(customer.getByText('Your reply has been sent')).toBeVisible();

    // Live: the operator's page was not reloaded.
    await expect(bell).toHaveAttribute('data-unread', '1', { timeout: 20_000 });
    await expect(operator).toHaveTitle(/^\(1\) /);
    await bell.click();
    const dropdown = operator.getByTestId('notification-dropdown');
    const line = `Alice Carter replied on ticket #${ticket.number}`;
    await expect(dropdown.getByText(line)).toBeVisible();
    await expect(dropdown.getByText(subject).first()).toBeVisible();
    await shot(operator, '70-notification-bell');

    const toOperator = () =>
      mailbox.received.filter(
        (m) => m.to && 'text' in m.to && m.to.text.includes('operator@frontdesk.example') && m.subject?.includes(line),
      );
    await expect.poll(() => toOperator().length, { timeout: 30_000 }).toBe(1);
    expect(toOperator()[0].subject).toBe(`[#${ticket.number}] ${line}: ${subject}`);

    // Opening the entry marks it read and goes to the ticket.
    await dropdown.getByText(line).click();
    await expect(operator).toHaveURL(new RegExp(`/agent/tickets/${ticket.id}$`));
    await expect(bell).toHaveAttribute('data-unread', '0');
    await expect(operator.getByTestId('followers-panel')).toBeVisible();
    await operator.getByTestId('followers-panel').getByRole('button', { name: 'Follow' }).click();
    await expect(operator.getByTestId('followers-panel').getByText('Oscar Operator')).toBeVisible();
    // The watcher picker offers agents only: the requester is not found, a manager is.
    const watchers = operator.getByTestId('followers-panel');
    const picker = watchers.getByRole('combobox', { name: 'Add an agent' });
    await picker.fill('Carter');
    await expect(operator.getByText('Nothing found')).toBeVisible();
    await picker.fill('Maria');
    await operator.getByRole('option', { name: 'Maria Manager' }).click();
    // The first "Add" is the watcher picker's; the second belongs to the CC address field.
    await watchers.getByRole('button', { name: 'Add', exact: true }).first().click();
    await expect(watchers.getByRole('button', { name: 'Remove Maria Manager' })).toBeVisible();
    await shot(operator, '71-ticket-followers');

    // The requester adds a CC address on the portal page.
    const panel = customer.getByTestId('followers-panel');
    await panel.getByLabel('CC e-mail address').fill('boss@acme.example');
    await panel.getByRole('button', { name: 'Add' }).click();
    await expect(panel.getByText('boss@acme.example')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Follow' })).toBeVisible();
    await shot(customer, '72-portal-followers');

    // A level-3 opt-out stops exactly that mail: the next reply still reaches the bell, not the
    // mailbox; back on the default, the reply after it is mailed again. Mail leaves in outbox
    // order, so once the third reply's mail is in, the second one's would have been too.
    await operator.getByRole('button', { name: 'User menu' }).click();
    await operator.getByRole('menuitem', { name: 'Notification settings' }).click();
    const repliedByMail = operator.getByRole('switch', { name: 'Customer replied, E-mail (Owner)' });
    await expect(repliedByMail).toBeChecked();
    const replyInPortal = async (text: string) => {
      await customer.goto(`/portal/tickets/${ticket.id}`);
      await customer.getByLabel('Your reply').fill(text);
      await customer.getByRole('button', { name: 'Send reply' }).click();
      await expect(customer.getByText('Your reply has been sent')).toBeVisible();
    };
    const repliesInBell = async () => {
      const inbox = await (await operator.request.get('/api/v1/notifications?limit=100')).json();
      return inbox.items.filter(
        (i: { event: string; ticketId: number }) => i.ticketId === ticket.id && i.event === 'ticket.customer_replied',
      ).length;
    };
    try {
      await repliedByMail.click({ force: true });
      await expect(operator.getByText('Your notification settings are saved.')).toBeVisible();
      await expect(repliedByMail).not.toBeChecked();
      await replyInPortal('Second try this afternoon: still refused.');
      await expect.poll(repliesInBell, { timeout: 30_000 }).toBe(2);
      await operator.getByRole('button', { name: 'Back to the default: Customer replied, E-mail (Owner)' }).click();
      await expect(repliedByMail).toBeChecked();
    } finally {
      // Whatever step it stopped at, the operator is back on the default (a no-op when already
      // there): the opt-out is stored on the account, and a retry would start from it.
      await api(operator, 'PUT', '/me/notification-settings', {
        context: { ticketType: null, serviceId: null, categoryId: null, statusTo: null },
        changes: [{ event: 'ticket.customer_replied', recipientRole: 'owner', channel: 'email', enabled: null }],
      });
    }
    // A mail's Date header counts whole seconds: keep the third reply clear of the second's.
    await customer.waitForTimeout(1_500);
    const thirdRepliedAt = Date.now() - 1_000;
    await replyInPortal('Third try: the guard says it is the reader.');
    await expect.poll(repliesInBell, { timeout: 30_000 }).toBe(3);
    await expect
      .poll(() => toOperator().some((m) => (m.date?.getTime() ?? 0) >= thirdRepliedAt), { timeout: 30_000 })
      .toBe(true);
    expect(toOperator()).toHaveLength(2);
  } finally {
    await mailbox.close();
  }
});
