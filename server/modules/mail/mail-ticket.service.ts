import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { loadVisibleTicket } from '../tickets/ticket-load.ts';
import { canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById } from '../tickets/tickets.repo.ts';
import { findUserById } from '../users/users.repo.ts';
import { presentOutbound } from './mail-admin.service.ts';
import { listOutbound } from './outbound.repo.ts';
import { bouncingAmong, ccOfTicket, linksOfTicket } from './threads.repo.ts';

/**
 * The mail side of a ticket for agents: who is copied, which of the ticket's addresses bounce,
 * and every mail sent about it with its delivery state (failures stay visible here).
 */
export async function ticketMailStatus(ctx: AppContext, actor: Actor, ticketId: number) {
  authorize(actor, 'menu.agent');
  const ticket = await loadVisibleTicket(ctx, actor, ticketId);
  const cc = await ccOfTicket(ctx.db.kysely, ticketId);
  const requester = await findUserById(ctx.db, ticket.requester_id);
  const addresses = [...(requester ? [requester.email] : []), ...cc];
  const bouncing = await bouncingAmong(ctx.db.kysely, addresses);
  const deliveries = await listOutbound(ctx.db.kysely, { ticketId, limit: 100 });
  // A mail's subject carries the ticket's: blank where field rules hide it from this agent.
  const subjectVisible = fieldAccess(actor, 'subject', { type: ticket.type, status: ticket.status }) !== 'hidden';
  return {
    cc,
    bouncing: bouncing.map((b) => ({ email: b.email, reason: b.reason, lastBounceAt: b.last_bounce_at })),
    deliveries: deliveries.map((d) => ({ ...presentOutbound(d), ...(!subjectVisible && { subject: '' }) })),
  };
}

/** Tickets linked to this one (follow-ups, mail from unverified senders) that the actor may read. */
export async function ticketLinks(ctx: AppContext, actor: Actor, ticketId: number) {
  await loadVisibleTicket(ctx, actor, ticketId);
  const rows = await linksOfTicket(ctx.db.kysely, ticketId);
  const links = [];
  for (const row of rows) {
    const linked = await findTicketById(ctx.db.kysely, row.linked_ticket_id);
    if (!linked || !canReadTicket(actor, linked)) continue;
    const subjectVisible = fieldAccess(actor, 'subject', { type: linked.type, status: linked.status }) !== 'hidden';
    links.push({
      ticketId: linked.id,
      number: linked.number,
      // Field rules: a subject hidden to the reader is left out, as on the ticket itself.
      subject: subjectVisible ? linked.subject : null,
      status: linked.status,
      kind: row.kind,
    });
  }
  return links;
}
