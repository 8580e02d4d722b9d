import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { VendorContactTable, VendorTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

export type VendorRow = Selectable<VendorTable>;
export type VendorContactRow = Selectable<VendorContactTable>;

export async function listVendorRows(db: Executor): Promise<VendorRow[]> {
  return db.selectFrom('vendors').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findVendor(db: Executor, id: number): Promise<VendorRow | undefined> {
  return db.selectFrom('vendors').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listContacts(db: Executor, vendorIds: readonly number[]): Promise<VendorContactRow[]> {
  if (vendorIds.length === 0) return [];
  return db
    .selectFrom('vendor_contacts')
    .selectAll()
    .where('vendor_id', 'in', vendorIds)
    .orderBy('vendor_id')
    .orderBy('position')
    .execute();
}

export async function insertVendor(db: Executor, values: Insertable<VendorTable>): Promise<number> {
  return (await db.insertInto('vendors').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateVendor(db: Executor, id: number, values: Updateable<VendorTable>): Promise<void> {
  await db.updateTable('vendors').set(values).where('id', '=', id).execute();
}

/** Replaces a vendor's contacts with the given list, in order. */
export async function replaceContacts(
  db: Executor,
  vendorId: number,
  contacts: readonly { name: string; email: string | null; phone: string | null }[],
): Promise<void> {
  await db.deleteFrom('vendor_contacts').where('vendor_id', '=', vendorId).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('vendor_contacts')
    .values(contacts.map((c, position) => ({ vendor_id: vendorId, position, ...c })))
    .execute();
}

export async function vendorInUse(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('tickets').select('id').where('vendor_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function deleteVendor(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('vendors').where('id', '=', id).execute();
}
