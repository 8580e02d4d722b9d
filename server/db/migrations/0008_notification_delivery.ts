import type { Kysely } from 'kysely';
import { type DialectMigration, instantType, withId } from './helpers.ts';

/**
 * Level-1 defaults for the customer mails the mail channel already sent before notifications
 * were delivered through the cascade (issue 3): the agent's public reply and the closing notice
 * to the requester. The "resolved" mail already has its rule (0007). User-overridable, so a
 * customer can silence exactly one of them.
 */
const CUSTOMER_MAIL_DEFAULTS = [
  { event: 'ticket.agent_replied', recipientRole: 'requester' },
  { event: 'ticket.closed', recipientRole: 'requester' },
] as const;

/**
 * Notification delivery: the in-app inbox (one row per person and event, made idempotent by a
 * dedupe key of outbox event + person + channel) and the people following a ticket. Customer CC
 * addresses already live in `ticket_cc` (0006).
 */
export const notificationDelivery: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    const now = new Date().toISOString();

    await withId(db.schema.createTable('notifications'), dialect)
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
      .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('read_at', ts)
      .execute();
    await db.schema
      .createIndex('notifications_user_read_idx')
      .on('notifications')
      .columns(['user_id', 'read_at', 'id'])
      .execute();

    await db.schema
      .createTable('ticket_watchers')
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_watchers_pk', ['ticket_id', 'user_id'])
      .execute();
    await db.schema.createIndex('ticket_watchers_user_idx').on('ticket_watchers').column('user_id').execute();

    const k = db as unknown as Kysely<{ notification_rules: Record<string, string | number | null> }>;
    await k
      .insertInto('notification_rules')
      .values(
        CUSTOMER_MAIL_DEFAULTS.map((r) => ({
          level: 'workflow',
          ticket_type: null,
          service_id: null,
          user_id: null,
          event: r.event,
          category_id: null,
          status_to: null,
          recipient_role: r.recipientRole,
          channel: 'email',
          enabled: 1,
          user_overridable: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  },

  async down(db) {
    const k = db as unknown as Kysely<{ notification_rules: { level: string; event: string; recipient_role: string } }>;
    for (const r of CUSTOMER_MAIL_DEFAULTS) {
      await k
        .deleteFrom('notification_rules')
        .where('level', '=', 'workflow')
        .where('event', '=', r.event)
        .where('recipient_role', '=', r.recipientRole)
        .execute();
    }
    await db.schema.dropTable('ticket_watchers').execute();
    await db.schema.dropTable('notifications').execute();
  },
};
