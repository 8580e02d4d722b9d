import type { Insertable, Updateable } from 'kysely';
import type { MessageKind } from '../../../common/domain.ts';
import { type Actor, authorize, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import type { TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { bodyToHtml, htmlToText } from '../../platform/html.ts';
import { policyCacheFor, refreshSla } from '../sla/sla.service.ts';
import {
  findMessageById,
  insertMessage,
  linkAttachments,
  listAttachmentsOfMessages,
  listMessages,
  type MessageRow,
} from './messages.repo.ts';
import { loadVisibleTicket } from './ticket-load.ts';
import { canReadInternal } from './tickets.policy.ts';
import { findTicketById, insertHistory, updateTicketRow } from './tickets.repo.ts';
import type { ChannelWriteOptions } from './write-options.ts';

export interface MessageView {
  id: number;
  ticketId: number;
  kind: string;
  visibility: string;
  body: string;
  authorId: number;
  author: { id: number; name: string };
  createdAt: string;
  attachments: { id: number; filename: string; contentType: string; size: number }[];
  quoted: string | null;
  senderEmail: string | null;
  unverifiedSender: boolean;
}

export interface NewMessageInput {
  body: string;
  kind?: Exclude<MessageKind, 'email'>;
  attachmentIds?: number[];
}

const KIND_RULES = {
  reply: { permission: 'ticket.reply', visibility: 'public' },
  note: { permission: 'ticket.note.write', visibility: 'internal' },
  phone: { permission: 'ticket.phone.write', visibility: 'public' },
} as const;

async function presentMessages(ctx: AppContext, rows: MessageRow[]): Promise<MessageView[]> {
  const attachments = await listAttachmentsOfMessages(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind,
    visibility: r.visibility,
    body: r.body_html,
    authorId: r.author_id,
    author: { id: r.author_id, name: r.author_name },
    createdAt: r.created_at,
    attachments: attachments
      .filter((a) => a.message_id === r.id)
      .map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size })),
    quoted: r.quoted_html,
    senderEmail: r.sender_email,
    unverifiedSender: r.unverified_sender === 1,
  }));
}

/** The conversation as this actor may see it: customers never get internal notes. */
export async function listTicketMessages(ctx: AppContext, actor: Actor, ticketId: number): Promise<MessageView[]> {
  await loadVisibleTicket(ctx, actor, ticketId);
  return presentMessages(ctx, await listMessages(ctx.db.kysely, ticketId, canReadInternal(actor)));
}

/**
 * Adds a public reply, an internal note or a phone entry. A customer's reply to a ticket
 * waiting for them puts it back to work; an agent's first public answer records the first
 * response time.
 */
export async function addTicketMessage(
  ctx: AppContext,
  actor: Actor,
  ticketId: number,
  input: NewMessageInput,
  options: ChannelWriteOptions = {},
): Promise<MessageView> {
  const row = options.verifiedParticipant
    ? await findTicketById(ctx.db.kysely, ticketId)
    : await loadVisibleTicket(ctx, actor, ticketId);
  if (!row) throw notFound('Ticket');
  const kind = input.kind ?? 'reply';
  const rule = KIND_RULES[kind];
  authorize(actor, rule.permission);
  const agent = isAgent(actor);
  if (!agent && ctx.workflow.current().isFinal(row.status)) {
    throw conflict('ticket_closed', 'This ticket is closed; please open a new one', ['body']);
  }
  const bodyHtml = bodyToHtml(input.body);
  const bodyText = htmlToText(bodyHtml);
  if (!bodyText && !bodyHtml.includes('<img')) throw badRequest('Message is empty', ['body']);

  const at = ctx.clock.now().toISOString();
  const resumes = !agent && row.requester_id === actor.id && row.status === 'waiting_customer';
  const values: Updateable<TicketTable> = { updated_at: at };
  if (resumes) values.status = 'in_progress';
  if (agent && rule.visibility === 'public' && row.first_response_at === null) values.first_response_at = at;

  const messageId = await inTransaction(ctx, async (trx) => {
    const id = await insertMessage(trx, {
      ticket_id: ticketId,
      author_id: actor.id,
      kind: options.messageKind ?? kind,
      visibility: rule.visibility,
      body_html: bodyHtml,
      body_text: bodyText,
      created_at: at,
      ...options.extras,
    });
    const wanted = [...new Set(input.attachmentIds ?? [])];
    if ((await linkAttachments(trx, wanted, actor.id, ticketId, id)) !== wanted.length) {
      throw badRequest('Some attachments are unknown or already used', ['attachmentIds']);
    }
    if ((await updateTicketRow(trx, ticketId, values, row.status)) === 0) {
      throw conflict('conflict', 'The ticket changed meanwhile; reload and try again');
    }
    if (resumes) {
      const history: Insertable<TicketHistoryTable> = {
        ticket_id: ticketId,
        actor_id: actor.id,
        field: 'status',
        old_value: row.status,
        new_value: 'in_progress',
        created_at: at,
      };
      await insertHistory(trx, [history]);
      await emit(trx, at, {
        type: 'ticket.status_changed',
        payload: { ticketId, actorId: actor.id, from: row.status, to: 'in_progress' },
      });
    }
    if (resumes || values.first_response_at) {
      await refreshSla(trx, [ticketId], new Date(at), {
        pausing: ctx.workflow.current().pausingStatuses(),
        cache: policyCacheFor(ctx.db),
      });
    }
    await emit(trx, at, {
      type: 'ticket.message_added',
      payload: { ticketId, actorId: actor.id, messageId: id, visibility: rule.visibility, kind },
    });
    await options.afterWrite?.(trx, { ticketId, messageId: id });
    return id;
  });
  const [view] = await presentMessages(ctx, [(await findMessageById(ctx.db.kysely, messageId))!]);
  return view;
}
