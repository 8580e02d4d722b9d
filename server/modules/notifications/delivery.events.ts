import type { NotificationEvent } from '../../../common/notifications.ts';
import { isAgent } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { htmlToText } from '../../platform/html.ts';
import { loadActor } from '../auth/actor.ts';
import type { TicketTemplate } from '../mail/outbound.service.ts';
import { receivedMailKey } from '../mail/received-mail.ts';
import { findMessageById } from '../tickets/messages.repo.ts';
import type { TicketRow } from '../tickets/tickets.repo.ts';
import { agentNames } from './delivery.repo.ts';

/** Domain events (outbox types) that may notify someone. */
export const NOTIFYING_DOMAIN_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.escalated',
  'ticket.sla_warning',
  'ticket.sla_breached',
  'ticket.vendor_deadline_near',
] as const;
export type NotifyingDomainEvent = (typeof NOTIFYING_DOMAIN_EVENTS)[number];

/**
 * One catalogue event a domain event stands for. A domain event may stand for several (a status
 * change to "resolved" is both `ticket.resolved` and `ticket.status_changed`); they are listed most
 * specific first, and a person gets at most one notification per channel for the domain event.
 */
export interface Occurrence {
  event: NotificationEvent;
  /** The target status (status changes only). */
  statusTo: string | null;
  /** Only these people are candidates (the new owner, the mentioned agents); null = everyone by role. */
  onlyUsers: number[] | null;
  /** Mentioned people count as watchers of the ticket for this event (ADR 0019). */
  asWatchers: boolean;
  /** Internal content: only people who may read internal notes. */
  internal: boolean;
  /** The customer mail the requester gets instead of the generic notification mail. */
  customerMail: { template: TicketTemplate; dedupeKey: string; messageId?: number } | null;
  /** The text of the message behind a reply, note or mention, quoted in the notification e-mail. */
  messageText: string | null;
}

/** How much of a message a notification e-mail quotes; the ticket link has the rest. */
const QUOTED_TEXT_LIMIT = 4000;

/** A message as the notification e-mail quotes it: plain text (no relative image links), cut at a limit. */
function quotedText(bodyHtml: string): string | null {
  const text = htmlToText(bodyHtml).trim();
  if (text === '') return null;
  return text.length > QUOTED_TEXT_LIMIT ? `${text.slice(0, QUOTED_TEXT_LIMIT).trimEnd()} …` : text;
}

const occurrence = (event: NotificationEvent, extra: Partial<Occurrence> = {}): Occurrence => ({
  event,
  statusTo: null,
  onlyUsers: null,
  asWatchers: false,
  internal: false,
  customerMail: null,
  messageText: null,
  ...extra,
});

/** Agents named as `@Full Name` or `@localpart` in a note, longest names first so "@Ann Lee" beats "@Ann". */
export async function mentionedAgents(ctx: AppContext, html: string): Promise<number[]> {
  const text = htmlToText(html).toLowerCase();
  if (!text.includes('@')) return [];
  const found = new Set<number>();
  for (const agent of await agentNames(ctx.db.kysely)) {
    const handles = [agent.name.toLowerCase(), agent.email.split('@')[0].toLowerCase()];
    for (const handle of handles) {
      const at = text.indexOf(`@${handle}`);
      if (at < 0) continue;
      const next = text.charAt(at + handle.length + 1);
      // The handle must end there: "@ann" must not match "@anna".
      if (next === '' || !/[\p{L}\p{N}_.-]/u.test(next)) found.add(agent.id);
    }
  }
  return [...found];
}

