import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import { type Actor, can } from '../../authz/policy.ts';
import type { Database } from '../../db/schema.ts';

/** The columns the ticket rules look at. */
export interface TicketScopeFields {
  requester_id: number;
  owner_id: number | null;
  group_id: number | null;
  organization_id: number | null;
}

/** May the actor see this ticket at all? (Pairs with `visibleTicketsWhere`.) */
export function canReadTicket(actor: Actor, ticket: TicketScopeFields): boolean {
  if (can(actor, 'ticket.read.all')) return true;
  if (can(actor, 'ticket.read.own') && ticket.requester_id === actor.id) return true;
  if (
    can(actor, 'ticket.read.organization') &&
    actor.organizationSharesTickets &&
    actor.organizationId !== null &&
    ticket.organization_id === actor.organizationId
  ) {
    return true;
  }
  if (can(actor, 'ticket.read.group')) {
    if (ticket.owner_id === actor.id) return true;
    if (ticket.group_id !== null && actor.groupIds.includes(ticket.group_id)) return true;
  }
  return false;
}

/**
 * The list scope of `canReadTicket` as SQL, so lists, counts and single reads share one rule.
 * Returns null when the actor sees every ticket.
 */
export function visibleTicketsWhere(
  actor: Actor,
): ((eb: ExpressionBuilder<Database, 'tickets'>) => ExpressionWrapper<Database, 'tickets', SqlBool>) | null {
  if (can(actor, 'ticket.read.all')) return null;
  return (eb) => {
    const ors: ExpressionWrapper<Database, 'tickets', SqlBool>[] = [];
    if (can(actor, 'ticket.read.own')) ors.push(eb('tickets.requester_id', '=', actor.id));
    if (can(actor, 'ticket.read.organization') && actor.organizationSharesTickets && actor.organizationId !== null) {
      ors.push(eb('tickets.organization_id', '=', actor.organizationId));
    }
    if (can(actor, 'ticket.read.group')) {
      ors.push(eb('tickets.owner_id', '=', actor.id));
      if (actor.groupIds.length > 0) ors.push(eb('tickets.group_id', 'in', actor.groupIds));
    }
    // No grant at all: a condition that is never true.
    if (ors.length === 0) return eb('tickets.id', '<', 0);
    return eb.or(ors);
  };
}

/** May the actor see internal notes on tickets they can read? */
export function canReadInternal(actor: Actor): boolean {
  return can(actor, 'ticket.note.read');
}
