import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../kysely.ts';

/** A migration that knows which engine it runs on, for the few unavoidable differences. */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Column type for UTC instants: ISO text on SQLite, timestamptz on PostgreSQL. */
export function instantType(dialect: DialectName): 'text' | 'timestamptz' {
  return dialect === 'postgres' ? 'timestamptz' : 'text';
}

/** Adds an integer surrogate primary key named `id`. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}

/**
 * Adds each new permission to the existing roles whose key is listed for it, so installations
 * upgraded past the migration that introduces a permission behave like new ones. Roles created
 * by an admin (keys not listed) are left alone.
 */
export async function grantNewPermissions(
  db: Kysely<unknown>,
  newPermissions: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  const k = db as unknown as Kysely<{ roles: { id: number; key: string; permissions: string } }>;
  for (const role of await k.selectFrom('roles').select(['id', 'key', 'permissions']).execute()) {
    const permissions = new Set(JSON.parse(role.permissions) as string[]);
    for (const [permission, roles] of Object.entries(newPermissions)) {
      if (roles.includes(role.key)) permissions.add(permission);
    }
    await k
      .updateTable('roles')
      .set({ permissions: JSON.stringify([...permissions]) })
      .where('id', '=', role.id)
      .execute();
  }
}

/** One seeded level-1 rule of the default process: event, recipient role, channel, on/off, user-overridable. */
export interface DefaultRule {
  event: string;
  recipientRole: string;
  channel: 'email' | 'in_app';
  enabled: boolean;
  userOverridable: boolean;
}

/** Inserts level-1 (workflow) notification rules of the default process: no ticket type, service or user. */
export async function insertDefaultRules(
  db: Kysely<unknown>,
  rules: readonly DefaultRule[],
  now: string,
): Promise<void> {
  const k = db as unknown as Kysely<{ notification_rules: Record<string, string | number | null> }>;
  await k
    .insertInto('notification_rules')
    .values(
      rules.map((r) => ({
        level: 'workflow',
        ticket_type: null,
        service_id: null,
        user_id: null,
        event: r.event,
        category_id: null,
        status_to: null,
        recipient_role: r.recipientRole,
        channel: r.channel,
        enabled: r.enabled ? 1 : 0,
        user_overridable: r.userOverridable ? 1 : 0,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
