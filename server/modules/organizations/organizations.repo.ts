import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { OrganizationTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

function baseQuery(db: Executor) {
  return db.selectFrom('organizations').select((eb) => [
    'organizations.id',
    'organizations.name',
    'organizations.domain',
    'organizations.shared_tickets',
    'organizations.created_at',
    eb
      .selectFrom('users')
      .select((inner) => inner.fn.countAll<number | string>().as('n'))
      .whereRef('users.organization_id', '=', 'organizations.id')
      .as('member_count'),
  ]);
}

export type OrganizationRow = NonNullable<Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirst']>>>;

/** Every organization with its member count, by name (pickers and the admin list). */
export async function listOrganizations(db: Executor): Promise<OrganizationRow[]> {
  return baseQuery(db).orderBy('organizations.name').orderBy('organizations.id').execute();
}

export async function findOrganization(db: Executor, id: number): Promise<OrganizationRow | undefined> {
  return baseQuery(db).where('organizations.id', '=', id).executeTakeFirst();
}

export async function organizationExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Whether another organization already claims this (lower-case) e-mail domain. */
export async function domainTaken(db: Executor, domain: string, exceptId: number | null): Promise<boolean> {
  let query = db.selectFrom('organizations').select('id').where('domain', '=', domain);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export async function insertOrganization(trx: Executor, values: Insertable<OrganizationTable>): Promise<number> {
  return (await trx.insertInto('organizations').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateOrganization(
  trx: Executor,
  id: number,
  values: Updateable<OrganizationTable>,
): Promise<void> {
  await trx.updateTable('organizations').set(values).where('id', '=', id).execute();
}

export async function deleteOrganization(trx: Executor, id: number): Promise<void> {
  // Knowledge-base audiences cascade (0010); users, tickets and contracts must be gone first.
  await trx.deleteFrom('organizations').where('id', '=', id).execute();
}

/** What still refers to the organization, by the foreign keys of users, tickets and contracts. */
export async function organizationReferences(
  db: Executor,
  id: number,
): Promise<{ members: boolean; tickets: boolean; contracts: boolean }> {
  const any = async (table: 'users' | 'tickets' | 'contracts') =>
    (await db.selectFrom(table).select('id').where('organization_id', '=', id).limit(1).executeTakeFirst()) !==
    undefined;
  return { members: await any('users'), tickets: await any('tickets'), contracts: await any('contracts') };
}

/** The organization's people, by name. */
export async function listMembers(db: Executor, id: number) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.name', 'users.email', 'users.active', 'roles.key as role_key'])
    .where('users.organization_id', '=', id)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function memberIds(db: Executor, id: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('organization_id', '=', id).execute();
  return rows.map((r) => r.id);
}