async function messageOccurrences(
  ctx: AppContext,
  ticket: TicketRow,
  payload: { actorId: number; messageId: number; visibility: string; kind: string },
): Promise<Occurrence[]> {
  const message = await findMessageById(ctx.db.kysely, payload.messageId);
  if (!message) return [];
  const messageText = quotedText(message.body_html);
  if (payload.visibility !== 'public') {
    const mentioned = await mentionedAgents(ctx, message.body_html);
    return [
      ...(mentioned.length > 0
        ? [occurrence('ticket.mention', { onlyUsers: mentioned, asWatchers: true, internal: true, messageText })]
        : []),
      occurrence('ticket.note_added', { internal: true, messageText }),
    ];
  }
  const author = await loadActor(ctx.db, payload.actorId);
  if (!author || !isAgent(author)) return [occurrence('ticket.customer_replied', { messageText })];
  if (payload.kind !== 'reply') return [];
  // The solution posted by a resolve travels in the "resolved" notification; do not send it twice.
  const resolving =
    ctx.workflow.current().category(ticket.status) === 'resolved' && message.created_at === ticket.resolved_at;
  if (resolving) return [];
  return [
    occurrence('ticket.agent_replied', {
      customerMail: { template: 'reply', dedupeKey: `reply:m${message.id}`, messageId: message.id },
      messageText,
    }),
  ];
}

function statusOccurrences(
  ctx: AppContext,
  ticket: TicketRow,
  payload: { actorId: number | null; from: string; to: string },
): Occurrence[] {
  // A stale event (the ticket moved on since) notifies nobody: the later change will.
  if (ticket.status !== payload.to) return [];
  const workflow = ctx.workflow.current();
  const from = workflow.category(payload.from);
  const to = workflow.category(payload.to);
  const byRequester = payload.actorId !== null && payload.actorId === ticket.requester_id;
  const out: Occurrence[] = [];
  if (to === 'resolved') {
    const dedupeKey = `resolved:t${ticket.id}:${ticket.resolved_at}`;
    out.push(occurrence('ticket.resolved', { customerMail: { template: 'resolved', dedupeKey } }));
  }
  if (from === 'resolved' && byRequester)
    out.push(occurrence(to === 'closed' ? 'ticket.confirmed' : 'ticket.rejected'));
  if (to === 'closed') {
    // The requester who closes their own ticket needs no mail about it (even with notifyActor on).
    const customerMail = byRequester
      ? null
      : { template: 'closed' as const, dedupeKey: `closed:t${ticket.id}:${ticket.closed_at}` };
    out.push(occurrence('ticket.closed', { customerMail }));
  }
  out.push(occurrence('ticket.status_changed', { statusTo: payload.to }));
  return out;
}

/** The catalogue events one domain event stands for, most specific first. */
export async function occurrencesOf(
  ctx: AppContext,
  type: NotifyingDomainEvent,
  payload: Record<string, unknown>,
  ticket: TicketRow,
): Promise<Occurrence[]> {
  switch (type) {
    case 'ticket.created':
      // The requester's mail for a new ticket is the "received" acknowledgement (same dedupe key as
      // the mail intake and mail.jobs use), never a second, generic notification.
      return [
        occurrence('ticket.created', {
          customerMail:
            ticket.channel === 'monitoring' ? null : { template: 'received', dedupeKey: receivedMailKey(ticket.id) },
        }),
      ];
    case 'ticket.updated': {
      const fields = (payload.fields as string[] | undefined) ?? [];
      const out: Occurrence[] = [];
      if (fields.includes('ownerId') && ticket.owner_id !== null) {
        out.push(occurrence('ticket.assigned_to_me', { onlyUsers: [ticket.owner_id] }));
      }
      if (fields.includes('groupId') && ticket.group_id !== null) out.push(occurrence('ticket.assigned_to_group'));
      return out;
    }
    case 'ticket.status_changed':
      return statusOccurrences(ctx, ticket, payload as { actorId: number | null; from: string; to: string });
    case 'ticket.message_added':
      return messageOccurrences(
        ctx,
        ticket,
        payload as { actorId: number; messageId: number; visibility: string; kind: string },
      );
    case 'ticket.escalated':
      return [occurrence(payload.vendorId ? 'ticket.escalated_vendor' : 'ticket.escalated')];
    case 'ticket.sla_warning':
    case 'ticket.sla_breached':
    case 'ticket.vendor_deadline_near':
      return [occurrence(type)];
  }
}
