import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { CustomFieldTable, TicketFieldValueTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;
export type CustomFieldRow = Selectable<CustomFieldTable>;
export type FieldValueRow = Selectable<TicketFieldValueTable>;

export async function listCustomFields(db: Executor, options: { activeOnly: boolean }): Promise<CustomFieldRow[]> {
  let query = db.selectFrom('custom_fields').selectAll();
  if (options.activeOnly) query = query.where('active', '=', 1);
  return query.orderBy('position').orderBy('id').execute();
}

export async function findCustomField(db: Executor, id: number): Promise<CustomFieldRow | undefined> {
  return db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function customFieldKeyExists(db: Executor, key: string): Promise<boolean> {
  return (await db.selectFrom('custom_fields').select('id').where('key', '=', key).executeTakeFirst()) !== undefined;
}

export async function insertCustomField(trx: Executor, values: Insertable<CustomFieldTable>): Promise<number> {
  const row = await trx.insertInto('custom_fields').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCustomField(
  trx: Executor,
  id: number,
  values: Updateable<CustomFieldTable>,
): Promise<void> {
  await trx.updateTable('custom_fields').set(values).where('id', '=', id).execute();
}

export async function deleteCustomField(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('custom_fields').where('id', '=', id).execute();
}

export async function fieldHasValues(db: Executor, fieldId: number): Promise<boolean> {
  const row = await db
    .selectFrom('ticket_field_values')
    .select('ticket_id')
    .where('field_id', '=', fieldId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** All custom values of the given tickets, in value order. */
export async function listValuesOfTickets(db: Executor, ticketIds: number[]): Promise<FieldValueRow[]> {
  if (ticketIds.length === 0) return [];
  return db
    .selectFrom('ticket_field_values')
    .selectAll()
    .where('ticket_id', 'in', ticketIds)
    .orderBy('ticket_id')
    .orderBy('field_id')
    .orderBy('position')
    .execute();
}

/** Replaces one field's values on a ticket (none to clear it). */
export async function replaceFieldValues(
  trx: Executor,
  ticketId: number,
  fieldId: number,
  rows: { value_text: string | null; value_number: number | null }[],
): Promise<void> {
  await trx
    .deleteFrom('ticket_field_values')
    .where('ticket_id', '=', ticketId)
    .where('field_id', '=', fieldId)
    .execute();
  if (rows.length === 0) return;
  await trx
    .insertInto('ticket_field_values')
    .values(rows.map((r, position) => ({ ticket_id: ticketId, field_id: fieldId, position, ...r })))
    .execute();
}

export async function userIsActive(db: Executor, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst()) !==
    undefined
  );
}

export async function organizationExists(db: Executor, id: number): Promise<boolean> {
  return (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
