import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { NotificationRuleRow } from './rules.repo.ts';

type Executor = Db['kysely'] | Trx;

/** Every level 1-2 rule plus the user's own level-3 rules: all a person's settings depend on. */
export async function listRulesOfUser(db: Executor, userId: number): Promise<NotificationRuleRow[]> {
  return db
    .selectFrom('notification_rules')
    .selectAll()
    .where((eb) => eb.or([eb('level', '!=', 'user'), eb('user_id', '=', userId)]))
    .orderBy('id')
    .execute();
}

/** Names of the given services, by id. */
export async function serviceNames(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('services')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
