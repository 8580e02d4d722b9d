import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { MailOutboundTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

/** Inserts an outgoing mail unless one with the same dedupe key exists; returns its id or null. */
export async function insertOutboundOnce(trx: Executor, values: Insertable<MailOutboundTable>): Promise<number | null> {
  const row = await trx
    .insertInto('mail_outbound')
    .values(values)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The outgoing mail queued under this dedupe key, if any. */
export async function findOutboundIdByDedupeKey(db: Executor, dedupeKey: string): Promise<number | undefined> {
  const row = await db.selectFrom('mail_outbound').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row?.id;
}

export async function findOutbound(db: Executor, id: number) {
  return db.selectFrom('mail_outbound').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateOutbound(db: Executor, id: number, values: Updateable<MailOutboundTable>): Promise<void> {
  await db.updateTable('mail_outbound').set(values).where('id', '=', id).execute();
}

/** Automatic mails sent (or queued) to an address since `since`: the loop guard's count. */
export async function countAutomaticSince(db: Executor, address: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('mail_outbound')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('to_address', '=', address)
    .where('automatic', '=', 1)
    .where('status', 'in', ['queued', 'sent', 'dev', 'failed'])
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Whether a mail of this template went (or was queued, or held back) to the address since then. */
export async function hasMailOfTemplateSince(
  db: Executor,
  address: string,
  template: string,
  since: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('mail_outbound')
    .select('id')
    .where('to_address', '=', address)
    .where('created_at', '>=', since)
    .where('template', '=', template)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const LIST_COLUMNS = [
  'id',
  'ticket_id',
  'ticket_message_id',
  'template',
  'to_address',
  'cc',
  'subject',
  'message_id',
  'automatic',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'sent_at',
] as const;

/** Outgoing mail newest first, by status and/or ticket, with keyset paging by id. */
export async function listOutbound(
  db: Executor,
  filter: { status?: string; ticketId?: number; beforeId?: number; limit: number },
) {
  let query = db.selectFrom('mail_outbound').select([...LIST_COLUMNS]);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.ticketId) query = query.where('ticket_id', '=', filter.ticketId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

export type OutboundListRow = Awaited<ReturnType<typeof listOutbound>>[number];

/** Our outgoing mail with any of these Message-IDs (what a bounce returns). */
export async function findOutboundByMessageIds(db: Executor, messageIds: string[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('mail_outbound')
    .select(['id', 'ticket_id', 'to_address'])
    .where('message_id', 'in', messageIds)
    .execute();
}

export async function markOutboundBounced(trx: Executor, ids: number[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('mail_outbound')
    .set({ status: 'bounced', last_error: reason })
    .where('id', 'in', ids)
    .execute();
}
