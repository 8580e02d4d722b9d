import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** The people following a ticket, by name. */
export async function listWatchers(db: Executor, ticketId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('ticket_watchers')
    .innerJoin('users', 'users.id', 'ticket_watchers.user_id')
    .select(['users.id', 'users.name'])
    .where('ticket_watchers.ticket_id', '=', ticketId)
    .orderBy('users.name')
    .execute();
}

/** Whether a person follows a ticket. */
export async function isWatching(db: Executor, ticketId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_watchers')
    .select('user_id')
    .where('ticket_id', '=', ticketId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds a watcher; returns false when they already followed the ticket. */
export async function addWatcher(trx: Executor, ticketId: number, userId: number, at: string): Promise<boolean> {
  const row = await trx
    .insertInto('ticket_watchers')
    .values({ ticket_id: ticketId, user_id: userId, created_at: at })
    .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes a watcher; returns false when they did not follow the ticket. */
export async function removeWatcher(trx: Executor, ticketId: number, userId: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('ticket_watchers')
    .where('ticket_id', '=', ticketId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Removes a CC address from a ticket; returns false when it was not there. */
export async function removeTicketCc(trx: Executor, ticketId: number, email: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('ticket_cc')
    .where('ticket_id', '=', ticketId)
    .where('email', '=', email)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
