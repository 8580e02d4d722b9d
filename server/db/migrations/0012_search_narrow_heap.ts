import { sql } from 'kysely';
import type { DialectMigration } from './helpers.ts';

/**
 * PostgreSQL only: keep the rows of `search_documents` narrow. A search takes its candidates from
 * the GIN index and then visits the heap page of every match (to order by id); with the display
 * text and the tsvector inline a row took about 1 KB, so a common word at a million messages
 * visited tens of thousands of pages (p95 140 ms). Moving both out of line (TOAST, uncompressed
 * so ranking does not decompress) leaves about 130 bytes a row: heap 445 → 53 MB, p95 47 ms.
 * The UPDATE rewrites existing rows under the new rule (minutes at a million messages).
 */
export const searchNarrowHeap: DialectMigration = {
  async up(db, dialect) {
    if (dialect !== 'postgres') return;
    await sql`alter table search_documents set (toast_tuple_target = 128)`.execute(db);
    await sql`alter table search_documents alter column tsv set storage external, alter column body set storage external`.execute(
      db,
    );
    // Concatenation makes new, uncompressed values, which the new rule then moves out of line.
    await sql`update search_documents set tsv = tsv || ''::tsvector, body = body || ''`.execute(db);
  },

  async down(db, dialect) {
    if (dialect !== 'postgres') return;
    await sql`alter table search_documents reset (toast_tuple_target)`.execute(db);
    await sql`alter table search_documents alter column tsv set storage extended, alter column body set storage extended`.execute(
      db,
    );
  },
};
