import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { CalendarTable, ContractTable, Database, SlaPolicyTable, TicketTable } from '../../db/schema.ts';

type Executor = Db['kysely'] | Trx;

export type CalendarRow = Selectable<CalendarTable>;
export type SlaPolicyRow = Selectable<SlaPolicyTable>;
export type ContractRow = Selectable<ContractTable>;

export async function listCalendars(db: Executor): Promise<CalendarRow[]> {
  return db.selectFrom('calendars').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findCalendar(db: Executor, id: number): Promise<CalendarRow | undefined> {
  return db.selectFrom('calendars').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCalendar(db: Executor, values: Insertable<CalendarTable>): Promise<number> {
  return (await db.insertInto('calendars').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCalendar(db: Executor, id: number, values: Updateable<CalendarTable>): Promise<void> {
  await db.updateTable('calendars').set(values).where('id', '=', id).execute();
}

export async function deleteCalendar(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('calendars').where('id', '=', id).execute();
}

export async function calendarInUse(db: Executor, id: number): Promise<boolean> {
  const row = await db.selectFrom('sla_policies').select('id').where('calendar_id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function listPolicies(db: Executor): Promise<SlaPolicyRow[]> {
  return db.selectFrom('sla_policies').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findPolicy(db: Executor, id: number): Promise<SlaPolicyRow | undefined> {
  return db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDefaultPolicyId(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('sla_policies')
    .select('id')
    .where('is_default', '=', 1)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertPolicy(db: Executor, values: Insertable<SlaPolicyTable>): Promise<number> {
  return (await db.insertInto('sla_policies').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePolicy(db: Executor, id: number, values: Updateable<SlaPolicyTable>): Promise<void> {
  await db.updateTable('sla_policies').set(values).where('id', '=', id).execute();
}

/** Only one policy is the default: setting one clears the others. */
export async function clearDefaultPolicy(db: Executor, exceptId: number): Promise<void> {
  await db.updateTable('sla_policies').set({ is_default: 0 }).where('id', '!=', exceptId).execute();
}

export async function deletePolicy(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('sla_policies').where('id', '=', id).execute();
}

/** What still points at a policy: contracts, vendors, tickets. Empty when it may be deleted. */
export async function policyUsage(db: Executor, id: number): Promise<string[]> {
  const used: string[] = [];
  if (await db.selectFrom('contracts').select('id').where('sla_policy_id', '=', id).executeTakeFirst())
    used.push('contracts');
  if (await db.selectFrom('vendors').select('id').where('sla_policy_id', '=', id).executeTakeFirst())
    used.push('vendors');
  if (await db.selectFrom('tickets').select('id').where('sla_policy_id', '=', id).executeTakeFirst())
    used.push('tickets');
  return used;
}

export async function listContracts(db: Executor): Promise<ContractRow[]> {
  return db.selectFrom('contracts').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findContract(db: Executor, id: number): Promise<ContractRow | undefined> {
  return db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertContract(db: Executor, values: Insertable<ContractTable>): Promise<number> {
  return (await db.insertInto('contracts').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateContract(db: Executor, id: number, values: Updateable<ContractTable>): Promise<void> {
  await db.updateTable('contracts').set(values).where('id', '=', id).execute();
}

export async function deleteContract(db: Executor, id: number): Promise<void> {
  await db.updateTable('tickets').set({ contract_id: null }).where('contract_id', '=', id).execute();
  await db.deleteFrom('contracts').where('id', '=', id).execute();
}

/** Contracts of a customer or their organization valid on `date` (YYYY-MM-DD). */
export async function contractsFor(
  db: Executor,
  customerId: number,
  organizationId: number | null,
  date: string,
): Promise<ContractRow[]> {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('customer_id', '=', customerId),
        ...(organizationId === null ? [] : [eb('organization_id', '=', organizationId)]),
      ]),
    )
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
    .execute();
}

/** The facts of a ticket the SLA engine reads. */
export const SLA_TICKET_COLUMNS = [
  'id',
  'status',
  'priority',
  'service_id',
  'requester_id',
  'organization_id',
  'created_at',
  'first_response_at',
  'resolved_at',
  'closed_at',
  'sla_policy_id',
  'contract_id',
  'sla_notified',
  'vendor_due_at',
  'vendor_remind_at',
  // The current snapshot, so a recomputation writes only what changed.
  'response_due_at',
  'response_warn_at',
  'response_sla_state',
  'resolution_due_at',
  'resolution_warn_at',
  'resolution_sla_state',
  'resolution_remaining_minutes',
  'sla_next_check_at',
  'due_at',
] as const satisfies readonly (keyof TicketTable)[];

export type SlaTicketFacts = Pick<Selectable<TicketTable>, (typeof SLA_TICKET_COLUMNS)[number]>;

export async function findSlaFacts(db: Executor, ids: readonly number[]): Promise<SlaTicketFacts[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tickets').select(SLA_TICKET_COLUMNS).where('id', 'in', ids).execute();
}

/** Status changes of these tickets, oldest first, for the SLA timeline. */
export async function statusHistoryOf(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ticket_history')
    .select(['ticket_id', 'new_value', 'created_at'])
    .where('ticket_id', 'in', ids)
    .where('field', '=', 'status')
    .orderBy('ticket_id')
    .orderBy('id')
    .execute();
}

/** Tickets whose next SLA instant has come, earliest first. */
export async function findSlaDue(db: Executor, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('sla_next_check_at', 'is not', null)
    .where('sla_next_check_at', '<=', now)
    .orderBy('sla_next_check_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Writes a ticket's SLA snapshot unless someone else wrote one since `expectedNotified` was read;
 * returns false then, so the caller does not emit the same events twice.
 */
export async function writeSlaSnapshot(
  db: Executor,
  id: number,
  expectedNotified: number,
  values: Updateable<TicketTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tickets')
    .set(values)
    .where('id', '=', id)
    .where('sla_notified', '=', expectedNotified)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Open tickets affected by an SLA configuration change, for recomputation. */
export async function openTicketIdsWhere(
  db: Executor,
  scope: { policyId?: number; organizationId?: number | null; customerId?: number | null },
  openStatuses: readonly string[],
  afterId: number,
  limit: number,
): Promise<number[]> {
  const any = (eb: ExpressionBuilder<Database, 'tickets'>) => {
    const conditions = [];
    if (scope.policyId !== undefined) conditions.push(eb('sla_policy_id', '=', scope.policyId));
    if (scope.organizationId != null) conditions.push(eb('organization_id', '=', scope.organizationId));
    if (scope.customerId != null) conditions.push(eb('requester_id', '=', scope.customerId));
    return eb.or(conditions);
  };
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('status', 'in', openStatuses)
    .where('id', '>', afterId)
    .where(any)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The full SLA snapshot of one ticket, for the batched PostgreSQL write. */
export interface SnapshotRow {
  id: number;
  /** `sla_notified` as read: the row is skipped when someone wrote it meanwhile. */
  expected: number;
  values: {
    sla_policy_id: number | null;
    contract_id: number | null;
    response_due_at: string | null;
    response_warn_at: string | null;
    response_sla_state: string | null;
    resolution_due_at: string | null;
    resolution_warn_at: string | null;
    resolution_sla_state: string | null;
    resolution_remaining_minutes: number | null;
    sla_next_check_at: string | null;
    due_at: string;
    sla_notified: number;
  };
}

const SNAPSHOT_COLUMNS: [keyof SnapshotRow['values'], string][] = [
  ['sla_policy_id', 'int'],
  ['contract_id', 'int'],
  ['response_due_at', 'timestamptz'],
  ['response_warn_at', 'timestamptz'],
  ['response_sla_state', 'text'],
  ['resolution_due_at', 'timestamptz'],
  ['resolution_warn_at', 'timestamptz'],
  ['resolution_sla_state', 'text'],
  ['resolution_remaining_minutes', 'int'],
  ['sla_next_check_at', 'timestamptz'],
  ['due_at', 'timestamptz'],
  ['sla_notified', 'int'],
];

/**
 * Writes many snapshots in one `UPDATE … FROM (VALUES …)` (PostgreSQL only), each guarded by its
 * `sla_notified` as read. Returns the ids actually written.
 */
export async function writeSlaSnapshotsBatch(db: Executor, rows: readonly SnapshotRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const values = rows.map(
    (row) =>
      sql`(${sql.join([
        sql`${row.id}::int`,
        sql`${row.expected}::int`,
        ...SNAPSHOT_COLUMNS.map(([column, type]) => sql`${row.values[column]}::${sql.raw(type)}`),
      ])})`,
  );
  const names = ['id', 'expected', ...SNAPSHOT_COLUMNS.map(([column]) => column)];
  const set = SNAPSHOT_COLUMNS.map(([column]) => sql`${sql.ref(column)} = v.${sql.ref(column)}`);
  const result = await sql<{ id: number }>`
    update tickets set ${sql.join(set)}
    from (values ${sql.join(values)}) as v(${sql.join(names.map((n) => sql.ref(n)))})
    where tickets.id = v.id and tickets.sla_notified = v.expected
    returning tickets.id`.execute(db);
  return result.rows.map((r) => r.id);
}
