import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/kysely.ts';
import type { OutboxTable } from '../db/schema.ts';

export type OutboxRow = Selectable<OutboxTable>;

/**
 * Claims up to `limit` due outbox rows for this worker. Rows left `running` by a crashed
 * worker become claimable again once their lock expires. PostgreSQL uses SKIP LOCKED so
 * several nodes never claim the same row.
 */
export async function claimDue(db: Db, now: string, lockUntil: string, limit: number): Promise<OutboxRow[]> {
  const lockClause = db.dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<OutboxRow>`
    update outbox set status = 'running', locked_until = ${lockUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status in ('pending', 'running')
        and ((status = 'pending' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
      order by id
      limit ${limit}
      ${lockClause}
    )
    returning *`.execute(db.kysely);
  return [...result.rows].sort((a, b) => a.id - b.id);
}

/** Marks rows done in one statement (a batch is finished together). */
export async function markDone(db: Db, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.kysely
    .updateTable('outbox')
    .set({ status: 'done', finished_at: at, locked_until: null, last_error: null })
    .where('id', 'in', ids)
    .execute();
}

export async function markFailed(db: Db, id: number, error: string, retryAt: string | null, at: string): Promise<void> {
  await db.kysely
    .updateTable('outbox')
    .set(
      retryAt
        ? { status: 'pending', run_at: retryAt, locked_until: null, last_error: error }
        : { status: 'dead', finished_at: at, locked_until: null, last_error: error },
    )
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the named schedule lease when it is free or expired. Returns true
 * when this node should run the tick. One row per schedule; safe across nodes.
 */
export async function acquireLease(db: Db, name: string, holder: string, now: string, until: string): Promise<boolean> {
  const rows = await db.kysely
    .insertInto('schedule_leases')
    .values({ name, holder, expires_at: until, last_run_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: until, last_run_at: now })
        .where('schedule_leases.expires_at', '<=', now),
    )
    .returning('name')
    .execute();
  return rows.length > 0;
}

/** Deletes finished outbox rows older than `before`, keeping dead ones for admins. */
export async function pruneDone(db: Db, before: string): Promise<void> {
  await db.kysely.deleteFrom('outbox').where('status', '=', 'done').where('finished_at', '<', before).execute();
}
