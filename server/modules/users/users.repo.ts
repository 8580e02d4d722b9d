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
  'users.email_verified_at',
  'users.created_at',
  'roles.key as role_key',
] as const;

type Executor = Db['kysely'] | Trx;

function baseQuery(db: Executor) {
  return db.selectFrom('users').innerJoin('roles', 'roles.id', 'users.role_id').select(USER_COLUMNS);
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return findUserByIdIn(db.kysely, id);
}

/** The user with this id, read through the caller's transaction. */
export async function findUserByIdIn(db: Executor, id: number): Promise<UserRow | undefined> {
  return baseQuery(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return baseQuery(db.kysely).where('users.email', '=', email).executeTakeFirst();
}

/** Users filtered by role keys and a name/e-mail prefix search, alphabetically. */
export async function listUsers(
  db: Db,
  filter: { roles?: string[]; q?: string; activeOnly?: boolean; agentsOnly?: boolean; limit: number },
): Promise<UserRow[]> {
  let query = baseQuery(db.kysely);
  if (filter.roles?.length) query = query.where('roles.key', 'in', filter.roles);
  if (filter.activeOnly) query = query.where('users.active', '=', 1);
  // Permissions are stored as a JSON array of strings, so the quoted name matches exactly one entry.
  if (filter.agentsOnly) query = query.where('roles.permissions', 'like', '%"menu.agent"%');
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.name']), 'like', like), eb('users.email', 'like', like)]),
    );
  }
  return query.orderBy('users.name').orderBy('users.id').limit(filter.limit).execute();
}

/** Inserts a user (in the caller's transaction, with its `user.changed` event). */
export async function insertUser(db: Executor, values: Insertable<UserTable>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Executor, id: number, values: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

export async function findRoleByKey(db: Db, key: string) {
  return db.kysely.selectFrom('roles').select(['id', 'key', 'name']).where('key', '=', key).executeTakeFirst();
}

export async function findOrganizationByDomain(db: Executor, domain: string) {
  return db.selectFrom('organizations').select(['id']).where('domain', '=', domain).executeTakeFirst();
}

/**
 * Marks the user's address verified unless it already is. True only for the call that did it,
 * so the first proof happens once even when two links are used at the same moment.
 */
export async function markEmailVerified(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ email_verified_at: at, updated_at: at })
    .where('id', '=', id)
    .where('email_verified_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
