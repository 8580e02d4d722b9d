import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { MailReceiptTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

/**
 * Inserts a receipt and its raw bytes unless one with the same dedupe key exists; returns the
 * new id or null. Call inside a transaction so the two rows exist together.
 */
export async function insertReceiptOnce(
  trx: Executor,
  values: Insertable<MailReceiptTable>,
  raw: Uint8Array,
): Promise<number | null> {
  const row = await trx
    .insertInto('mail_receipts')
    .values(values)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await trx.insertInto('mail_receipt_bodies').values({ receipt_id: row.id, raw }).execute();
  return row.id;
}

/** Statuses whose raw bytes the retention job may remove: filing is over for good. */
const FINISHED = ['processed', 'ignored'];

/**
 * Removes the raw bytes of up to `limit` receipts finished before `before` (oldest first) and
 * records when; the receipt rows stay. Pending and failed receipts keep theirs: they are still
 * to be filed. Returns how many were removed.
 */
export async function removeRawBodies(db: Db['kysely'], before: string, at: string, limit: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // The predicate is the partial index's condition (mail_receipts_raw_kept_idx), so the scan
    // never revisits receipts whose bytes are gone. Only finishing sets processed_at; the status
    // is checked on the rows found rather than in SQL, where it would lure SQLite onto the
    // status index.
    const rows = await trx
      .selectFrom('mail_receipts')
      .select(['id', 'status'])
      .where('raw_removed_at', 'is', null)
      .where('processed_at', 'is not', null)
      .where('processed_at', '<', before)
      .orderBy('processed_at')
      .limit(limit)
      .execute();
    const ids = rows.filter((r) => FINISHED.includes(r.status)).map((r) => r.id);
    if (ids.length === 0) return 0;
    await trx.deleteFrom('mail_receipt_bodies').where('receipt_id', 'in', ids).execute();
    await trx.updateTable('mail_receipts').set({ raw_removed_at: at }).where('id', 'in', ids).execute();
    return ids.length;
  });
}

/** The raw bytes of a receipt. */
export async function findReceiptRaw(db: Executor, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('mail_receipt_bodies').select('raw').where('receipt_id', '=', id).executeTakeFirst();
  return row?.raw;
}

export async function findReceiptIdByKey(db: Executor, dedupeKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('mail_receipts').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row?.id;
}

/** A receipt's row without its raw bytes (the processing job; the bytes were usually parsed ahead). */
export async function findReceiptForFiling(db: Executor, id: number) {
  return db.selectFrom('mail_receipts').select(['id', 'status', 'account_id']).where('id', '=', id).executeTakeFirst();
}

/** Raw bytes of the receipts among `ids` that still wait to be filed (parsed ahead of filing). */
export async function receiptsToParse(db: Executor, ids: number[]): Promise<{ id: number; raw: Uint8Array }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('mail_receipts')
    .innerJoin('mail_receipt_bodies', 'mail_receipt_bodies.receipt_id', 'mail_receipts.id')
    .select(['mail_receipts.id', 'mail_receipt_bodies.raw'])
    .where('mail_receipts.id', 'in', ids)
    .where('mail_receipts.status', 'in', ['pending', 'failed'])
    .execute();
}

const LIST_COLUMNS = [
  'id',
  'account_id',
  'source',
  'source_ref',
  'message_id',
  'size',
  'status',
  'outcome',
  'error',
  'attempts',
  'from_address',
  'subject',
  'ticket_id',
  'received_at',
  'processed_at',
  'raw_removed_at',
] as const;

/** Receipts newest first, optionally by status, with keyset paging by id. */
export async function listReceipts(db: Executor, filter: { status?: string; beforeId?: number; limit: number }) {
  let query = db.selectFrom('mail_receipts').select([...LIST_COLUMNS]);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export type ReceiptListRow = Awaited<ReturnType<typeof listReceipts>>[number];

export async function findReceipt(db: Executor, id: number): Promise<ReceiptListRow | undefined> {
  return db
    .selectFrom('mail_receipts')
    .select([...LIST_COLUMNS])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Finishes a receipt inside the transaction that wrote its effects. Only a receipt still waiting
 * (pending or failed) moves, so a second run of the same job changes nothing: returns false then.
 */
export async function finishReceipt(trx: Executor, id: number, values: Updateable<MailReceiptTable>): Promise<boolean> {
  const result = await trx
    .updateTable('mail_receipts')
    .set(values)
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a processing failure (kept visible to admins with the error). */
export async function markReceiptFailed(db: Executor, id: number, error: string): Promise<void> {
  const current = await db.selectFrom('mail_receipts').select('attempts').where('id', '=', id).executeTakeFirst();
  await db
    .updateTable('mail_receipts')
    .set({ status: 'failed', error: error.slice(0, 2000), attempts: (current?.attempts ?? 0) + 1 })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}

/** Puts a failed receipt back in line; returns false when it is not failed. */
export async function requeueReceipt(trx: Executor, id: number): Promise<boolean> {
  const result = await trx
    .updateTable('mail_receipts')
    .set({ status: 'pending', error: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many receipts are in each status (admin overview, metrics). */
export async function countReceiptsByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mail_receipts')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}
