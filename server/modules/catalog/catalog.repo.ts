import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

export async function listCategories(db: Executor) {
  return db.selectFrom('categories').select(['id', 'name', 'parent_id']).orderBy('name').execute();
}

export async function listServices(db: Executor) {
  return db.selectFrom('services').select(['id', 'name', 'description', 'group_id']).orderBy('name').execute();
}

export async function listGroups(db: Executor) {
  return db.selectFrom('support_groups').select(['id', 'name', 'tier']).orderBy('tier').orderBy('name').execute();
}

export async function categoryExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findService(db: Executor, id: number) {
  return db.selectFrom('services').select(['id', 'group_id']).where('id', '=', id).executeTakeFirst();
}

export async function groupExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('support_groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The first-line group: lowest tier, then oldest. New tickets without a service land here. */
export async function findFirstLineGroupId(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('support_groups')
    .select('id')
    .orderBy('tier')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
