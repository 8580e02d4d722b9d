import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** Every organization, by name, for pickers. */
export async function listOrganizations(db: Executor) {
  return db.selectFrom('organizations').select(['id', 'name', 'domain']).orderBy('name').orderBy('id').execute();
}

export async function organizationExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
