import type { Db } from '../../db/kysely.ts';

export async function listActiveTokens(db: Db) {
  return db.kysely
    .selectFrom('api_tokens')
    .select(['id', 'name', 'user_id', 'created_at', 'last_used_at'])
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertToken(
  db: Db,
  values: { name: string; token_hash: string; user_id: number; created_by: number; created_at: string },
): Promise<number> {
  const row = await db.kysely.insertInto('api_tokens').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a token; returns false when there was no active token with that id. */
export async function revokeToken(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db.kysely
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
