import type { Actor } from '../../authz/policy.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import { visibleTicketsWhere } from '../tickets/tickets.policy.ts';

type Executor = Db['kysely'] | Trx;

/** The reader's notifications on tickets they can still see (a lost grant hides them), newest first. */
function inboxQuery(db: Executor, actor: Actor, unreadOnly: boolean) {
  let query = db
    .selectFrom('notifications')
    .innerJoin('tickets', 'tickets.id', 'notifications.ticket_id')
    .where('notifications.user_id', '=', actor.id);
  if (unreadOnly) query = query.where('notifications.read_at', 'is', null);
  const visible = visibleTicketsWhere(actor);
  return visible ? query.where(visible) : query;
}

export interface InboxRow {
  id: number;
  event: string;
  ticket_id: number;
  ticket_number: number;
  ticket_subject: string;
  ticket_type: string;
  ticket_status: string;
  actor_name: string | null;
  params: string;
  created_at: string;
  read_at: string | null;
}

/** One page of the inbox: at most `limit` rows with ids below `before`. */
export async function listInbox(
  db: Executor,
  actor: Actor,
  options: { unreadOnly: boolean; limit: number; before: number | null },
): Promise<InboxRow[]> {
  let query = inboxQuery(db, actor, options.unreadOnly)
    .leftJoin('users as actors', 'actors.id', 'notifications.actor_id')
    .select([
      'notifications.id',
      'notifications.event',
      'tickets.id as ticket_id',
      'tickets.number as ticket_number',
      'tickets.subject as ticket_subject',
      'tickets.type as ticket_type',
      'tickets.status as ticket_status',
      'actors.name as actor_name',
      'notifications.params',
      'notifications.created_at',
      'notifications.read_at',
    ]);
  if (options.before !== null) query = query.where('notifications.id', '<', options.before);
  return query.orderBy('notifications.id', 'desc').limit(options.limit).execute();
}

/** Unread notifications the reader can still see. */
export async function countUnread(db: Executor, actor: Actor): Promise<number> {
  const row = await inboxQuery(db, actor, true)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The owner of a notification, or undefined when there is none with that id. */
export async function findNotificationOwner(db: Executor, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('notifications').select('user_id').where('id', '=', id).executeTakeFirst();
  return row?.user_id;
}

/** Marks one notification read (once: a later call keeps the first time). */
export async function markRead(db: Executor, userId: number, id: number, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllRead(db: Executor, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
