import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { canReadTicket } from './tickets.policy.ts';
import { findTicketById, type TicketRow } from './tickets.repo.ts';

/**
 * Loads a ticket the actor may see. A ticket they may not see is reported exactly like one
 * that does not exist (404), so ids cannot be probed.
 */
export async function loadVisibleTicket(ctx: AppContext, actor: Actor, id: number): Promise<TicketRow> {
  const row = await findTicketById(ctx.db.kysely, id);
  if (!row || !canReadTicket(actor, row)) throw notFound('Ticket');
  return row;
}
