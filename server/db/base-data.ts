import { DEFAULT_ROLES } from '../authz/roles.ts';
import type { Db } from './kysely.ts';

/**
 * Data every installation needs: the five default roles and the three support lines.
 * Runs after migrations; does nothing once roles exist (admins own them from then on). Several
 * nodes starting at once on a new database are safe: conflicting inserts are skipped.
 */
export async function ensureBaseData(db: Db, now: string): Promise<void> {
  const existing = await db.kysely.selectFrom('roles').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  await db.kysely.transaction().execute(async (trx) => {
    for (const role of Object.values(DEFAULT_ROLES)) {
      await trx
        .insertInto('roles')
        .values({
          key: role.key,
          name: role.name,
          permissions: JSON.stringify(role.permissions),
          field_rules: JSON.stringify(role.fieldRules),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
    const groups = [
      { name: 'First line', tier: 1 },
      { name: 'Second line', tier: 2 },
      { name: 'Third line', tier: 3 },
    ];
    for (const group of groups)
      await trx
        .insertInto('support_groups')
        .values({ ...group, created_at: now })
        .execute();
  });
}
