import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { UserTable } from '../../db/schema.ts';

const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.name',
  'users.locale',
  'users.active',
  'users.organization_id',
  'users.phone',
  'users.created_at',
  'roles.key as role_key',
] as const;

function baseQuery(db: Db) {
  return db.kysely.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select(USER_COLUMNS);
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return baseQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return baseQuery(db).where('users.email', '=', email).executeTakeFirst();
}

/** Users filtered by role keys and a name/e-mail prefix search, alphabetically. */
export async function listUsers(
  db: Db,
  filter: { roles?: string[]; q?: string; activeOnly?: boolean; limit: number },
): Promise<UserRow[]> {
  let query = baseQuery(db);
  if (filter.roles?.length) query = query.where('roles.key', 'in', filter.roles);
  if (filter.activeOnly) query = query.where('users.active', '=', 1);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.name']), 'like', like), eb('users.email', 'like', like)]),
    );
  }
  return query.orderBy('users.name').orderBy('users.id').limit(filter.limit).execute();
}

/** Inserts a user (in the caller's transaction, with its `user.changed` event). */
export async function insertUser(db: Db['kysely'] | Trx, values: Insertable<UserTable>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Db['kysely'] | Trx, id: number, values: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export async function findRoleByKey(db: Db, key: string) {
  return db.kysely.selectFrom('roles').select(['id', 'key', 'name']).where('key', '=', key).executeTakeFirst();
}

export async function findOrganizationByDomain(db: Db, domain: string) {
  return db.kysely.selectFrom('organizations').select(['id']).where('domain', '=', domain).executeTakeFirst();
}
