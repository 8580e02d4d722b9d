import { type Actor, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadActor } from '../auth/actor.ts';
import { isDeliverableAddress } from '../mail/mail-sender.ts';
import { addTicketCc, ccOfTicket } from '../mail/threads.repo.ts';
import { loadVisibleTicket } from '../tickets/ticket-load.ts';
import { canReadTicket } from '../tickets/tickets.policy.ts';
import type { TicketRow } from '../tickets/tickets.repo.ts';
import { addWatcher, isWatching, listWatchers, removeTicketCc, removeWatcher } from './watchers.repo.ts';

/** At most this many CC addresses on one ticket: a guard against using a ticket as a mailing list. */
export const MAX_CC_PER_TICKET = 20;

export interface FollowersView {
  following: boolean;
  watchers: { id: number; name: string }[];
  cc: string[];
  canManageWatchers: boolean;
  canManageCc: boolean;
}

/** Agents and the requester manage CC addresses; the requester's colleagues only follow. */
const mayManageCc = (actor: Actor, ticket: TicketRow) => isAgent(actor) || ticket.requester_id === actor.id;

async function view(ctx: AppContext, actor: Actor, ticket: TicketRow): Promise<FollowersView> {
  const db = ctx.db.kysely;
  const agent = isAgent(actor);
  const canManageCc = mayManageCc(actor, ticket);
  return {
    following: await isWatching(db, ticket.id, actor.id),
    watchers: agent ? await listWatchers(db, ticket.id) : [],
    cc: canManageCc ? await ccOfTicket(db, ticket.id) : [],
    canManageWatchers: agent,
    canManageCc,
  };
}

/** Who follows a ticket and its CC addresses, as far as the caller may know. */
export async function getFollowers(ctx: AppContext, actor: Actor, ticketId: number): Promise<FollowersView> {
  return view(ctx, actor, await loadVisibleTicket(ctx, actor, ticketId));
}

/** The person a follow/unfollow is about: the caller, or another agent when an agent asks. */
async function watcherTarget(ctx: AppContext, actor: Actor, ticket: TicketRow, userId: number | undefined) {
  if (userId === undefined || userId === actor.id) return actor;
  if (!isAgent(actor)) throw forbidden('Only agents may change who else follows a ticket');
  const target = await loadActor(ctx.db, userId);
  if (!target || !isAgent(target) || !canReadTicket(target, ticket)) {
    throw badRequest('userId must be an active agent who can see this ticket', ['userId']);
  }
  return target;
}

/** Starts following a ticket (the caller, or another agent). Idempotent. */
export async function follow(
  ctx: AppContext,
  actor: Actor,
  ticketId: number,
  userId: number | undefined,
): Promise<FollowersView> {
  const ticket = await loadVisibleTicket(ctx, actor, ticketId);
  const target = await watcherTarget(ctx, actor, ticket, userId);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await addWatcher(trx, ticket.id, target.id, at))) return;
    const after = { ticketId: ticket.id, userId: target.id };
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'watcher.add',
      before: null,
      after,
      at,
    });
  });
  return view(ctx, actor, ticket);
}

/** Stops following a ticket (the caller, or another agent). Idempotent. */
export async function unfollow(
  ctx: AppContext,
  actor: Actor,
  ticketId: number,
  userId: number | undefined,
): Promise<FollowersView> {
  const ticket = await loadVisibleTicket(ctx, actor, ticketId);
  if (userId !== undefined && userId !== actor.id && !isAgent(actor)) {
    throw forbidden('Only agents may change who else follows a ticket');
  }
  const targetId = userId ?? actor.id;
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await removeWatcher(trx, ticket.id, targetId))) return;
    const before = { ticketId: ticket.id, userId: targetId };
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'watcher.remove',
      before,
      after: null,
      at,
    });
  });
  return view(ctx, actor, ticket);
}

/** Adds a customer CC address: they receive the requester's mails (replies, resolution). */
export async function addCc(ctx: AppContext, actor: Actor, ticketId: number, email: string): Promise<FollowersView> {
  const ticket = await loadVisibleTicket(ctx, actor, ticketId);
  if (!mayManageCc(actor, ticket)) throw forbidden('Only agents and the requester manage CC addresses');
  const address = email.trim().toLowerCase();
  if (!isDeliverableAddress(address)) throw badRequest('email is not a deliverable address', ['email']);
  const existing = await ccOfTicket(ctx.db.kysely, ticket.id);
  if (existing.includes(address)) return view(ctx, actor, ticket);
  if (existing.length >= MAX_CC_PER_TICKET) {
    throw badRequest(`email: a ticket has at most ${MAX_CC_PER_TICKET} CC addresses`, ['email']);
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await addTicketCc(trx, ticket.id, [address], at);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'cc.add',
      before: null,
      after: { email: address },
      at,
    });
    await emit(trx, at, {
      type: 'ticket.updated',
      payload: { ticketId: ticket.id, actorId: actor.id, fields: ['cc'] },
    });
  });
  return view(ctx, actor, ticket);
}

/** Removes a CC address. Idempotent. */
export async function removeCc(ctx: AppContext, actor: Actor, ticketId: number, email: string): Promise<FollowersView> {
  const ticket = await loadVisibleTicket(ctx, actor, ticketId);
  if (!mayManageCc(actor, ticket)) throw forbidden('Only agents and the requester manage CC addresses');
  const address = email.trim().toLowerCase();
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await removeTicketCc(trx, ticket.id, address))) return;
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'ticket',
      entityId: ticket.id,
      action: 'cc.remove',
      before: { email: address },
      after: null,
      at,
    });
    await emit(trx, at, {
      type: 'ticket.updated',
      payload: { ticketId: ticket.id, actorId: actor.id, fields: ['cc'] },
    });
  });
  return view(ctx, actor, ticket);
}
