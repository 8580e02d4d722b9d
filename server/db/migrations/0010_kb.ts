import { type DialectMigration, grantNewPermissions, instantType, withId } from './helpers.ts';

/** Permissions added by this migration and the default roles that receive them. */
const NEW_PERMISSIONS: Record<string, string[]> = {
  'kb.read_internal': ['operator', 'engineer', 'manager', 'admin'],
  'kb.edit': ['operator', 'engineer', 'manager', 'admin'],
  'kb.publish': ['manager', 'admin'],
  'canned.manage_global': ['manager', 'admin'],
};

/**
 * Knowledge base (categories, articles with translations and versions, visibility join tables,
 * feedback, deflections, files) and canned responses. See ADR 0022.
 */
export const kb: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);

    await withId(db.schema.createTable('kb_categories'), dialect)
      .addColumn('parent_id', 'integer', (c) => c.references('kb_categories.id').onDelete('restrict'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('kb_articles'), dialect)
      .addColumn('category_id', 'integer', (c) => c.references('kb_categories.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('visibility', 'text', (c) => c.notNull())
      .addColumn('source_ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
      .addColumn('helpful_yes', 'integer', (c) => c.notNull())
      .addColumn('helpful_no', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('published_at', ts)
      .execute();
    await db.schema.createIndex('kb_articles_category_idx').on('kb_articles').columns(['category_id']).execute();
    await db.schema.createIndex('kb_articles_status_idx').on('kb_articles').columns(['status', 'visibility']).execute();

    await db.schema
      .createTable('kb_article_organizations')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('kb_article_organizations_pk', ['article_id', 'organization_id'])
      .execute();
    await db.schema
      .createTable('kb_article_audiences')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_audiences_pk', ['article_id', 'kind', 'ref_id'])
      .execute();
    await db.schema
      .createTable('kb_article_tags')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('kb_article_tags_pk', ['article_id', 'tag'])
      .execute();
    await db.schema.createIndex('kb_article_tags_tag_idx').on('kb_article_tags').columns(['tag']).execute();

    await withId(db.schema.createTable('kb_article_translations'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('kb_article_translations_locale_uq', ['article_id', 'locale'])
      .execute();

    await withId(db.schema.createTable('kb_article_versions'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addUniqueConstraint('kb_article_versions_uq', ['article_id', 'locale', 'version'])
      .execute();

    await db.schema
      .createTable('kb_article_files')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('kb_article_files_pk', ['article_id', 'attachment_id'])
      .execute();

    await withId(db.schema.createTable('kb_feedback'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('helpful', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addUniqueConstraint('kb_feedback_voter_uq', ['article_id', 'voter_key'])
      .execute();

    await withId(db.schema.createTable('kb_deflections'), dialect)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
      .addColumn('session_key', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('query', 'text', (c) => c.notNull())
      .addColumn('converted', 'integer', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('kb_deflections_user_idx')
      .on('kb_deflections')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema.createIndex('kb_deflections_created_idx').on('kb_deflections').columns(['created_at']).execute();

    await withId(db.schema.createTable('canned_responses'), dialect)
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('owner_user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('group_id', 'integer', (c) => c.references('support_groups.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('canned_responses_scope_idx')
      .on('canned_responses')
      .columns(['scope', 'name'])
      .execute();

    await grantNewPermissions(db, NEW_PERMISSIONS);
  },

  async down(db) {
    for (const table of [
      'canned_responses',
      'kb_deflections',
      'kb_feedback',
      'kb_article_files',
      'kb_article_versions',
      'kb_article_translations',
      'kb_article_tags',
      'kb_article_audiences',
      'kb_article_organizations',
      'kb_articles',
      'kb_categories',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
