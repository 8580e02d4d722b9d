import type { AppContext } from '../../context.ts';
import { fileReceiptGroup } from './intake-group.ts';
import { pollAllAccounts } from './mail-poll.service.ts';
import { deliverOutbound } from './outbound.send.ts';
import { SEND_MAIL_JOB } from './outbound.service.ts';
import { removeExpiredRawMail } from './raw-retention.service.ts';
import { receiptsToParse } from './receipts.repo.ts';
import { PROCESS_RECEIPT_JOB } from './receipts.service.ts';
import { sendReceivedMail } from './received-mail.ts';

/**
 * The mail channel's background work: filing stored mail, composing customer mail after ticket
 * changes commit, delivering it, polling IMAP accounts, and removing old raw mail.
 */
export function registerMailJobs(ctx: AppContext, pollEveryMs: number): void {
  ctx.worker.beforeBatch(PROCESS_RECEIPT_JOB, async (payloads) => {
    const ids = payloads.map((p) => (p as { receiptId: number }).receiptId);
    const rows = await receiptsToParse(ctx.db.kysely, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    ctx.mailParsing.parseAhead(ids.flatMap((id) => byId.get(id) ?? []));
  });
  ctx.worker.onBatch(PROCESS_RECEIPT_JOB, (jobs) => fileReceiptGroup(ctx, jobs));
  ctx.worker.on(SEND_MAIL_JOB, async (payload) => deliverOutbound(ctx, (payload as { outboundId: number }).outboundId));

  ctx.worker.on('ticket.created', async (payload) => sendReceivedMail(ctx, (payload as { ticketId: number }).ticketId));

  // The requester's reply / resolved / closed mails follow the notification cascade now
  // (notifications/delivery.service.ts), so a person's opt-out stops exactly that mail.

  if (pollEveryMs > 0) {
    ctx.worker.every({
      name: 'mail.poll',
      everyMs: pollEveryMs,
      run: async () => {
        await pollAllAccounts(ctx);
      },
    });
  }

  if (ctx.config.mailRawRetentionDays > 0) {
    ctx.worker.every({
      name: 'mail.raw-retention',
      everyMs: 600_000,
      run: async (now) => {
        const removed = await removeExpiredRawMail(ctx, now);
        if (removed > 0) ctx.log.info({ removed }, 'removed raw inbound mail past its retention');
      },
    });
  }
}
