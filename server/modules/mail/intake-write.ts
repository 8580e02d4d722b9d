import type { AppContext, Trx } from '../../context.ts';
import { emit } from '../../platform/events.ts';
import { findMessageById, insertAttachment, insertMessage, updateMessageBodies } from '../tickets/messages.repo.ts';
import { updateTicketRow } from '../tickets/tickets.repo.ts';
import type { ChannelWriteOptions } from '../tickets/write-options.ts';
import { linkInlineImages, type MailContent } from './intake-content.ts';
import type { ParsedMail } from './mail.model.ts';
import { finishReceipt } from './receipts.repo.ts';
import { addTicketCc, linkTickets, rememberThreadIds } from './threads.repo.ts';

/** Thrown inside the filing transaction when another run already filed the receipt: roll back, do nothing. */
export class AlreadyFiled extends Error {}

/** Attachment bytes already in content-addressed storage, waiting for their rows. */
export interface StoredPart {
  sha256: string;
  filename: string;
  contentType: string;
  contentId: string | null;
  size: number;
}

/** Puts every attachment into storage before the transaction (idempotent: addressed by hash). */
export async function storeParts(ctx: AppContext, content: MailContent): Promise<StoredPart[]> {
  const parts: StoredPart[] = [];
  for (const a of content.attachments) {
    parts.push({
      sha256: await ctx.storage.put(a.content),
      filename: a.filename.slice(0, 255) || 'attachment',
      contentType: a.contentType.slice(0, 255) || 'application/octet-stream',
      contentId: a.contentId ? a.contentId.toLowerCase() : null,
      size: a.content.length,
    });
  }
  return parts;
}

export interface FilingPlan {
  receiptId: number;
  outcome: string;
  parsed: ParsedMail;
  parts: StoredPart[];
  uploaderId: number;
  at: string;
  /** Addresses to add to the ticket's CC list. */
  cc: string[];
  /** Link the (new) ticket to this one, with the reason. */
  linkTo?: { ticketId: number; reason: string };
}

/**
 * The work that commits together with the ticket write: the receipt is finished (exactly once),
 * the Message-ID joins the thread, CCs, attachments (with inline images linked) and links.
 */
export function filingHook(plan: FilingPlan): NonNullable<ChannelWriteOptions['afterWrite']> {
  return async (trx, { ticketId, messageId }) => {
    const filed = await finishReceipt(trx, plan.receiptId, {
      status: 'processed',
      outcome: plan.outcome,
      ticket_id: ticketId,
      processed_at: plan.at,
      error: null,
      from_address: plan.parsed.from?.address ?? null,
      subject: plan.parsed.subject.slice(0, 500),
    });
    if (!filed) throw new AlreadyFiled();
    if (plan.parsed.messageId) await rememberThreadIds(trx, ticketId, [plan.parsed.messageId], 'in', plan.at);
    await addTicketCc(trx, ticketId, plan.cc, plan.at);
    if (plan.linkTo) await linkTickets(trx, ticketId, plan.linkTo.ticketId, plan.linkTo.reason, plan.at);
    if (messageId !== null && plan.parts.length > 0) await attachParts(trx, plan, ticketId, messageId);
  };
}

async function attachParts(trx: Trx, plan: FilingPlan, ticketId: number, messageId: number): Promise<void> {
  const byContentId = new Map<string, number>();
  for (const part of plan.parts) {
    const row = await insertAttachment(trx, {
      ticket_id: ticketId,
      message_id: messageId,
      uploader_id: plan.uploaderId,
      filename: part.filename,
      content_type: part.contentType,
      size: part.size,
      sha256: part.sha256,
      created_at: plan.at,
    });
    if (part.contentId) byContentId.set(part.contentId, row.id);
  }
  if (byContentId.size === 0) return;
  const message = (await findMessageById(trx, messageId))!;
  await updateMessageBodies(trx, messageId, {
    body_html: linkInlineImages(message.body_html, byContentId),
    quoted_html: message.quoted_html === null ? null : linkInlineImages(message.quoted_html, byContentId),
  });
}

/**
 * A mail with the ticket's tag from someone not on the ticket, kept as an internal note flagged
 * "unverified sender" (when the setting says so). Written here because the sender, a customer,
 * may not write notes: the note is the channel's record, not the sender's action.
 */
export async function addUnverifiedNote(
  ctx: AppContext,
  ticketId: number,
  authorId: number,
  content: MailContent,
  plan: FilingPlan,
): Promise<void> {
  const hook = filingHook(plan);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const messageId = await insertMessage(trx, {
      ticket_id: ticketId,
      author_id: authorId,
      kind: 'email',
      visibility: 'internal',
      body_html: content.bodyHtml,
      body_text: content.visibleText,
      created_at: plan.at,
      quoted_html: content.quotedHtml,
      sender_email: plan.parsed.from?.address ?? null,
      receipt_id: plan.receiptId,
      unverified_sender: 1,
    });
    await updateTicketRow(trx, ticketId, { updated_at: plan.at });
    await emit(trx, plan.at, {
      type: 'ticket.message_added',
      payload: { ticketId, actorId: authorId, messageId, visibility: 'internal', kind: 'email' },
    });
    await hook(trx, { ticketId, messageId });
  });
  ctx.worker.nudge();
}
