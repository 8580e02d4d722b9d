import {
  type DefaultRule,
  type DialectMigration,
  grantNewPermissions,
  insertDefaultRules,
  instantType,
  withId,
} from './helpers.ts';

/** Permissions added by this migration and the default roles that receive them. */
const NEW_PERMISSIONS: Record<string, string[]> = {
  'admin.notifications.manage': ['admin'],
};

const both = (event: string, recipientRole: string, userOverridable = true): DefaultRule[] => [
  { event, recipientRole, channel: 'in_app', enabled: true, userOverridable },
  { event, recipientRole, channel: 'email', enabled: true, userOverridable },
];
const one = (event: string, recipientRole: string, channel: DefaultRule['channel'], enabled = true): DefaultRule => ({
  event,
  recipientRole,
  channel,
  enabled,
  userOverridable: true,
});

/**
 * The level-1 defaults of the default process (every ticket type). Everything a person might
 * reasonably silence is user-overridable; an SLA breach reaches the owner and the managers by
 * e-mail whatever they prefer. A status change e-mail to the requester is off unless they opt in.
 */
export const DEFAULT_NOTIFICATION_RULES: readonly DefaultRule[] = [
  ...both('ticket.created', 'group_members'),
  ...both('ticket.assigned_to_me', 'owner'),
  ...both('ticket.customer_replied', 'owner'),
  one('ticket.note_added', 'owner', 'in_app'),
  one('ticket.status_changed', 'requester', 'email', false),
  one('ticket.resolved', 'requester', 'email'),
  ...both('ticket.rejected', 'owner'),
  ...both('ticket.sla_warning', 'owner'),
  { event: 'ticket.sla_breached', recipientRole: 'owner', channel: 'email', enabled: true, userOverridable: false },
  { event: 'ticket.sla_breached', recipientRole: 'managers', channel: 'email', enabled: true, userOverridable: false },
  one('ticket.escalated', 'group_members', 'in_app'),
  one('ticket.mention', 'owner', 'in_app'),
];

/**
 * Notifications: the cascade rules (level 1 per business process, level 2 per service, level 3
 * per user), seeded with the defaults of the default process, and the permission to manage them.
 */
export const notifications: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    const now = new Date().toISOString();

    await withId(db.schema.createTable('notification_rules'), dialect)
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('ticket_type', 'text')
      .addColumn('service_id', 'integer', (c) => c.references('services.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
      .addColumn('status_to', 'text')
      .addColumn('recipient_role', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('user_overridable', 'integer', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notification_rules_event_idx')
      .on('notification_rules')
      .columns(['event', 'channel'])
      .execute();

    await insertDefaultRules(db, DEFAULT_NOTIFICATION_RULES, now);

    await grantNewPermissions(db, NEW_PERMISSIONS);
  },

  async down(db) {
    await db.schema.dropTable('notification_rules').execute();
  },
};
