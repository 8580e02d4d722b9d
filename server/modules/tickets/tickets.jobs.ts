import { fieldAccess, isFieldName } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { autoCloseResolvedTickets } from './ticket-transition.service.ts';
import { canReadInternal, canReadTicket } from './tickets.policy.ts';
import { findTicketById } from './tickets.repo.ts';

const TICKET_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.escalated',
  'ticket.sla_warning',
  'ticket.sla_breached',
  'ticket.vendor_deadline_near',
  'ticket.vendor_deadline_passed',
] as const;

type TicketEventPayload = { ticketId: number; visibility?: string; fields?: string[] };

/** What a ticket event changed, as far as deciding who is told about it live. */
function changeScope(
  type: (typeof TICKET_EVENTS)[number],
  payload: TicketEventPayload,
): { ticketId: number; internal?: boolean; fields?: string[] } {
  const ticketId = payload.ticketId;
  switch (type) {
    case 'ticket.message_added':
      return payload.visibility === 'public' ? { ticketId } : { ticketId, internal: true };
    case 'ticket.updated':
      return payload.fields?.length ? { ticketId, fields: payload.fields } : { ticketId };
    case 'ticket.escalated':
      return { ticketId, fields: ['groupId', 'ownerId', 'vendor'] };
    case 'ticket.sla_warning':
    case 'ticket.sla_breached':
      return { ticketId, fields: ['sla'] };
    case 'ticket.vendor_deadline_near':
    case 'ticket.vendor_deadline_passed':
      return { ticketId, fields: ['vendor'] };
    default:
      return { ticketId };
  }
}

/** Background reactions of the tickets capability: live pushes and the auto-close schedule. */
export function registerTicketJobs(ctx: AppContext, autoCloseEveryMs: number): void {
  ctx.realtime.setAudience(async (message) => {
    if (message.type === 'notification.created') return (actor) => actor.id === message.userId;
    const ticket = await findTicketById(ctx.db.kysely, message.ticketId);
    if (!ticket) return () => false;
    const context = { type: ticket.type, status: ticket.status };
    // Even an id-only push tells that something happened: not for a note or a hidden field.
    const readsAnyField = (actor: Actor) =>
      message.fields === undefined ||
      message.fields.some((field) => !isFieldName(field) || fieldAccess(actor, field, context) !== 'hidden');
    return (actor) =>
      canReadTicket(actor, ticket) && (!message.internal || canReadInternal(actor)) && readsAnyField(actor);
  });
  for (const type of TICKET_EVENTS) {
    ctx.worker.on(type, async (payload) => {
      await ctx.realtime.publish({ type: 'ticket.changed', ...changeScope(type, payload as TicketEventPayload) });
    });
  }
  ctx.worker.every({
    name: 'tickets.auto-close',
    everyMs: autoCloseEveryMs,
    run: async (now) => {
      const closed = await autoCloseResolvedTickets(ctx, now);
      if (closed > 0) ctx.log.info({ closed }, 'auto-closed resolved tickets');
    },
  });
  ctx.worker.every({ name: 'outbox.prune', everyMs: 3_600_000, run: () => ctx.worker.prune() });
}
