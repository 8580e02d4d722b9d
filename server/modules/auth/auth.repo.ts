import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** User row joined with its role, as authentication needs it. */
export async function findUserWithRoleById(db: Db, id: number) {
  return db.kysely
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.active',
      'users.organization_id',
      'roles.key as role_key',
      'roles.permissions',
      'roles.field_rules',
      'organizations.shared_tickets',
    ])
    .where('users.id', '=', id)
    .executeTakeFirst();
}

export async function findGroupIdsOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.kysely.selectFrom('group_members').select('group_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.group_id);
}

export async function findCredentialsByEmail(db: Db, email: string) {
  return db.kysely
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** What signing in checks of a user, by id (through the caller's transaction when it holds one). */
export async function findCredentialsById(db: Executor, id: number) {
  return db.selectFrom('users').select(['id', 'password_hash', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Inserts a session (through the caller's transaction when it holds one). */
export async function insertSession(
  db: Executor,
  row: { token_hash: string; user_id: number; csrf_token: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Db, tokenHash: string, now: string) {
  return db.kysely
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token'])
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of a user (through the caller's transaction when it holds one). */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** The token with this hash unless it is revoked or expired at `now`. */
export async function findActiveApiToken(db: Db, tokenHash: string, now: string) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'scopes', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
}

/**
 * Records a token's use at `at` unless it was already recorded after `staleBefore`. The
 * condition sits in the query too, so parallel requests (or nodes) write it once.
 */
export async function touchApiToken(db: Db, id: number, at: string, staleBefore: string): Promise<void> {
  await db.kysely
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}
