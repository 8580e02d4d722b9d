import type { Kysely } from 'kysely';
import { DEFAULT_STATUSES, DEFAULT_TRANSITION_ROWS, DEFAULT_TYPES } from '../../modules/workflow/workflow.model.ts';
import { type DialectMigration, withId } from './helpers.ts';

interface SeedTables {
  ticket_statuses: {
    key: string;
    names: string;
    category: string;
    pause_sla: number;
    active: number;
    system: number;
    position: number;
  };
  ticket_types: { key: string; names: string; active: number; system: number; position: number };
  workflow_transitions: {
    ticket_type: string | null;
    from_status: string;
    to_status: string;
    by_actor: string;
    roles: string;
    requires: string;
    position: number;
  };
  roles: { id: number; key: string; permissions: string };
}

/**
 * Configurable workflows: statuses (names per language, category, pause-SLA flag, retired),
 * ticket types, and transitions per type with the roles that may take them and what they require.
 * Seeded with the main process, which is what the code did before.
 */
export const workflow: DialectMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('ticket_statuses')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('pause_sla', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('system', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('ticket_types')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('system', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await withId(db.schema.createTable('workflow_transitions'), dialect)
      .addColumn('ticket_type', 'text')
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('by_actor', 'text', (c) => c.notNull())
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('requires', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    const k = db as unknown as Kysely<SeedTables>;
    await k
      .insertInto('ticket_statuses')
      .values(
        DEFAULT_STATUSES.map((s) => ({
          key: s.key,
          names: '{}',
          category: s.category,
          pause_sla: s.pauseSla ? 1 : 0,
          active: 1,
          system: 1,
          position: s.position,
        })),
      )
      .execute();
    await k
      .insertInto('ticket_types')
      .values(DEFAULT_TYPES.map((t) => ({ key: t.key, names: '{}', active: 1, system: 1, position: t.position })))
      .execute();
    await k
      .insertInto('workflow_transitions')
      .values(
        DEFAULT_TRANSITION_ROWS.map((t, position) => ({
          ticket_type: null,
          from_status: t.from,
          to_status: t.to,
          by_actor: t.by,
          roles: '[]',
          requires: JSON.stringify(t.requires),
          position,
        })),
      )
      .execute();
    for (const role of await k.selectFrom('roles').select(['id', 'key', 'permissions']).execute()) {
      if (role.key !== 'admin') continue;
      const permissions = new Set(JSON.parse(role.permissions) as string[]);
      permissions.add('admin.workflow.manage');
      await k
        .updateTable('roles')
        .set({ permissions: JSON.stringify([...permissions]) })
        .where('id', '=', role.id)
        .execute();
    }
  },

  async down(db) {
    for (const table of ['workflow_transitions', 'ticket_types', 'ticket_statuses']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
