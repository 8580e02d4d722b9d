import type { Insertable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { AttachmentTable, TicketMessageTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

export async function insertMessage(trx: Executor, values: Insertable<TicketMessageTable>): Promise<number> {
  const row = await trx.insertInto('ticket_messages').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function messageQuery(db: Executor) {
  return db
    .selectFrom('ticket_messages')
    .innerJoin('users', 'users.id', 'ticket_messages.author_id')
    .select([
      'ticket_messages.id',
      'ticket_messages.ticket_id',
      'ticket_messages.author_id',
      'ticket_messages.kind',
      'ticket_messages.visibility',
      'ticket_messages.body_html',
      'ticket_messages.created_at',
      'ticket_messages.quoted_html',
      'ticket_messages.sender_email',
      'ticket_messages.unverified_sender',
      'users.name as author_name',
    ]);
}

/** Messages of a ticket, oldest first; internal ones only when asked for. */
export async function listMessages(db: Executor, ticketId: number, includeInternal: boolean) {
  let query = messageQuery(db).where('ticket_messages.ticket_id', '=', ticketId);
  if (!includeInternal) query = query.where('ticket_messages.visibility', '=', 'public');
  return query.orderBy('ticket_messages.id').execute();
}

export type MessageRow = Awaited<ReturnType<typeof listMessages>>[number];

export async function findMessageById(db: Executor, id: number): Promise<MessageRow | undefined> {
  return messageQuery(db).where('ticket_messages.id', '=', id).executeTakeFirst();
}

export async function insertAttachment(db: Executor, values: Insertable<AttachmentTable>) {
  return db
    .insertInto('attachments')
    .values(values)
    .returning(['id', 'filename', 'content_type', 'size'])
    .executeTakeFirstOrThrow();
}

/** Attachments of the given messages. */
export async function listAttachmentsOfMessages(db: Executor, messageIds: number[]) {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['id', 'message_id', 'filename', 'content_type', 'size'])
    .where('message_id', 'in', messageIds)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Executor, id: number) {
  return db
    .selectFrom('attachments')
    .leftJoin('ticket_messages', 'ticket_messages.id', 'attachments.message_id')
    .select([
      'attachments.id',
      'attachments.ticket_id',
      'attachments.message_id',
      'attachments.uploader_id',
      'attachments.filename',
      'attachments.content_type',
      'attachments.size',
      'attachments.sha256',
      'ticket_messages.visibility',
    ])
    .where('attachments.id', '=', id)
    .executeTakeFirst();
}

/**
 * Links uploads to a message. Only the uploader's own, not yet linked uploads qualify;
 * returns how many were linked so the caller can refuse foreign ids.
 */
export async function linkAttachments(
  trx: Executor,
  ids: number[],
  uploaderId: number,
  ticketId: number,
  messageId: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('attachments')
    .set({ ticket_id: ticketId, message_id: messageId })
    .where('id', 'in', ids)
    .where('uploader_id', '=', uploaderId)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Files of the given attachments with their storage hashes (mail delivery reads the bytes). */
export async function findAttachmentFiles(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('attachments')
    .select(['filename', 'content_type', 'sha256'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
}

/** Rewrites the bodies of a message (inline images linked once their attachments exist). */
export async function updateMessageBodies(
  trx: Executor,
  id: number,
  values: { body_html: string; quoted_html: string | null },
): Promise<void> {
  await trx.updateTable('ticket_messages').set(values).where('id', '=', id).execute();
}
