import { type Actor, isAgent } from '../../authz/policy.ts';
import type { AppContext, Trx } from '../../context.ts';
import { readOncePerGroup } from '../../db/group-transaction.ts';
import { loadActor } from '../auth/actor.ts';
import type { RuleIndex } from '../notifications/cascade.model.ts';
import { resolveNotification } from '../notifications/cascade.ts';
import { currentRuleIndex, ruleIndexVia } from '../notifications/delivery.rules.ts';
import { findTicketById, type TicketRow } from '../tickets/tickets.repo.ts';
import { findOutboundIdByDedupeKey } from './outbound.repo.ts';
import { composeTicketMail, draftTicketMail, queueMail, ticketForMail } from './outbound.service.ts';

/**
 * Whether the requester of a new ticket gets the automatic "we received your request" mail with
 * its number. The one place that decides: never for monitoring tickets, nor for agents opening
 * tickets for themselves; for customers the notification cascade (`ticket.created` → requester
 * → e-mail, on by default) decides, so a customer's or a service's opt-out stops it.
 */
export function wantsReceivedMail(requester: Actor | null, ticket: TicketRow, rules: RuleIndex): requester is Actor {
  if (requester === null || ticket.channel === 'monitoring' || isAgent(requester)) return false;
  return resolveNotification(rules, {
    event: 'ticket.created',
    ticket: { type: ticket.type, serviceId: ticket.service_id, categoryId: ticket.category_id, statusTo: null },
    recipient: { userId: requester.id, roles: ['requester'] },
    channel: 'email',
  }).send;
}

/** The dedupe key of a ticket's "received" mail: whoever queues it first, it exists once. */
export function receivedMailKey(ticketId: number): string {
  return `received:t${ticketId}`;
}

/**
 * Queues the "received" mail in the transaction that filed a mail as a new ticket, so the
 * acknowledgement commits with the ticket (no second transaction, no event round trip).
 */
export async function queueReceivedMail(
  ctx: AppContext,
  trx: Trx,
  ticketId: number,
  requester: Actor,
  at: string,
  autoLimitPerHour: number,
): Promise<void> {
  const ticket = await findTicketById(trx, ticketId);
  if (!ticket) return;
  // Read inside the filing transaction (the outer connection is busy on SQLite), once per group:
  // the memo is keyed by the group's query builder, not by `trx` (a new object per savepoint).
  const rules = await readOncePerGroup(ctx.db.kysely, 'notification-rules', () => ruleIndexVia(trx, ctx.db));
  if (!wantsReceivedMail(requester, ticket, rules)) return;
  const draft = await draftTicketMail(trx, 'received', ticket, requester, ctx.config.publicUrl, {
    dedupeKey: receivedMailKey(ticket.id),
  });
  if (draft) await queueMail(ctx, trx, draft, at, autoLimitPerHour);
}

/**
 * The "received" mail after `ticket.created` for tickets opened other than by mail (portal,
 * phone, API); nothing when the mail intake already queued it with the ticket.
 */
export async function sendReceivedMail(ctx: AppContext, ticketId: number): Promise<void> {
  if ((await findOutboundIdByDedupeKey(ctx.db.kysely, receivedMailKey(ticketId))) !== undefined) return;
  const ticket = await ticketForMail(ctx, ticketId);
  if (!ticket) return;
  const requester = await loadActor(ctx.db, ticket.requester_id);
  if (!wantsReceivedMail(requester, ticket, await currentRuleIndex(ctx.db))) return;
  await composeTicketMail(ctx, 'received', ticket, { dedupeKey: receivedMailKey(ticket.id) });
}
