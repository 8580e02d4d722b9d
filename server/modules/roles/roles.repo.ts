import type { Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { RoleTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

const ROLE_COLUMNS = [
  'roles.id',
  'roles.key',
  'roles.name',
  'roles.permissions',
  'roles.field_rules',
  'roles.created_at',
  'roles.updated_at',
] as const;

/** Role columns plus the number of users holding the role. */
function roleQuery(db: Executor) {
  return db
    .selectFrom('roles')
    .select(ROLE_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('users')
        .whereRef('users.role_id', '=', 'roles.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('user_count'),
    );
}

/** Roles with the number of users holding each. */
export async function listRolesWithUsage(db: Executor) {
  return roleQuery(db).orderBy('roles.id').execute();
}

export type RoleRow = Awaited<ReturnType<typeof listRolesWithUsage>>[number];

export async function findRoleRow(db: Executor, id: number): Promise<RoleRow | undefined> {
  return roleQuery(db).where('roles.id', '=', id).executeTakeFirst();
}

export async function roleKeyExists(db: Executor, key: string): Promise<boolean> {
  return (await db.selectFrom('roles').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function insertRole(
  trx: Executor,
  values: {
    key: string;
    name: string;
    permissions: string;
    field_rules: string;
    created_at: string;
    updated_at: string;
  },
): Promise<number> {
  const row = await trx.insertInto('roles').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRole(trx: Executor, id: number, values: Updateable<RoleTable>): Promise<void> {
  await trx.updateTable('roles').set(values).where('id', '=', id).execute();
}

/** Deletes a role only while no user has it; returns false when it is in use (or gone). */
export async function deleteUnusedRole(trx: Executor, id: number): Promise<boolean> {
  const result = await trx
    .deleteFrom('roles')
    .where('id', '=', id)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('users').select('users.id').whereRef('users.role_id', '=', 'roles.id'))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every role key, for validating references to roles (e.g. in workflow transitions). */
export async function listRoleKeys(db: Executor): Promise<string[]> {
  return (await db.selectFrom('roles').select('key').execute()).map((r) => r.key);
}
