import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError, badRequest, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { findOutbound, listOutbound, type OutboundListRow, updateOutbound } from './outbound.repo.ts';
import { SEND_MAIL_JOB } from './outbound.service.ts';
import {
  countReceiptsByStatus,
  findReceipt,
  findReceiptRaw,
  listReceipts,
  type ReceiptListRow,
} from './receipts.repo.ts';

const PERMISSION = 'admin.mail.manage';

/** A receipt as the admin's inbound log shows it (never the raw bytes). */
export function presentReceipt(r: ReceiptListRow) {
  return {
    id: r.id,
    accountId: r.account_id,
    source: r.source,
    sourceRef: r.source_ref,
    messageId: r.message_id,
    size: r.size,
    status: r.status,
    outcome: r.outcome,
    error: r.error,
    attempts: r.attempts,
    fromAddress: r.from_address,
    subject: r.subject,
    ticketId: r.ticket_id,
    receivedAt: r.received_at,
    processedAt: r.processed_at,
    rawRemovedAt: r.raw_removed_at,
  };
}

/** An outgoing mail as listed (on the ticket and in the dev mailbox). */
export function presentOutbound(r: OutboundListRow) {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    template: r.template,
    to: r.to_address,
    cc: JSON.parse(r.cc) as string[],
    subject: r.subject,
    messageId: r.message_id,
    automatic: r.automatic === 1,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export async function listMailReceipts(
  ctx: AppContext,
  actor: Actor,
  query: { status?: string; before?: number; limit?: number },
) {
  authorize(actor, PERMISSION);
  const rows = await listReceipts(ctx.db.kysely, {
    status: query.status,
    beforeId: query.before,
    limit: query.limit ?? 50,
  });
  return { items: rows.map(presentReceipt), counts: await countReceiptsByStatus(ctx.db.kysely) };
}

export async function getMailReceipt(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, PERMISSION);
  const row = await findReceipt(ctx.db.kysely, id);
  if (!row) throw notFound('Mail receipt');
  return presentReceipt(row);
}

/** The message exactly as received, for download. */
export async function rawMailReceipt(ctx: AppContext, actor: Actor, id: number): Promise<Buffer> {
  authorize(actor, PERMISSION);
  const raw = await findReceiptRaw(ctx.db.kysely, id);
  if (raw) return Buffer.from(raw);
  const receipt = await findReceipt(ctx.db.kysely, id);
  if (!receipt) throw notFound('Mail receipt');
  // The receipt stays in the log after the retention job removed its bytes (MAIL_RAW_RETENTION_DAYS).
  throw new AppError(410, 'raw_not_kept', 'The raw message of this mail is no longer kept');
}

export async function listOutgoingMail(
  ctx: AppContext,
  actor: Actor,
  query: { status?: string; ticketId?: number; before?: number; limit?: number },
) {
  authorize(actor, PERMISSION);
  const rows = await listOutbound(ctx.db.kysely, {
    status: query.status,
    ticketId: query.ticketId,
    beforeId: query.before,
    limit: query.limit ?? 50,
  });
  return rows.map(presentOutbound);
}

export async function getOutgoingMail(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, PERMISSION);
  const row = await findOutbound(ctx.db.kysely, id);
  if (!row) throw notFound('Outgoing mail');
  return {
    ...presentOutbound(row),
    inReplyTo: row.in_reply_to,
    references: row.thread_references ? row.thread_references.split(' ') : [],
    html: row.body_html,
    text: row.body_text,
  };
}

/** How this installation moves mail, for the admin screens (is outgoing mail really sent?). */
export function mailStatus(ctx: AppContext, actor: Actor) {
  authorize(actor, PERMISSION);
  return {
    transport: ctx.mailTransport.kind,
    from: ctx.config.mailFrom,
    smtpListenerPort: ctx.config.smtpListenPort > 0 ? ctx.config.smtpListenPort : null,
    pollSeconds: ctx.config.mailPollSeconds,
  };
}

/** Statuses an admin may send again: delivery gave up, or a guard held the mail back. */
const RESENDABLE = new Set(['failed', 'suppressed', 'bounced']);

/** Queues an outgoing mail again (after fixing SMTP, or a bounce the recipient resolved). */
export async function resendOutgoingMail(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, PERMISSION);
  const row = await findOutbound(ctx.db.kysely, id);
  if (!row) throw notFound('Outgoing mail');
  if (!RESENDABLE.has(row.status))
    throw badRequest('Only failed, suppressed or bounced mail can be sent again', ['id']);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateOutbound(trx, id, { status: 'queued', last_error: null });
    await emit(trx, at, { type: SEND_MAIL_JOB, payload: { outboundId: id } });
  });
}
