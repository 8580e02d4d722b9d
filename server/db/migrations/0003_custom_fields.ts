import { type DialectMigration, instantType, withId } from './helpers.ts';

/**
 * Custom ticket fields: definitions, and their values one row per value (a multi-select
 * has several), typed columns so the queue can filter by them through an index.
 */
export const customFields: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    await withId(db.schema.createTable('custom_fields'), dialect)
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .addColumn('help', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('required_types', 'text', (c) => c.notNull())
      .addColumn('required_statuses', 'text', (c) => c.notNull())
      .addColumn('default_value', 'text')
      .addColumn('portal_visible', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('ticket_field_values')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('field_id', 'integer', (c) => c.notNull().references('custom_fields.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('value_text', 'text')
      .addColumn('value_number', dialect === 'postgres' ? 'double precision' : 'real')
      .addPrimaryKeyConstraint('ticket_field_values_pk', ['ticket_id', 'field_id', 'position'])
      .execute();
    await db.schema
      .createIndex('ticket_field_values_text_idx')
      .on('ticket_field_values')
      .columns(['field_id', 'value_text', 'ticket_id'])
      .execute();
    await db.schema
      .createIndex('ticket_field_values_number_idx')
      .on('ticket_field_values')
      .columns(['field_id', 'value_number', 'ticket_id'])
      .execute();
  },
  async down(db) {
    await db.schema.dropTable('ticket_field_values').ifExists().execute();
    await db.schema.dropTable('custom_fields').ifExists().execute();
  },
};
