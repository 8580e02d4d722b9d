import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** What a mailed link does: set a password, or confirm the address (ADR 0025). */
export type LinkPurpose = 'reset' | 'confirm_email';

export async function insertMailedLink(
  trx: Executor,
  values: { user_id: number; purpose: LinkPurpose; token_hash: string; created_at: string; expires_at: string },
): Promise<number> {
  const row = await trx
    .insertInto('password_resets')
    .values({ ...values, used_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Uses the unused, unexpired link of this purpose with this token hash, and returns its user.
 * One conditional update, so two requests with the same link cannot both use it.
 */
export async function claimMailedLink(
  trx: Executor,
  purpose: LinkPurpose,
  tokenHash: string,
  now: string,
): Promise<number | null> {
  const row = await trx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** The user of the unused, unexpired link of this purpose with this token hash, without using it. */
export async function findOpenMailedLink(
  db: Executor,
  purpose: LinkPurpose,
  tokenHash: string,
  now: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('password_resets')
    .select('user_id')
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Uses up every open link of one purpose of a user. */
export async function closeOpenLinksOf(trx: Executor, userId: number, purpose: LinkPurpose, at: string): Promise<void> {
  await trx
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
