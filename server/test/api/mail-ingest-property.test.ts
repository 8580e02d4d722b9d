import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processReceipt } from '../../modules/mail/intake.service.ts';
import { storeReceipt } from '../../modules/mail/receipts.service.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { rawMail } from '../mail-fixtures.ts';

/** Small edits that real-world mail suffers: truncation, flipped bytes, lost lines, doubled headers. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateHead' as const) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(raw: Buffer, edits: Mutation[]): Buffer {
  let bytes = Buffer.from(raw);
  for (const edit of edits) {
    if (bytes.length === 0) break;
    if (edit.kind === 'truncate') bytes = bytes.subarray(0, edit.at % bytes.length);
    else if (edit.kind === 'flip') bytes[edit.at % bytes.length] = edit.byte;
    else if (edit.kind === 'dropLine') {
      const lines = bytes.toString('latin1').split('\r\n');
      lines.splice(edit.at % lines.length, 1);
      bytes = Buffer.from(lines.join('\r\n'), 'latin1');
    } else {
      const head = bytes.subarray(0, Math.max(0, bytes.indexOf('\r\n\r\n')));
      bytes = Buffer.concat([head, Buffer.from('\r\n'), bytes]);
    }
  }
  return bytes;
}

describeEachDialect('mail ingest with random and damaged input', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** Stores and files one input; the raw copy must survive byte for byte, and filing must end. */
  async function ingestKeepsRaw(raw: Buffer): Promise<void> {
    if (raw.length === 0) return;
    const { receiptId } = await storeReceipt(t.ctx, raw, { kind: 'pipe', accountId: null, ref: null });
    await processReceipt(t.ctx, receiptId);
    const row = await t.ctx.db.kysely
      .selectFrom('mail_receipts')
      .innerJoin('mail_receipt_bodies', 'mail_receipt_bodies.receipt_id', 'mail_receipts.id')
      .select(['mail_receipt_bodies.raw', 'mail_receipts.status', 'mail_receipts.message_id'])
      .where('mail_receipts.id', '=', receiptId)
      .executeTakeFirstOrThrow();
    if (row.message_id === null) expect(Buffer.from(row.raw).equals(raw)).toBe(true);
    expect(['processed', 'ignored', 'failed']).toContain(row.status);
  }

  // Generous timeouts: on a busy 2-core CI machine 60 ingests can take far longer than alone.
  it('never crashes on random bytes and keeps every raw copy', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        await ingestKeepsRaw(Buffer.from(bytes));
      }),
      { numRuns: 60 },
    );
  });

  // Found by the property below on PostgreSQL (seed 189959570): a NUL byte in a header made the
  // receipt itself unstorable, so the mail could not even be acknowledged.
  it('stores and files a message with a NUL byte at any place in its header', { timeout: 180_000 }, async () => {
    const raw = rawMail({ from: 'nul@customer.test', subject: 'NUL test', body: 'Body', messageId: null });
    const headerEnd = raw.indexOf('\r\n\r\n');
    for (let at = 0; at < headerEnd; at += 1) {
      const damaged = Buffer.from(raw);
      damaged[at] = 0;
      await ingestKeepsRaw(damaged);
    }
  });

  it('never crashes on damaged messages and keeps every raw copy', { timeout: 180_000 }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.string(), async (edits, text) => {
        n += 1;
        const raw = rawMail({
          from: `prop${n}@customer.test`,
          subject: `Property ${n} ${text}`,
          body: text,
          messageId: null,
          attachments: [{ filename: 'a.bin', contentType: 'application/octet-stream', content: Buffer.from(text) }],
        });
        await ingestKeepsRaw(mutate(raw, edits));
      }),
      { numRuns: 60 },
    );
  });
});
