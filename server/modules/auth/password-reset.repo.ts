import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** Sets a user's password hash and ends their sessions. */
export async function setPasswordEndingSessions(trx: Executor, userId: number, hash: string, at: string) {
  await trx.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', userId).execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
