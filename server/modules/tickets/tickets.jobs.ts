import type { AppContext } from '../../context.ts';
import { autoCloseResolvedTickets } from './ticket-transition.service.ts';
import { canReadTicket } from './tickets.policy.ts';
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

/** Background reactions of the tickets capability: live pushes and the auto-close schedule. */
export function registerTicketJobs(ctx: AppContext, autoCloseEveryMs: number): void {
  ctx.realtime.setAudience(async (message) => {
    if (message.type === 'notification.created') return (actor) => actor.id === message.userId;
    const ticket = await findTicketById(ctx.db.kysely, message.ticketId);
    return (actor) => ticket !== undefined && canReadTicket(actor, ticket);
  });
  for (const type of TICKET_EVENTS) {
    ctx.worker.on(type, async (payload) => {
      const { ticketId } = payload as { ticketId: number };
      await ctx.realtime.publish({ type: 'ticket.changed', ticketId });
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
