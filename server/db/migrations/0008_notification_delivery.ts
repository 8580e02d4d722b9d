import type { Kysely } from 'kysely';
import { type DefaultRule, type DialectMigration, insertDefaultRules, instantType, withId } from './helpers.ts';

/**
 * Level-1 defaults added with delivery: the customer mails the mail channel already sent before
 * they went through the cascade (issue 3) — the agent's public reply and the closing notice to the
 * requester; the "resolved" mail has its rule since 0007 — and the @mention, whose mentioned
 * person counts as a watcher (ADR 0019). User-overridable, so a person can silence exactly one.
 */
export const DELIVERY_DEFAULT_RULES: readonly DefaultRule[] = [
  // The "we received your request" mail with the ticket number (issue 3), now a rule a customer may switch off.
  { event: 'ticket.created', recipientRole: 'requester', channel: 'email', enabled: true, userOverridable: true },
  { event: 'ticket.agent_replied', recipientRole: 'requester', channel: 'email', enabled: true, userOverridable: true },
  { event: 'ticket.closed', recipientRole: 'requester', channel: 'email', enabled: true, userOverridable: true },
  { event: 'ticket.mention', recipientRole: 'watchers', channel: 'in_app', enabled: true, userOverridable: true },
];

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

    await insertDefaultRules(db, DELIVERY_DEFAULT_RULES, now);
  },

  async down(db) {
    const k = db as unknown as Kysely<{
      notification_rules: { level: string; event: string; recipient_role: string; channel: string };
    }>;
    for (const r of DELIVERY_DEFAULT_RULES) {
      await k
        .deleteFrom('notification_rules')
        .where('level', '=', 'workflow')
        .where('event', '=', r.event)
        .where('recipient_role', '=', r.recipientRole)
        .where('channel', '=', r.channel)
        .execute();
    }
    await db.schema.dropTable('ticket_watchers').execute();
    await db.schema.dropTable('notifications').execute();
  },
};
