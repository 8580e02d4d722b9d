import { type Kysely, sql } from 'kysely';
import { type DialectMigration, instantType, withId } from './helpers.ts';

const WEEKDAYS_9_TO_18 = {
  0: [],
  1: [{ start: '09:00', end: '18:00' }],
  2: [{ start: '09:00', end: '18:00' }],
  3: [{ start: '09:00', end: '18:00' }],
  4: [{ start: '09:00', end: '18:00' }],
  5: [{ start: '09:00', end: '18:00' }],
  6: [],
};
/** Sort value of tickets without a pending deadline: after every real date. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const ALWAYS = { 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY };

/** Minutes to first response / resolution per priority of the policy every installation starts with. */
const STANDARD_TARGETS = {
  urgent: { firstResponse: 30, resolution: 240 },
  high: { firstResponse: 60, resolution: 540 },
  normal: { firstResponse: 240, resolution: 1620 },
  low: { firstResponse: 540, resolution: 2700 },
};

/** Permissions added by this migration and the default roles that receive them. */
const NEW_PERMISSIONS: Record<string, string[]> = {
  'ticket.escalate': ['operator', 'engineer', 'manager', 'admin'],
  'ticket.escalate.vendor': ['engineer', 'manager', 'admin'],
  'admin.sla.manage': ['admin'],
  'admin.vendors.manage': ['admin'],
};

/** New ticket fields governed by field rules, with the access each default role gets. */
const NEW_FIELDS: Record<string, Record<string, string>> = {
  sla: { customer: 'hidden', operator: 'read', engineer: 'read', manager: 'read', admin: 'read' },
  vendor: { customer: 'hidden', operator: 'read', engineer: 'write', manager: 'write', admin: 'write' },
};

const TICKET_COLUMNS: [string, 'integer' | 'text' | 'ts'][] = [
  ['sla_policy_id', 'integer'],
  ['contract_id', 'integer'],
  ['response_due_at', 'ts'],
  ['response_warn_at', 'ts'],
  ['response_sla_state', 'text'],
  ['resolution_due_at', 'ts'],
  ['resolution_warn_at', 'ts'],
  ['resolution_sla_state', 'text'],
  ['resolution_remaining_minutes', 'integer'],
  ['sla_next_check_at', 'ts'],
  ['due_at', 'ts'],
  ['sla_notified', 'integer'],
  ['second_line_at', 'ts'],
  ['vendor_id', 'integer'],
  ['vendor_reference', 'text'],
  ['vendor_escalated_at', 'ts'],
  ['vendor_due_at', 'ts'],
  ['vendor_remind_at', 'ts'],
];

/** Gives existing roles the new permissions and field defaults, so upgrades keep working. */
async function upgradeRoles(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<{
    roles: { id: number; key: string; permissions: string; field_rules: string };
  }>;
  for (const role of await k.selectFrom('roles').select(['id', 'key', 'permissions', 'field_rules']).execute()) {
    const permissions = new Set(JSON.parse(role.permissions) as string[]);
    for (const [permission, roles] of Object.entries(NEW_PERMISSIONS)) {
      if (roles.includes(role.key)) permissions.add(permission);
    }
    const rules = JSON.parse(role.field_rules) as { default?: Record<string, string> };
    const defaults = rules.default ?? (rules as Record<string, string>);
    for (const [field, byRole] of Object.entries(NEW_FIELDS)) {
      if (defaults[field] === undefined)
        defaults[field] = byRole[role.key] ?? (permissions.has('menu.agent') ? 'read' : 'hidden');
    }
    await k
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...permissions]), field_rules: JSON.stringify(rules) })
      .where('id', '=', role.id)
      .execute();
  }
}

/**
 * SLA and escalation: business calendars, SLA policies, contracts, vendors with contacts, and
 * per-ticket SLA snapshots (due dates, states, the next instant the periodic check must look at),
 * the time of the first hand-over to the second line, and the vendor escalation.
 */
export const slaEscalation: DialectMigration = {
  async up(db, dialect) {
    const ts = instantType(dialect);
    const now = new Date().toISOString();

    await withId(db.schema.createTable('calendars'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('holidays', 'text', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('sla_policies'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('calendar_id', 'integer', (c) => c.notNull().references('calendars.id'))
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('warn_at_percent', 'integer', (c) => c.notNull().defaultTo(80))
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('contracts'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
      .addColumn('customer_id', 'integer', (c) => c.references('users.id'))
      .addColumn('service_id', 'integer', (c) => c.references('services.id'))
      .addColumn('sla_policy_id', 'integer', (c) => c.notNull().references('sla_policies.id'))
      .addColumn('valid_from', 'text', (c) => c.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contracts_org_idx').on('contracts').column('organization_id').execute();
    await db.schema.createIndex('contracts_customer_idx').on('contracts').column('customer_id').execute();

    await withId(db.schema.createTable('vendors'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('sla_policy_id', 'integer', (c) => c.references('sla_policies.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('vendor_contacts'), dialect)
      .addColumn('vendor_id', 'integer', (c) => c.notNull().references('vendors.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('vendor_contacts_vendor_idx').on('vendor_contacts').column('vendor_id').execute();

    // SQLite adds one column per statement.
    for (const [name, type] of TICKET_COLUMNS) {
      await db.schema
        .alterTable('tickets')
        .addColumn(name, type === 'ts' ? ts : type, (c) => {
          if (name === 'sla_notified') return c.notNull().defaultTo(0);
          if (name === 'due_at') return c.notNull().defaultTo(NO_DUE_DATE);
          return c;
        })
        .execute();
    }
    // The periodic check reads only tickets whose next deadline has come.
    await db.schema
      .createIndex('tickets_sla_next_idx')
      .on('tickets')
      .columns(['sla_next_check_at', 'id'])
      .where(sql.ref('sla_next_check_at'), 'is not', null)
      .execute();
    // Queues sorted by due date.
    // Tickets without a pending deadline carry a far-future sentinel, so walking this index from the
    // start meets the open tickets first whatever their status.
    await db.schema.createIndex('tickets_due_idx').on('tickets').columns(['due_at', 'id']).execute();

    const k = db as unknown as Kysely<{
      calendars: {
        id?: number;
        name: string;
        time_zone: string;
        week: string;
        holidays: string;
        created_at: string;
        updated_at: string;
      };
      sla_policies: {
        id?: number;
        name: string;
        calendar_id: number;
        targets: string;
        warn_at_percent: number;
        is_default: number;
        created_at: string;
        updated_at: string;
      };
    }>;
    const calendar = async (name: string, timeZone: string, week: object) =>
      (
        await k
          .insertInto('calendars')
          .values({
            name,
            time_zone: timeZone,
            week: JSON.stringify(week),
            holidays: '[]',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id as number;
    await calendar('24x7', 'UTC', ALWAYS);
    const business = await calendar('Business hours', 'UTC', WEEKDAYS_9_TO_18);
    await k
      .insertInto('sla_policies')
      .values({
        name: 'Standard',
        calendar_id: business,
        targets: JSON.stringify(STANDARD_TARGETS),
        warn_at_percent: 80,
        is_default: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await upgradeRoles(db);
  },

  async down(db) {
    await db.schema.dropIndex('tickets_due_idx').ifExists().execute();
    await db.schema.dropIndex('tickets_sla_next_idx').ifExists().execute();
    for (const [name] of [...TICKET_COLUMNS].reverse()) {
      await db.schema.alterTable('tickets').dropColumn(name).execute();
    }
    for (const table of ['vendor_contacts', 'vendors', 'contracts', 'sla_policies', 'calendars']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
