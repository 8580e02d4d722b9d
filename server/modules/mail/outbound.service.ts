import { randomUUID } from 'node:crypto';
import { fieldAccess } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext, Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import { emit } from '../../platform/events.ts';
import { bodyToHtml } from '../../platform/html.ts';
import { loadActor } from '../auth/actor.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { findMessageById, listAttachmentsOfMessages } from '../tickets/messages.repo.ts';
import { findTicketById, type TicketRow } from '../tickets/tickets.repo.ts';
import { isDeliverableAddress } from './mail-sender.ts';
import { type MailBodyParts, renderMail, taggedSubject } from './outbound.compose.ts';
import { countAutomaticSince, insertOutboundOnce } from './outbound.repo.ts';
import { fill, textsFor } from './outbound.texts.ts';
import { bouncingAmong, ccOfTicket, rememberThreadIds, threadIdsOfTicket } from './threads.repo.ts';

type Executor = Db['kysely'] | Trx;

/** Mails about a ticket that go to its requester (and CCs where it makes sense). */
export type TicketTemplate = 'received' | 'reply' | 'resolved' | 'closed';

/** Job type that delivers one outgoing mail. */
export const SEND_MAIL_JOB = 'mail.send' as const;

/** The address part of MAIL_FROM, lower-cased. */
export function fromAddress(mailFrom: string): string {
  return (/<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim().toLowerCase();
}

/** A new Message-ID of ours: unique, and naming the ticket for people reading raw headers. */
function newMessageId(ctx: AppContext, ticketNumber: number | null): string {
  const domain = fromAddress(ctx.config.mailFrom).split('@')[1] || 'frontdesk.localhost';
  return `fd.${ticketNumber ?? 'x'}.${randomUUID()}@${domain}`;
}

export interface OutboundDraft {
  ticketId: number | null;
  ticketMessageId: number | null;
  ticketNumber: number | null;
  dedupeKey: string;
  template: string;
  to: string;
  cc: string[];
  subject: string;
  html: string;
  text: string;
  attachmentIds: number[];
  automatic: boolean;
}

/**
 * Queues a composed mail in the caller's transaction: the row, its Message-ID in the ticket's
 * thread, and the delivery job. The loop guard suppresses automatic mail to an address that got
 * too many in the last hour, or that bounces. Idempotent by the draft's dedupe key.
 */
export async function queueMail(
  ctx: AppContext,
  trx: Trx,
  draft: OutboundDraft,
  at: string,
  autoLimitPerHour: number,
): Promise<number | null> {
  const thread = draft.ticketId === null ? [] : await threadIdsOfTicket(trx, draft.ticketId);
  const messageId = newMessageId(ctx, draft.ticketNumber);
  let status = 'queued';
  let lastError: string | null = null;
  if (draft.automatic) {
    const limit = autoLimitPerHour;
    const hourAgo = new Date(new Date(at).getTime() - 3_600_000).toISOString();
    if ((await countAutomaticSince(trx, draft.to, hourAgo)) >= limit) {
      [status, lastError] = ['suppressed', `loop guard: ${limit} automatic mails to this address in the last hour`];
    } else if ((await bouncingAmong(trx, [draft.to])).length > 0) {
      [status, lastError] = ['suppressed', 'the address bounces'];
    }
  }
  const id = await insertOutboundOnce(trx, {
    ticket_id: draft.ticketId,
    ticket_message_id: draft.ticketMessageId,
    dedupe_key: draft.dedupeKey,
    template: draft.template,
    to_address: draft.to,
    cc: JSON.stringify(draft.cc),
    subject: draft.subject,
    message_id: messageId,
    in_reply_to: thread.at(-1) ?? null,
    thread_references: thread.length > 0 ? thread.join(' ') : null,
    body_html: draft.html,
    body_text: draft.text,
    attachment_ids: JSON.stringify(draft.attachmentIds),
    automatic: draft.automatic ? 1 : 0,
    status,
    attempts: 0,
    last_error: lastError,
    created_at: at,
    sent_at: null,
  });
  if (id === null) return null;
  if (draft.ticketId !== null) await rememberThreadIds(trx, draft.ticketId, [messageId], 'out', at);
  if (status === 'queued') await emit(trx, at, { type: SEND_MAIL_JOB, payload: { outboundId: id } });
  return id;
}

/** What a ticket mail needs besides the ticket: the dedupe key, and the message a reply carries. */
export interface TicketMailOptions {
  dedupeKey: string;
  messageId?: number;
}

/**
 * Composes a mail about a ticket to its requester, in their language, or null when there is
 * nothing to send (undeliverable address, a reply that is not public). Fields the requester may
 * not read (field rules) never appear: no subject, no solution when hidden. Reads through `db`
 * (the caller's transaction when it holds one).
 */
export async function draftTicketMail(
  db: Executor,
  template: TicketTemplate,
  ticket: TicketRow,
  requester: Actor,
  publicUrl: string,
  options: TicketMailOptions,
): Promise<OutboundDraft | null> {
  if (!isDeliverableAddress(requester.email)) return null;
  const texts = textsFor(requester.locale);
  const context = { type: ticket.type, status: ticket.status };
  const subjectVisible = fieldAccess(requester, 'subject', context) !== 'hidden';
  const values = { number: ticket.number, subject: subjectVisible ? ticket.subject : `#${ticket.number}`, name: '' };
  const link = { href: `${publicUrl}/portal/tickets/${ticket.id}`, label: texts.viewOnline };
  const parts: MailBodyParts = {
    texts,
    recipientName: requester.name,
    intro: [],
    outro: [],
    link,
    footer: [texts.replyHint],
  };
  let subject = '';
  let attachmentIds: number[] = [];
  if (template === 'received') {
    subject = fill(texts.receivedSubject, values);
    parts.intro = [fill(texts.receivedBody, values)];
  } else if (template === 'reply') {
    const message = options.messageId === undefined ? undefined : await findMessageById(db, options.messageId);
    if (message?.visibility !== 'public') return null;
    subject = fill(texts.replySubject, values);
    parts.html = message.body_html;
    attachmentIds = (await listAttachmentsOfMessages(db, [message.id])).map((f) => f.id);
  } else if (template === 'resolved') {
    subject = fill(texts.resolvedSubject, values);
    parts.intro = [fill(texts.resolvedBody, values)];
    if (ticket.solution && fieldAccess(requester, 'solution', context) !== 'hidden') {
      parts.htmlLabel = texts.solutionLabel;
      parts.html = bodyToHtml(ticket.solution);
    }
    parts.outro = [texts.resolvedConfirm];
  } else {
    subject = fill(texts.closedSubject, values);
    parts.intro = [fill(texts.closedBody, values)];
  }
  const { html, text } = renderMail(parts);
  const cc = template === 'reply' || template === 'resolved' ? await ccOfTicket(db, ticket.id) : [];
  return {
    ticketId: ticket.id,
    ticketMessageId: options.messageId ?? null,
    ticketNumber: ticket.number,
    dedupeKey: options.dedupeKey,
    template,
    to: requester.email,
    cc: cc.filter((a) => a !== requester.email && isDeliverableAddress(a)),
    subject: taggedSubject(ticket.number, subject),
    html,
    text,
    attachmentIds,
    automatic: template !== 'reply',
  };
}

/** Composes and queues a mail about a ticket to its requester, in a transaction of its own. */
export async function composeTicketMail(
  ctx: AppContext,
  template: TicketTemplate,
  ticket: TicketRow,
  options: TicketMailOptions,
): Promise<void> {
  const requester = await loadActor(ctx.db, ticket.requester_id);
  if (!requester) return;
  const draft = await draftTicketMail(ctx.db.kysely, template, ticket, requester, ctx.config.publicUrl, options);
  if (!draft) return;
  const at = ctx.clock.now().toISOString();
  // Read before the transaction: SQLite has one connection, and the transaction holds it.
  const limit = (await readSettings(ctx.db)).mailAutoRepliesPerHour;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await queueMail(ctx, trx, draft, at, limit);
  });
  ctx.worker.nudge();
}

/** Loads a ticket for a mail event; null when it is gone. */
export async function ticketForMail(ctx: AppContext, ticketId: number): Promise<TicketRow | null> {
  return (await findTicketById(ctx.db.kysely, ticketId)) ?? null;
}
