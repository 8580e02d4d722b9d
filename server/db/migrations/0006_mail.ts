import { type DialectMigration, grantNewPermissions, instantType, withId } from './helpers.ts';

/** Permissions added by this migration and the default roles that receive them. */
const NEW_PERMISSIONS: Record<string, string[]> = {
  'admin.mail.manage': ['admin'],
};

/**
 * The e-mail channel: mail accounts, receipts of every inbound message (raw bytes kept before
 * the source is acknowledged), the Message-IDs of each ticket's thread, outbound mail, address
 * health (bounces), ticket links and CC addresses, password-reset tokens, and the mail-specific
 * columns of ticket messages (quoted text, sender, unverified-sender flag).
 */
export const mail: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    const bytes = dialect === 'postgres' ? 'bytea' : 'blob';

    await withId(db.schema.createTable('mail_accounts'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('host', 'text')
      .addColumn('port', 'integer')
      .addColumn('tls', 'text', (c) => c.notNull().defaultTo('implicit'))
      .addColumn('allow_self_signed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('username', 'text')
      .addColumn('password_enc', 'text')
      .addColumn('folder', 'text', (c) => c.notNull().defaultTo('INBOX'))
      .addColumn('after_import', 'text', (c) => c.notNull().defaultTo('mark_seen'))
      .addColumn('move_to', 'text')
      .addColumn('group_id', 'integer', (c) => c.references('support_groups.id'))
      .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
      .addColumn('service_id', 'integer', (c) => c.references('services.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('last_polled_at', ts)
      .addColumn('last_error', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('mail_receipts'), dialect)
      .addColumn('account_id', 'integer', (c) => c.references('mail_accounts.id').onDelete('set null'))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('source_ref', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('message_id', 'text')
      .addColumn('raw_sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('error', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('from_address', 'text')
      .addColumn('subject', 'text')
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
      .addColumn('received_at', ts, (c) => c.notNull())
      .addColumn('processed_at', ts)
      .execute();
    // The raw bytes live in their own table: SQLite rewrites a whole row on update, and a
    // receipt's status changes while its (possibly megabytes of) raw message never does.
    await db.schema
      .createTable('mail_receipt_bodies')
      .addColumn('receipt_id', 'integer', (c) => c.primaryKey().references('mail_receipts.id').onDelete('cascade'))
      .addColumn('raw', bytes, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('mail_receipts_status_idx').on('mail_receipts').columns(['status', 'id']).execute();

    await withId(db.schema.createTable('mail_threads'), dialect)
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('mail_threads_ticket_idx')
      .on('mail_threads')
      .columns(['ticket_id', 'created_at'])
      .execute();

    await withId(db.schema.createTable('mail_outbound'), dialect)
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
      .addColumn('ticket_message_id', 'integer', (c) => c.references('ticket_messages.id').onDelete('cascade'))
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('cc', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('in_reply_to', 'text')
      .addColumn('thread_references', 'text')
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('attachment_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('sent_at', ts)
      .execute();
    await db.schema.createIndex('mail_outbound_ticket_idx').on('mail_outbound').columns(['ticket_id', 'id']).execute();
    await db.schema
      .createIndex('mail_outbound_recipient_idx')
      .on('mail_outbound')
      .columns(['to_address', 'created_at'])
      .execute();

    await db.schema
      .createTable('mail_address_status')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('bouncing', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reason', 'text')
      .addColumn('last_bounce_at', ts)
      .addColumn('bounce_count', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('ticket_links')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('linked_ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'linked_ticket_id'])
      .execute();

    await db.schema
      .createTable('ticket_cc')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_cc_pk', ['ticket_id', 'email'])
      .execute();

    await withId(db.schema.createTable('password_resets'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('used_at', ts)
      .execute();

    for (const [name, type] of [
      ['quoted_html', 'text'],
      ['sender_email', 'text'],
      ['receipt_id', 'integer'],
    ] as const) {
      await db.schema.alterTable('ticket_messages').addColumn(name, type).execute();
    }
    await db.schema
      .alterTable('ticket_messages')
      .addColumn('unverified_sender', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await grantNewPermissions(db, NEW_PERMISSIONS);
  },

  async down(db) {
    for (const column of ['quoted_html', 'sender_email', 'receipt_id', 'unverified_sender']) {
      await db.schema.alterTable('ticket_messages').dropColumn(column).execute();
    }
    for (const table of [
      'password_resets',
      'ticket_cc',
      'ticket_links',
      'mail_address_status',
      'mail_outbound',
      'mail_threads',
      'mail_receipt_bodies',
      'mail_receipts',
      'mail_accounts',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
