import { expect } from '@playwright/test';
import { loginAs, shot, smtpListenerTransport, startMailbox, test } from './helpers.ts';

/**
 * The e-mail round trip: a customer's mail opens a ticket, the agent answers in the UI, the
 * answer reaches the customer's mailbox tagged with the ticket number, and the customer's
 * reply threads back onto the same ticket, its quoted history folded away.
 */
test('a mail becomes a ticket, the agent reply reaches the mailbox, the answer threads back', async ({ browser }) => {
  const mailbox = startMailbox();
  try {
    const customer = `mail-${Date.now()}@customer.example`;
    const send = smtpListenerTransport();
    await send.sendMail({
      from: `Maria Popescu <${customer}>`,
      to: 'support@frontdesk.example',
      subject: 'Scanner on floor 2 is offline',
      text: 'The scanner says "network error" since this morning.',
      messageId: `<first-${Date.now()}@customer.example>`,
    });
    const mine = () => mailbox.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes(customer));
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const ack = mine()[0];
    const number = /\[#(\d+)\]/.exec(ack.subject ?? '')?.[1];
    expect(number).toBeDefined();
    const ticketId = /\/portal\/tickets\/(\d+)/.exec(ack.html || ack.text || '')?.[1];
    expect(ticketId).toBeDefined();

    const operator = await loginAs(browser, 'operator@frontdesk.example');
    await operator.goto(`/agent/tickets/${ticketId}`);
    await expect(operator.getByText('The scanner says "network error" since this morning.')).toBeVisible();
    await operator.getByLabel('Message to the customer').fill('Please restart the scanner and tell us if it helps.');
    await operator.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const reply = mine().find((m) => (m.text ?? '').includes('Please restart the scanner'));
    expect(reply?.subject).toBe(`[#${number}] Re: Scanner on floor 2 is offline`);

    await send.sendMail({
      from: customer,
      to: 'support@frontdesk.example',
      subject: `RE: ${reply?.subject}`,
      inReplyTo: reply?.messageId,
      references: [reply?.messageId ?? ''],
      text: 'Restarted it, now it works again.\n\nOn Monday, Frontdesk <support@frontdesk.example> wrote:\n> Please restart the scanner and tell us if it helps.',
    });
    await expect(operator.getByText('Restarted it, now it works again.')).toBeVisible({ timeout: 30_000 });
    const quoted = operator.getByText('> Please restart the scanner', { exact: false });
    await expect(quoted).toBeHidden();
    await operator.getByRole('button', { name: /show quoted text/i }).click();
    await expect(operator.getByText(/wrote:/)).toBeVisible();
    await shot(operator, '60-mail-thread');
    send.close();
  } finally {
    await mailbox.close();
  }
});
