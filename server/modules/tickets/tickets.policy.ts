import type { Expression, ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { FieldName } from '../../../common/domain.ts';
import { type FieldScope, fieldVisibility } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import type { Database } from '../../db/schema.ts';
import type { Workflow } from '../workflow/workflow.model.ts';

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

/**
 * The tickets on which field rules show the actor every one of `fields`, over the workflow's
 * types × statuses: `all`, `none` (one of them is hidden on every ticket), or one scope per field
 * hidden on some tickets only, to be ANDed (`ticketInScopesWhere`). For reads across tickets that
 * must not reveal those fields: list and search filters, and matching a ticket's title in search.
 * Whether a field is shown on a ticket is itself visible to the reader (the card leaves it out),
 * so narrowing to these tickets tells them nothing the card does not.
 */
export function ticketsShowing(
  actor: Actor,
  workflow: Workflow,
  fields: readonly FieldName[],
): 'all' | 'none' | FieldScope[] {
  const types = workflow.types.map((t) => t.key);
  const statuses = workflow.statuses.map((s) => s.key);
  const scopes: FieldScope[] = [];
  for (const field of fields) {
    const visibility = fieldVisibility(actor, field, types, statuses);
    if (visibility === 'none') return 'none';
    if (visibility !== 'all') scopes.push(visibility);
  }
  return scopes.length === 0 ? 'all' : scopes;
}

/**
 * Filters on fields that field rules may hide (`[field, request parameter]` pairs), as the ticket
 * list and search apply them: each matches only the tickets where the actor sees the field
 * (`scopes`, ANDed), so a ticket is never returned because of a value hidden from the reader;
 * `refused` names the parameters of fields hidden on every ticket (a 400 for the caller).
 */
export function filterScopes(
  actor: Actor,
  workflow: Workflow,
  asked: readonly (readonly [FieldName, string])[],
): { scopes: FieldScope[]; refused: string[] } {
  const scopes: FieldScope[] = [];
  const refused: string[] = [];
  for (const [field, param] of asked) {
    const showing = ticketsShowing(actor, workflow, [field]);
    if (showing === 'none') refused.push(param);
    else if (showing !== 'all') scopes.push(...showing);
  }
  return { scopes, refused };
}

/** SQL: the ticket lies in every one of the scopes (one of their types, in a status listed with it). */
export function ticketInScopesWhere(
  eb: ExpressionBuilder<Database, 'tickets'>,
  scopes: readonly FieldScope[],
): Expression<SqlBool> {
  return eb.and(
    scopes.map((scope) =>
      eb.or(
        scope.map((entry) => eb.and([eb('tickets.type', '=', entry.type), eb('tickets.status', 'in', entry.statuses)])),
      ),
    ),
  );
}
