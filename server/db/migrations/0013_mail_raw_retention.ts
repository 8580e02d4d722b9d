import { sql } from 'kysely';
import { type DialectMigration, instantType } from './helpers.ts';

/**
 * Raw inbound mail is dropped after MAIL_RAW_RETENTION_DAYS (ADR 0023). The receipt row stays
 * (the inbound log, the dedupe key) and records when its bytes went. The partial index holds
 * only finished receipts whose bytes are still kept, so each retention run reads just the
 * rows it may remove, however many were removed before.
 */
export const mailRawRetention: DialectMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('mail_receipts').addColumn('raw_removed_at', instantType(dialect)).execute();
    await sql`create index mail_receipts_raw_kept_idx on mail_receipts (processed_at)
      where raw_removed_at is null and processed_at is not null`.execute(db);
  },

  async down(db) {
    await db.schema.dropIndex('mail_receipts_raw_kept_idx').execute();
    await db.schema.alterTable('mail_receipts').dropColumn('raw_removed_at').execute();
  },
};
