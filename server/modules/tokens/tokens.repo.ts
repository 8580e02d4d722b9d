import type { Db } from '../../db/kysely.ts';

/** Active tokens with the name of the user each acts as; only those acting as `userId` when given. */
export async function listActiveTokens(db: Db, userId?: number) {
  let query = db.kysely
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.scopes',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.id');
  if (userId !== undefined) query = query.where('api_tokens.user_id', '=', userId);
  return query.execute();
}

export async function insertToken(
  db: Db,
  values: {
    name: string;
    token_hash: string;
    user_id: number;
    created_by: number;
    created_at: string;
    scopes: string | null;
  },
): Promise<number> {
  const row = await db.kysely.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Revokes a token; returns false when there was no active token with that id (acting as
 * `userId`, when given).
 */
export async function revokeToken(db: Db, id: number, at: string, userId?: number): Promise<boolean> {
  let query = db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
