import { sql } from 'kysely';
import { type DialectMigration, instantType, withId } from './helpers.ts';

/**
 * Search (ADR 0021): one row per searchable document (a ticket's public or complete text, a
 * customer, later an article) and the full-text index over the terms of our own tokenizer:
 * a contentless FTS5 table on SQLite (rowid = document id), a tsvector + GIN on PostgreSQL.
 */
export const search: DialectMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('search_documents'), dialect)
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('object_id', 'integer', (c) => c.notNull())
      // all: whoever may see the object; public / internal: the two texts of a ticket with internal notes.
      .addColumn('audience', 'text', (c) => c.notNull())
      // Articles (knowledge base): public | customers | staff; null for other types.
      .addColumn('visibility', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', instantType(dialect), (c) => c.notNull())
      .$call((t) => (dialect === 'postgres' ? t.addColumn('tsv', sql`tsvector`, (c) => c.notNull()) : t))
      .execute();
    await db.schema
      .createIndex('search_documents_object_idx')
      .on('search_documents')
      .columns(['type', 'object_id', 'audience'])
      .unique()
      .execute();
    if (dialect === 'postgres') {
      await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
    } else {
      // Contentless: the terms are ours (see tokenize.ts); the ascii tokenizer only splits on
      // white space and ASCII punctuation, keeping every non-ASCII character and e-mail marks.
      // `scope` holds the document's scope term (search.repo.ts scopeTerm), not ranked.
      // Prefix indexes (in characters) for search-as-you-type: `prin*` reads one index entry
      // instead of merging every term that starts with it.
      await sql`create virtual table search_fts using fts5(
        title, body, scope, content='', contentless_delete=1, tokenize="ascii tokenchars '@._%+-'",
        prefix='2 3 4'
      )`.execute(db);
    }
  },

  async down(db, dialect) {
    if (dialect === 'sqlite') await sql`drop table search_fts`.execute(db);
    await db.schema.dropTable('search_documents').execute();
  },
};
