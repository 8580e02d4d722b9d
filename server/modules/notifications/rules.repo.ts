import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { NotificationRuleTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

export type NotificationRuleRow = Selectable<NotificationRuleTable>;

export interface RuleFilter {
  level?: string;
  event?: string;
  serviceId?: number;
  userId?: number;
}

/** Rules matching every given filter, by level, event, recipient role, channel, id. */
export async function listRuleRows(db: Executor, filter: RuleFilter): Promise<NotificationRuleRow[]> {
  let query = db.selectFrom('notification_rules').selectAll();
  if (filter.level !== undefined) query = query.where('level', '=', filter.level);
  if (filter.event !== undefined) query = query.where('event', '=', filter.event);
  if (filter.serviceId !== undefined) query = query.where('service_id', '=', filter.serviceId);
  if (filter.userId !== undefined) query = query.where('user_id', '=', filter.userId);
  return query.orderBy('level').orderBy('event').orderBy('recipient_role').orderBy('channel').orderBy('id').execute();
}

/** The rules that can take part in one decision: levels 1-2 plus the user's own, for one event and channel. */
export async function listRulesFor(
  db: Executor,
  event: string,
  channel: string,
  userId: number,
): Promise<NotificationRuleRow[]> {
  return db
    .selectFrom('notification_rules')
    .selectAll()
    .where('event', '=', event)
    .where('channel', '=', channel)
    .where((eb) => eb.or([eb('level', '!=', 'user'), eb('user_id', '=', userId)]))
    .orderBy('id')
    .execute();
}

export async function findRule(db: Executor, id: number): Promise<NotificationRuleRow | undefined> {
  return db.selectFrom('notification_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRule(db: Executor, values: Insertable<NotificationRuleTable>): Promise<number> {
  return (await db.insertInto('notification_rules').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRule(db: Executor, id: number, values: Updateable<NotificationRuleTable>): Promise<void> {
  await db.updateTable('notification_rules').set(values).where('id', '=', id).execute();
}

export async function deleteRule(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('notification_rules').where('id', '=', id).execute();
}

/** Which of the referenced rows exist: service, category, user (null references count as present). */
export async function referencesExist(
  db: Executor,
  refs: { serviceId: number | null; categoryId: number | null; userId: number | null },
): Promise<{ serviceId: boolean; categoryId: boolean; userId: boolean }> {
  const has = async (table: 'services' | 'categories' | 'users', id: number | null) =>
    id === null || (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  return {
    serviceId: await has('services', refs.serviceId),
    categoryId: await has('categories', refs.categoryId),
    userId: await has('users', refs.userId),
  };
}
