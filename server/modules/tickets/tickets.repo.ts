import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { FieldScope } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { Database, TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { ticketInScopesWhere, visibleTicketsWhere } from './tickets.policy.ts';

type Executor = Db['kysely'] | Trx;

/** Next ticket number: a sequence on PostgreSQL (safe across nodes), a counter row on SQLite. */
export async function nextTicketNumber(trx: Executor, dialect: Db['dialect']): Promise<number> {
  if (dialect === 'postgres') {
    const { rows } = await sql<{ n: number }>`select nextval('ticket_number_seq')::int as n`.execute(trx);
    return rows[0].n;
  }
  const row = await trx
    .insertInto('counters')
    .values({ name: 'ticket_number', value: 10001 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

const TICKET_COLUMNS = [
  'tickets.id',
  'tickets.number',
  'tickets.subject',
  'tickets.status',
  'tickets.priority',
  'tickets.type',
  'tickets.channel',
  'tickets.requester_id',
  'tickets.owner_id',
  'tickets.group_id',
  'tickets.category_id',
  'tickets.service_id',
  'tickets.organization_id',
  'tickets.solution',
  'tickets.created_by',
  'tickets.created_at',
  'tickets.updated_at',
  'tickets.resolved_at',
  'tickets.closed_at',
  'tickets.first_response_at',
  'tickets.sla_policy_id',
  'tickets.response_due_at',
  'tickets.response_warn_at',
  'tickets.response_sla_state',
  'tickets.resolution_due_at',
  'tickets.resolution_warn_at',
  'tickets.resolution_sla_state',
  'tickets.resolution_remaining_minutes',
  'tickets.due_at',
  'tickets.sla_notified',
  'tickets.second_line_at',
  'tickets.vendor_id',
  'tickets.vendor_reference',
  'tickets.vendor_escalated_at',
  'tickets.vendor_due_at',
  'sla_policy.name as sla_policy_name',
  'vendor.name as vendor_name',
  'requester.name as requester_name',
  'requester.email as requester_email',
  'owner.name as owner_name',
  'owner.email as owner_email',
] as const;

function buildTicketQuery(db: Executor) {
  // A left join for the requester (requester_id is NOT NULL with a foreign key, so the rows are
  // the same) keeps SQLite's planner from putting users in the outer loop of queue queries.
  return db
    .selectFrom('tickets')
    .leftJoin('users as requester', 'requester.id', 'tickets.requester_id')
    .leftJoin('users as owner', 'owner.id', 'tickets.owner_id')
    .leftJoin('sla_policies as sla_policy', 'sla_policy.id', 'tickets.sla_policy_id')
    .leftJoin('vendors as vendor', 'vendor.id', 'tickets.vendor_id')
    .select(TICKET_COLUMNS);
}

type TicketQuery = ReturnType<typeof buildTicketQuery>;
const baseQueries = new WeakMap<Executor, TicketQuery>();

/**
 * The ticket select with its joins and 40 columns. Kysely builders are immutable, so the base is
 * built once per executor and extended per call; building it was a tenth of a ticket write.
 */
function ticketQuery(db: Executor): TicketQuery {
  let query = baseQueries.get(db);
  if (!query) {
    query = buildTicketQuery(db);
    baseQueries.set(db, query);
  }
  return query;
}

export type TicketRow = NonNullable<Awaited<ReturnType<TicketQuery['executeTakeFirst']>>>;
export type TicketRecord = Selectable<TicketTable>;

export async function findTicketById(db: Executor, id: number): Promise<TicketRow | undefined> {
  return ticketQuery(db).where('tickets.id', '=', id).executeTakeFirst();
}

export async function findTicketByNumber(db: Executor, number: number): Promise<TicketRow | undefined> {
  return ticketQuery(db).where('tickets.number', '=', number).executeTakeFirst();
}

/** The bare row, for writes inside a transaction. */
export async function findTicketRecord(trx: Executor, id: number): Promise<TicketRecord | undefined> {
  return trx.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTicket(trx: Executor, values: Insertable<TicketTable>): Promise<number> {
  const row = await trx.insertInto('tickets').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a ticket only if it is still in `expectedStatus` (when given); returns rows changed. */
export async function updateTicketRow(
  trx: Executor,
  id: number,
  values: Updateable<TicketTable>,
  expectedStatus?: string,
): Promise<number> {
  let query = trx.updateTable('tickets').set(values).where('id', '=', id);
  if (expectedStatus) query = query.where('status', '=', expectedStatus);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertHistory(trx: Executor, rows: Insertable<TicketHistoryTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('ticket_history').values(rows).execute();
}

export async function listHistory(db: Executor, ticketId: number) {
  return db
    .selectFrom('ticket_history')
    .leftJoin('users', 'users.id', 'ticket_history.actor_id')
    .select([
      'ticket_history.id',
      'ticket_history.actor_id',
      'ticket_history.field',
      'ticket_history.old_value',
      'ticket_history.new_value',
      'ticket_history.created_at',
      'users.name as actor_name',
    ])
    .where('ticket_history.ticket_id', '=', ticketId)
    .orderBy('ticket_history.id')
    .execute();
}

/** The owner of the requester's most recent owned ticket, if that user is still active. */
export async function findStickyOwnerCandidate(db: Executor, requesterId: number): Promise<number | null> {
  const row = await db
    .selectFrom('tickets')
    .innerJoin('users', 'users.id', 'tickets.owner_id')
    .select('tickets.owner_id')
    .where('tickets.requester_id', '=', requesterId)
    .where('tickets.owner_id', 'is not', null)
    .where('users.active', '=', 1)
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

export interface TicketListFilter {
  statuses?: string[];
  ownerId?: number | null;
  requesterId?: number;
  numberOrText?: { number?: number; text?: string };
  /** Custom field conditions: the ticket has this value (a multi-select: among its values). */
  custom?: { fieldId: number; text?: string; number?: number }[];
  /**
   * Restrictions to tickets of these types in these statuses: a filter on a field that field
   * rules hide on some tickets matches only where the field is visible (each list ANDed).
   */
  onlyWhere?: FieldScope[];
}

export type SortKey = 'updated_at' | 'created_at' | 'number' | 'due_at';
export interface SortSpec {
  key: SortKey;
  direction: 'asc' | 'desc';
}
export interface Cursor {
  value: string | number;
  id: number;
}

/** The actor's scope plus the list filter, as one condition usable on any ticket query. */
function ticketConditions(actor: Actor, filter: TicketListFilter) {
  const scope = visibleTicketsWhere(actor);
  return (eb: ExpressionBuilder<Database, 'tickets'>) => {
    const all: Expression<SqlBool>[] = [];
    if (scope) all.push(scope(eb));
    if (filter.statuses?.length) all.push(eb('tickets.status', 'in', filter.statuses));
    if (filter.ownerId === null) all.push(eb('tickets.owner_id', 'is', null));
    else if (filter.ownerId !== undefined) all.push(eb('tickets.owner_id', '=', filter.ownerId));
    if (filter.requesterId !== undefined) all.push(eb('tickets.requester_id', '=', filter.requesterId));
    const search = filter.numberOrText;
    if (search?.number !== undefined) all.push(eb('tickets.number', '=', search.number));
    else if (search?.text) {
      const like = `%${search.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      all.push(sql<SqlBool>`lower(tickets.subject) like lower(${like}) escape '\\'`);
    }
    if (filter.onlyWhere?.length) all.push(ticketInScopesWhere(eb, filter.onlyWhere));
    for (const c of filter.custom ?? []) {
      const values = eb
        .selectFrom('ticket_field_values as v')
        .select('v.ticket_id')
        .whereRef('v.ticket_id', '=', 'tickets.id')
        .where('v.field_id', '=', c.fieldId);
      all.push(
        eb.exists(
          c.number !== undefined
            ? values.where('v.value_number', '=', c.number)
            : values.where('v.value_text', '=', c.text ?? ''),
        ),
      );
    }
    return eb.and(all);
  };
}

/** One page of visible tickets, keyset-paginated on (sort key, id). */
export async function listTicketPage(
  db: Executor,
  actor: Actor,
  filter: TicketListFilter,
  sort: SortSpec,
  cursor: Cursor | null,
  limit: number,
): Promise<TicketRow[]> {
  let query = ticketQuery(db).where(ticketConditions(actor, filter));
  const column = `tickets.${sort.key}` as const;
  if (cursor) {
    // A row-value comparison is an index range on both engines; the equivalent
    // `a < ? OR (a = ? AND id < ?)` makes PostgreSQL scan from the top and filter.
    const op = sort.direction === 'desc' ? '<' : '>';
    query = query.where((eb) => eb(eb.refTuple(column, 'tickets.id'), op, eb.tuple(cursor.value, cursor.id)));
  }
  return query.orderBy(column, sort.direction).orderBy('tickets.id', sort.direction).limit(limit).execute();
}

/** Number of visible tickets matching the filter. */
export async function countTickets(db: Executor, actor: Actor, filter: TicketListFilter): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .where(ticketConditions(actor, filter))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Resolved tickets whose confirmation period ended before `cutoff`. */
export async function findResolvedBefore(db: Executor, cutoff: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('status', '=', 'resolved')
    .where('resolved_at', '<=', cutoff)
    .orderBy('resolved_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
