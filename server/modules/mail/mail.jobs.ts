import { isAgent } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { loadActor } from '../auth/actor.ts';
import { findMessageById } from '../tickets/messages.repo.ts';
import { fileReceiptGroup } from './intake-group.ts';
import { pollAllAccounts } from './mail-poll.service.ts';
import { deliverOutbound } from './outbound.send.ts';
import { composeTicketMail, SEND_MAIL_JOB, ticketForMail } from './outbound.service.ts';
import { receiptsToParse } from './receipts.repo.ts';
import { PROCESS_RECEIPT_JOB } from './receipts.service.ts';
import { sendReceivedMail } from './received-mail.ts';

/**
 * The mail channel's background work: filing stored mail, composing customer mail after ticket
 * changes commit, delivering it, and polling IMAP accounts.
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

  ctx.worker.on('ticket.message_added', async (payload) => {
    const { ticketId, actorId, messageId, visibility, kind } = payload as {
      ticketId: number;
      actorId: number;
      messageId: number;
      visibility: string;
      kind: string;
    };
    if (visibility !== 'public' || kind !== 'reply') return;
    const ticket = await ticketForMail(ctx, ticketId);
    if (!ticket || ticket.requester_id === actorId) return;
    const author = await loadActor(ctx.db, actorId);
    if (!author || !isAgent(author)) return;
    const workflow = ctx.workflow.current();
    const message = await findMessageById(ctx.db.kysely, messageId);
    // The solution posted by a resolve travels in the "resolved" mail; do not send it twice.
    if (workflow.category(ticket.status) === 'resolved' && message?.created_at === ticket.resolved_at) return;
    await composeTicketMail(ctx, 'reply', ticket, { dedupeKey: `reply:m${messageId}`, messageId });
  });

  ctx.worker.on('ticket.status_changed', async (payload) => {
    const { ticketId, actorId, to } = payload as { ticketId: number; actorId: number | null; to: string };
    const ticket = await ticketForMail(ctx, ticketId);
    if (!ticket || ticket.status !== to) return;
    const category = ctx.workflow.current().category(to);
    if (category === 'resolved') {
      await composeTicketMail(ctx, 'resolved', ticket, { dedupeKey: `resolved:t${ticket.id}:${ticket.resolved_at}` });
    } else if (category === 'closed' && actorId !== ticket.requester_id) {
      await composeTicketMail(ctx, 'closed', ticket, { dedupeKey: `closed:t${ticket.id}:${ticket.closed_at}` });
    }
  });

  if (pollEveryMs > 0) {
    ctx.worker.every({
      name: 'mail.poll',
      everyMs: pollEveryMs,
      run: async () => {
        await pollAllAccounts(ctx);
      },
    });
  }
}
