import type { Trx } from '../../context.ts';
import { readOncePerGroup } from '../../db/group-transaction.ts';
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
  return readOncePerGroup(db, 'firstLineGroup', async () => {
    const row = await db
      .selectFrom('support_groups')
      .select('id')
      .orderBy('tier')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  });
}

export type CatalogTable = 'categories' | 'services' | 'support_groups';

export async function insertCategory(
  trx: Executor,
  values: { name: string; parent_id: number | null; created_at: string },
) {
  return (await trx.insertInto('categories').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCategory(trx: Executor, id: number, values: { name?: string; parent_id?: number | null }) {
  if (Object.keys(values).length === 0) return;
  await trx.updateTable('categories').set(values).where('id', '=', id).execute();
}

export async function findCategory(db: Executor, id: number) {
  return db.selectFrom('categories').select(['id', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

export async function hasChildCategories(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('categories').select('id').where('parent_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function insertService(
  trx: Executor,
  values: { name: string; description: string; group_id: number | null; created_at: string },
) {
  return (await trx.insertInto('services').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateService(
  trx: Executor,
  id: number,
  values: { name?: string; description?: string; group_id?: number | null },
) {
  if (Object.keys(values).length === 0) return;
  await trx.updateTable('services').set(values).where('id', '=', id).execute();
}

export async function findServiceRow(db: Executor, id: number) {
  return db
    .selectFrom('services')
    .select(['id', 'name', 'description', 'group_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertGroup(trx: Executor, values: { name: string; tier: number; created_at: string }) {
  return (await trx.insertInto('support_groups').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateGroup(trx: Executor, id: number, values: { name?: string; tier?: number }) {
  if (Object.keys(values).length === 0) return;
  await trx.updateTable('support_groups').set(values).where('id', '=', id).execute();
}

export async function findGroupRow(db: Executor, id: number) {
  return db.selectFrom('support_groups').select(['id', 'name', 'tier']).where('id', '=', id).executeTakeFirst();
}

export async function groupNameTaken(db: Executor, name: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('support_groups').select('id').where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function listGroupMembers(db: Executor, groupId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function replaceGroupMembers(trx: Executor, groupId: number, userIds: number[]): Promise<void> {
  await trx.deleteFrom('group_members').where('group_id', '=', groupId).execute();
  if (userIds.length > 0)
    await trx
      .insertInto('group_members')
      .values(userIds.map((user_id) => ({ group_id: groupId, user_id })))
      .execute();
}

/** True when tickets (or services, for a group) still point at the row. */
export async function catalogRowInUse(db: Executor, table: CatalogTable, id: number): Promise<boolean> {
  const column = table === 'categories' ? 'category_id' : table === 'services' ? 'service_id' : 'group_id';
  const ticket = await db.selectFrom('tickets').select('id').where(column, '=', id).limit(1).executeTakeFirst();
  if (ticket) return true;
  if (table !== 'support_groups') return false;
  return (
    (await db.selectFrom('services').select('id').where('group_id', '=', id).limit(1).executeTakeFirst()) !== undefined
  );
}

export async function deleteCatalogRow(trx: Executor, table: CatalogTable, id: number): Promise<void> {
  if (table === 'support_groups') await trx.deleteFrom('group_members').where('group_id', '=', id).execute();
  await trx.deleteFrom(table).where('id', '=', id).execute();
}

export async function activeStaffIds(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'roles.permissions'])
    .where('users.id', 'in', ids)
    .where('users.active', '=', 1)
    .execute();
  return rows.filter((r) => (JSON.parse(r.permissions) as string[]).includes('menu.agent')).map((r) => r.id);
}
