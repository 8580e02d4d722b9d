import type { DialectMigration } from './helpers.ts';

/**
 * `kb_article_translations.search_text` has been unused since articles are found through the
 * search index (ADR 0021, 0022); every row holds ''.
 */
export const dropKbSearchText: DialectMigration = {
  async up(db) {
    await db.schema.alterTable('kb_article_translations').dropColumn('search_text').execute();
  },

  async down(db) {
    await db.schema
      .alterTable('kb_article_translations')
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
