import type { Insertable } from 'kysely';
import { type FieldContext, fieldAccess } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import type { AppContext, Trx } from '../../context.ts';
import type { TicketHistoryTable } from '../../db/schema.ts';
import { badRequest, fieldForbidden } from '../../platform/errors.ts';
import type { CustomField, CustomValue } from './customfields.model.ts';
import { type FieldValueRow, listValuesOfTickets, replaceFieldValues } from './customfields.repo.ts';
import { activeCustomFields } from './customfields.service.ts';
import { isEmptyValue, rowsToValue, type ValueRow, valueForHistory, valueToRows } from './customfields.values.ts';

/** Custom field definitions plus the values of some tickets, loaded once per request. */
export interface CustomSnapshot {
  fields: CustomField[];
  values: Map<number, FieldValueRow[]>;
}

export async function loadCustomSnapshot(ctx: AppContext, ticketIds: number[]): Promise<CustomSnapshot> {
  const fields = await activeCustomFields(ctx);
  const values = new Map<number, FieldValueRow[]>();
  if (fields.length === 0) return { fields, values };
  for (const row of await listValuesOfTickets(ctx.db.kysely, ticketIds)) {
    const list = values.get(row.ticket_id) ?? [];
    list.push(row);
    values.set(row.ticket_id, list);
  }
  return { fields, values };
}

/** Every field's current value on one ticket. */
export function valuesOfTicket(snapshot: CustomSnapshot, ticketId: number): Map<number, CustomValue> {
  const rows = snapshot.values.get(ticketId) ?? [];
  return new Map(
    snapshot.fields.map((f) => [
      f.id,
      rowsToValue(
        f,
        rows.filter((r) => r.field_id === f.id),
      ),
    ]),
  );
}

/** The custom values of a ticket the actor may read, by key. */
export function readableCustomValues(
  actor: Actor,
  snapshot: CustomSnapshot,
  ticketId: number,
  context: FieldContext,
): Record<string, CustomValue> {
  const current = valuesOfTicket(snapshot, ticketId);
  const out: Record<string, CustomValue> = {};
  for (const field of snapshot.fields) {
    if (fieldAccess(actor, field.name, context) !== 'hidden') out[field.key] = current.get(field.id) ?? null;
  }
  return out;
}

/** Names (`cf.<key>`) of the requested known fields the actor may not write. */
export function unwritableCustomFields(
  actor: Actor,
  snapshot: CustomSnapshot,
  input: Record<string, CustomValue> | undefined,
  options: { context: FieldContext; intake: boolean },
): string[] {
  const byKey = new Map(snapshot.fields.map((f) => [f.key, f]));
  return Object.keys(input ?? {})
    .map((key) => byKey.get(key))
    .filter((f): f is CustomField => f !== undefined)
    .filter((f) => !(options.intake && f.portalVisible && can(actor, 'ticket.create')))
    .filter((f) => fieldAccess(actor, f.name, options.context) !== 'write')
    .map((f) => f.name);
}

export interface CustomChange {
  field: CustomField;
  rows: ValueRow[];
  before: CustomValue;
  after: CustomValue;
}

/**
 * Validates requested custom values before anything is written: unknown keys and bad values
 * are 400, fields the actor may not write are 403 naming every one. At intake, fields shown in
 * the portal are writable by whoever may open the ticket (like subject and type).
 */
export async function prepareCustomChanges(
  ctx: AppContext,
  actor: Actor,
  snapshot: CustomSnapshot,
  input: Record<string, CustomValue> | undefined,
  options: { context: FieldContext; intake: boolean; current: Map<number, CustomValue> },
): Promise<CustomChange[]> {
  const entries = Object.entries(input ?? {});
  const byKey = new Map(snapshot.fields.map((f) => [f.key, f]));
  const unknown = entries.filter(([key]) => !byKey.has(key)).map(([key]) => `cf.${key}`);
  if (unknown.length > 0) throw badRequest('Unknown custom fields', unknown);
  const refused = unwritableCustomFields(actor, snapshot, input, options);
  if (refused.length > 0) throw fieldForbidden(refused);
  const changes: CustomChange[] = [];
  for (const [key, value] of entries) {
    const field = byKey.get(key)!;
    const rows = await valueToRows(ctx.db, field, value);
    const after = rowsToValue(
      field,
      rows.map((r, position) => ({ ticket_id: 0, field_id: field.id, position, ...r })),
    );
    const before = options.current.get(field.id) ?? rowsToValue(field, []);
    if (valueForHistory(after) !== valueForHistory(before)) changes.push({ field, rows, before, after });
  }
  return changes;
}

/** Admin-set defaults for the fields a new ticket did not get a value for. */
export async function defaultChanges(
  ctx: AppContext,
  snapshot: CustomSnapshot,
  given: CustomChange[],
): Promise<CustomChange[]> {
  const out: CustomChange[] = [];
  for (const field of snapshot.fields) {
    if (field.defaultValue === null || given.some((c) => c.field.id === field.id)) continue;
    out.push({
      field,
      rows: await valueToRows(ctx.db, field, field.defaultValue),
      before: rowsToValue(field, []),
      after: field.defaultValue,
    });
  }
  return out;
}

/** Fields that must have a value but do not: 400 naming each. */
export function assertRequired(fields: CustomField[], values: Map<number, CustomValue>, why: string): void {
  const missing = fields.filter((f) => isEmptyValue(values.get(f.id) ?? null)).map((f) => f.name);
  if (missing.length > 0) throw badRequest(why, missing);
}

/** Writes the changes and one history row each (field `cf.<key>`); call inside the transaction. */
export async function writeCustomChanges(
  trx: Trx,
  ticketId: number,
  changes: CustomChange[],
  actorId: number | null,
  at: string,
  recordHistory: boolean,
): Promise<Insertable<TicketHistoryTable>[]> {
  const history: Insertable<TicketHistoryTable>[] = [];
  for (const change of changes) {
    await replaceFieldValues(trx, ticketId, change.field.id, change.rows);
    if (recordHistory) {
      history.push({
        ticket_id: ticketId,
        actor_id: actorId,
        field: change.field.name,
        old_value: valueForHistory(change.before),
        new_value: valueForHistory(change.after),
        created_at: at,
      });
    }
  }
  return history;
}
