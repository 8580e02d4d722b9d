import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

export async function insertPasswordReset(
  trx: Executor,
  values: { user_id: number; token_hash: string; created_at: string; expires_at: string },
): Promise<number> {
  const row = await trx
    .insertInto('password_resets')
    .values({ ...values, used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The unused, unexpired reset with this token hash. */
export async function findUsablePasswordReset(trx: Executor, tokenHash: string, now: string) {
  return trx
    .selectFrom('password_resets')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses up every open reset link of a user. */
export async function usePasswordResetsOf(trx: Executor, userId: number, at: string): Promise<void> {
  await trx
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Sets a user's password hash and ends their sessions. */
export async function setPasswordEndingSessions(trx: Executor, userId: number, hash: string, at: string) {
  await trx.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
