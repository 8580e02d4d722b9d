import { createHash } from 'node:crypto';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { findReceipt, findReceiptIdByKey, insertReceiptOnce, requeueReceipt } from './receipts.repo.ts';

/** Where a raw message came from. */
export interface ReceiptSource {
  kind: 'imap' | 'smtp' | 'pipe';
  accountId: number | null;
  /** IMAP UID, SMTP envelope, … for the admin's log. */
  ref: string | null;
}

export interface StoredReceipt {
  receiptId: number;
  /** True when this exact message was stored before (fetched twice, resent after a crash). */
  duplicate: boolean;
}

/** Job type that parses and files one receipt. */
export const PROCESS_RECEIPT_JOB = 'mail.process' as const;

/** The header block of a raw message, unfolded, without decoding anything. */
function headerBlock(raw: Buffer): string {
  // NUL bytes are dropped: PostgreSQL text cannot hold them, and the receipt must be stored.
  const head = raw
    .subarray(0, Math.min(raw.length, 64 * 1024))
    .toString('latin1')
    .replaceAll('\u0000', '');
  const end = head.search(/\r?\n\r?\n/);
  return (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
}

function header(block: string, name: string): string | null {
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
  return match ? match[1].trim() : null;
}

/**
 * The Message-ID as written in the header, without angle brackets, or null. Read with a cheap
 * scan so the message can be stored (and acknowledged) before the full MIME parse.
 */
export function sniffMessageId(raw: Buffer): string | null {
  const value = header(headerBlock(raw), 'message-id');
  const id = value?.match(/<([^<>\s]+)>/)?.[1] ?? value?.split(/\s+/)[0] ?? '';
  return id.length > 0 && id.length <= 500 ? id : null;
}

/**
 * Stores a raw inbound message and queues its processing, in one transaction. Only after this
 * resolves may the source be acknowledged (IMAP flag, SMTP 250, pipe exit 0): from here on the
 * message cannot be lost. Idempotent by Message-ID (by content hash when there is none).
 */
export async function storeReceipt(ctx: AppContext, raw: Buffer, source: ReceiptSource): Promise<StoredReceipt> {
  if (raw.length === 0) throw badRequest('The message is empty', ['message']);
  if (raw.length > ctx.config.mailMaxBytes) throw badRequest('The message is too large', ['message']);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const messageId = sniffMessageId(raw);
  const dedupeKey = messageId ? `mid:${messageId}` : `sha:${sha256}`;
  const existing = await findReceiptIdByKey(ctx.db.kysely, dedupeKey);
  if (existing !== undefined) return { receiptId: existing, duplicate: true };
  const block = headerBlock(raw);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const inserted = await insertReceiptOnce(
      trx,
      {
        account_id: source.accountId,
        source: source.kind,
        source_ref: source.ref,
        dedupe_key: dedupeKey,
        message_id: messageId,
        raw_sha256: sha256,
        size: raw.length,
        status: 'pending',
        outcome: null,
        error: null,
        attempts: 0,
        from_address: header(block, 'from')?.slice(0, 500) ?? null,
        subject: header(block, 'subject')?.slice(0, 500) ?? null,
        ticket_id: null,
        received_at: at,
        processed_at: null,
      },
      raw,
    );
    if (inserted !== null) await emit(trx, at, { type: PROCESS_RECEIPT_JOB, payload: { receiptId: inserted } });
    return inserted;
  });
  if (id !== null) return { receiptId: id, duplicate: false };
  // Another node stored the same message between our check and our insert.
  return { receiptId: (await findReceiptIdByKey(ctx.db.kysely, dedupeKey))!, duplicate: true };
}

/** Queues a failed receipt again (admin action); 404 when unknown, 409-like 400 when not failed. */
export async function retryReceipt(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'admin.mail.manage');
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await findReceipt(trx, id))) throw notFound('Mail receipt');
    if (!(await requeueReceipt(trx, id))) throw badRequest('Only a failed message can be retried', ['id']);
    await emit(trx, at, { type: PROCESS_RECEIPT_JOB, payload: { receiptId: id } });
  });
}
