import { type DialectMigration, instantType, withId } from './helpers.ts';

/** The admin audit trail: changes to roles, field rules (and later custom fields, settings). */
export const auditLog: DialectMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('audit_log'), dialect)
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'integer')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('created_at', instantType(dialect), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropTable('audit_log').ifExists().execute();
  },
};
