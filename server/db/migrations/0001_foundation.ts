import { sql } from 'kysely';
import { type DialectMigration, instantType, withId } from './helpers.ts';

/** Core tables: people, roles, catalogue, tickets, messages, history, outbox. */
export const foundation: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    const text = 'text';

    await withId(db.schema.createTable('organizations'), dialect)
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('domain', text)
      .addColumn('shared_tickets', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('roles'), dialect)
      .addColumn('key', text, (c) => c.notNull().unique())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('permissions', text, (c) => c.notNull())
      .addColumn('field_rules', text, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('users'), dialect)
      .addColumn('email', text, (c) => c.notNull().unique())
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('password_hash', text)
      .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('locale', text, (c) => c.notNull().defaultTo('en'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('phone', text)
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_role_idx').on('users').columns(['role_id', 'name']).execute();

    await withId(db.schema.createTable('support_groups'), dialect)
      .addColumn('name', text, (c) => c.notNull().unique())
      .addColumn('tier', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('group_members')
      .addColumn('group_id', 'integer', (c) => c.notNull().references('support_groups.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
      .execute();
    await db.schema.createIndex('group_members_user_idx').on('group_members').column('user_id').execute();

    await withId(db.schema.createTable('sessions'), dialect)
      .addColumn('token_hash', text, (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', text, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('api_tokens'), dialect)
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('token_hash', text, (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('last_used_at', ts)
      .addColumn('revoked_at', ts)
      .execute();

    await withId(db.schema.createTable('categories'), dialect)
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('categories.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('services'), dialect)
      .addColumn('name', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull().defaultTo(''))
      .addColumn('group_id', 'integer', (c) => c.references('support_groups.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('tickets'), dialect)
      .addColumn('number', 'integer', (c) => c.notNull().unique())
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('priority', text, (c) => c.notNull())
      .addColumn('type', text, (c) => c.notNull())
      .addColumn('channel', text, (c) => c.notNull())
      .addColumn('requester_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
      .addColumn('group_id', 'integer', (c) => c.references('support_groups.id'))
      .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
      .addColumn('service_id', 'integer', (c) => c.references('services.id'))
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('solution', text)
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('resolved_at', ts)
      .addColumn('closed_at', ts)
      .addColumn('first_response_at', ts)
      .execute();
    // Queue access paths: by status, by owner, by group, by requester, each newest first.
    for (const [name, columns] of [
      ['tickets_status_updated_idx', ['status', 'updated_at', 'id']],
      ['tickets_owner_status_idx', ['owner_id', 'status', 'updated_at', 'id']],
      ['tickets_group_status_idx', ['group_id', 'status', 'updated_at', 'id']],
      ['tickets_requester_idx', ['requester_id', 'updated_at', 'id']],
      ['tickets_org_idx', ['organization_id', 'updated_at', 'id']],
      ['tickets_updated_idx', ['updated_at', 'id']],
      ['tickets_resolved_idx', ['status', 'resolved_at']],
    ] as const) {
      await db.schema
        .createIndex(name)
        .on('tickets')
        .columns([...columns])
        .execute();
    }
    // Sticky ownership looks for the requester's latest ticket that has an owner; without this
    // partial index that walks every ticket of the requester (an integration account has many).
    await db.schema
      .createIndex('tickets_requester_owned_idx')
      .on('tickets')
      .columns(['requester_id', 'created_at', 'id'])
      .where(sql.ref('owner_id'), 'is not', null)
      .execute();

    await withId(db.schema.createTable('ticket_messages'), dialect)
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('visibility', text, (c) => c.notNull())
      .addColumn('body_html', text, (c) => c.notNull())
      .addColumn('body_text', text, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_ticket_idx').on('ticket_messages').columns(['ticket_id', 'id']).execute();

    await withId(db.schema.createTable('attachments'), dialect)
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
      .addColumn('message_id', 'integer', (c) => c.references('ticket_messages.id').onDelete('cascade'))
      .addColumn('uploader_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('filename', text, (c) => c.notNull())
      .addColumn('content_type', text, (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', text, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_message_idx').on('attachments').column('message_id').execute();

    await withId(db.schema.createTable('ticket_history'), dialect)
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
      .addColumn('field', text, (c) => c.notNull())
      .addColumn('old_value', text)
      .addColumn('new_value', text)
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('history_ticket_idx').on('ticket_history').columns(['ticket_id', 'id']).execute();

    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('type', text, (c) => c.notNull())
      .addColumn('payload', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', ts, (c) => c.notNull())
      .addColumn('locked_until', ts)
      .addColumn('last_error', text)
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('finished_at', ts)
      .execute();
    await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'run_at', 'id']).execute();

    await db.schema
      .createTable('settings')
      .addColumn('key', text, (c) => c.primaryKey())
      .addColumn('value', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', text, (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('schedule_leases')
      .addColumn('name', text, (c) => c.primaryKey())
      .addColumn('holder', text, (c) => c.notNull())
      .addColumn('expires_at', ts, (c) => c.notNull())
      .addColumn('last_run_at', ts)
      .execute();

    if (dialect === 'postgres') {
      // Ticket numbers come from a sequence so several nodes never hand out the same one.
      await sql`create sequence ticket_number_seq start with 10001`.execute(db);
    }
  },

  async down(db, dialect) {
    if (dialect === 'postgres') await sql`drop sequence if exists ticket_number_seq`.execute(db);
    for (const table of [
      'schedule_leases',
      'counters',
      'settings',
      'outbox',
      'ticket_history',
      'attachments',
      'ticket_messages',
      'tickets',
      'services',
      'categories',
      'api_tokens',
      'sessions',
      'group_members',
      'support_groups',
      'users',
      'roles',
      'organizations',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
