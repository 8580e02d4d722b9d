import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { CannedResponseTable, Database } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

export type CannedRow = Selectable<CannedResponseTable>;

/** Who may use a response: its owner (personal), its group's members (group), everyone (global). */
function usableBy(userId: number, groupIds: number[]) {
  return (eb: ExpressionBuilder<Database, 'canned_responses'>) => {
    const ors = [eb('scope', '=', 'global'), eb.and([eb('scope', '=', 'personal'), eb('owner_user_id', '=', userId)])];
    if (groupIds.length > 0) ors.push(eb.and([eb('scope', '=', 'group'), eb('group_id', 'in', groupIds)]));
    return eb.or(ors);
  };
}

/** Responses the user may use: their personal ones, their groups' and the global ones, by name. */
export async function listUsableCanned(
  db: Executor,
  userId: number,
  groupIds: number[],
  filter: { locale?: string },
): Promise<CannedRow[]> {
  let query = db.selectFrom('canned_responses').selectAll().where(usableBy(userId, groupIds));
  if (filter.locale !== undefined) query = query.where('locale', '=', filter.locale);
  return query.orderBy('name').orderBy('id').execute();
}

/** One response, if the user may use it (the same rule as the list). */
export async function findUsableCanned(
  db: Executor,
  userId: number,
  groupIds: number[],
  id: number,
): Promise<CannedRow | undefined> {
  return db
    .selectFrom('canned_responses')
    .selectAll()
    .where('id', '=', id)
    .where(usableBy(userId, groupIds))
    .executeTakeFirst();
}

export async function findCanned(db: Executor, id: number): Promise<CannedRow | undefined> {
  return db.selectFrom('canned_responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCanned(db: Executor, values: Insertable<CannedResponseTable>): Promise<number> {
  return (await db.insertInto('canned_responses').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCanned(db: Executor, id: number, values: Updateable<CannedResponseTable>): Promise<void> {
  await db.updateTable('canned_responses').set(values).where('id', '=', id).execute();
}

export async function deleteCanned(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('canned_responses').where('id', '=', id).execute();
}

export async function groupExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('support_groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
