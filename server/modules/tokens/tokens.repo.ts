import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** Tokens not revoked joined to the user each acts as; only those acting as `userId` when given. */
function activeTokens(db: Executor, userId?: number) {
  const query = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .where('api_tokens.revoked_at', 'is', null);
  return userId === undefined ? query : query.where('api_tokens.user_id', '=', userId);
}

/**
 * Tokens not revoked (expired ones included: they are listed, marked, until revoked) with the
 * name of the user each acts as; only those acting as `userId` when given.
 */
export async function listActiveTokens(db: Executor, userId?: number) {
  return activeTokens(db, userId)
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.expires_at',
    ])
    .orderBy('api_tokens.id')
    .execute();
}

/** One token not revoked, as listed; only when it acts as `userId`, when given. */
export async function findActiveToken(db: Executor, id: number, userId?: number) {
  return activeTokens(db, userId)
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.scopes',
      'api_tokens.expires_at',
    ])
    .where('api_tokens.id', '=', id)
    .executeTakeFirst();
}

export async function insertToken(
  db: Executor,
  values: {
    name: string;
    token_hash: string;
    user_id: number;
    created_by: number;
    created_at: string;
    scopes: string | null;
    expires_at: string | null;
  },
): Promise<number> {
  const row = await db.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Revokes a token; returns false when there was no active token with that id (acting as
 * `userId`, when given).
 */
export async function revokeToken(db: Executor, id: number, at: string, userId?: number): Promise<boolean> {
  let query = db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
