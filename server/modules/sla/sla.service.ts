import type { Insertable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { type DomainEvent, emitMany } from '../../platform/events.ts';
import { insertHistory } from '../tickets/tickets.repo.ts';
import { policyOfRows } from './sla.model.ts';
import {
  type ContractRow,
  contractsFor,
  findCalendar,
  findDefaultPolicyId,
  findPolicy,
  findSlaDue,
  findSlaFacts,
  listContracts,
  type SlaTicketFacts,
  type SnapshotRow,
  statusHistoryOf,
  writeSlaSnapshot,
  writeSlaSnapshotsBatch,
} from './sla.repo.ts';
import { DEFAULT_PAUSING_STATUSES, type SlaPolicy } from './sla-clock.ts';
import { slaSnapshot, timelineOf } from './sla-snapshot.ts';

type Executor = Db['kysely'] | Trx;

/**
 * Statuses in which the resolution clock stands still. Resolved and final statuses are included
 * so that a reopened ticket gets the time it spent resolved added back.
 */
export const PAUSING_STATUSES: readonly string[] = [...DEFAULT_PAUSING_STATUSES, 'resolved', 'closed', 'cancelled'];

type NamedPolicy = SlaPolicy & { name: string };

/**
 * Policies recently loaded by this process, per database. Ticket writes reuse them for a few
 * seconds instead of reading and compiling the policy and its calendar on every write; an admin
 * change in this process clears them at once, other nodes within the age limit, and the
 * recompute job that follows a change reads fresh ones anyway.
 */
type RecentPolicies = Map<number, { policy: NamedPolicy | null; at: number }>;
const recentByDatabase = new WeakMap<Db, RecentPolicies>();
const recentContractsByDatabase = new WeakMap<Db, RecentContracts>();

/** The recently loaded contracts of a database (see `RecentContracts`). */
export function recentContractsFor(db: Db): RecentContracts {
  let recent = recentContractsByDatabase.get(db);
  if (!recent) {
    recent = new RecentContracts();
    recentContractsByDatabase.set(db, recent);
  }
  return recent;
}
const RECENT_POLICY_MS = 5000;

function recentFor(db: Db): RecentPolicies {
  let recent = recentByDatabase.get(db);
  if (!recent) {
    recent = new Map();
    recentByDatabase.set(db, recent);
  }
  return recent;
}

/** Forgets the cached policies of a database (after an SLA configuration change). */
export function forgetCachedPolicies(db: Db): void {
  recentFor(db).clear();
  recentContractsFor(db).clear();
}

/** A policy cache for one write that may reuse this database's recently loaded policies. */
export function policyCacheFor(db: Db): PolicyCache {
  return new PolicyCache({ recent: recentFor(db) });
}

/**
 * Policies (with their calendars) for one run: the recompute after a change and the periodic
 * check read each policy once per run; ticket writes may reuse recently loaded ones.
 */
export class PolicyCache {
  readonly #policies = new Map<number, NamedPolicy | null>();
  readonly #recent: RecentPolicies | null;

  /** With `recent`, policies loaded in the last seconds are reused (see `policyCacheFor`). */
  constructor(options: { recent?: RecentPolicies } = {}) {
    this.#recent = options.recent ?? null;
  }

  /** `db` is the executor of the running transaction (SQLite has a single connection). */
  async get(db: Executor, id: number | null): Promise<NamedPolicy | null> {
    if (id === null) return null;
    if (!this.#policies.has(id)) {
      const recent = this.#recent?.get(id);
      if (recent && Date.now() - recent.at < RECENT_POLICY_MS) {
        this.#policies.set(id, recent.policy);
      } else {
        const row = await findPolicy(db, id);
        const calendar = row ? await findCalendar(db, row.calendar_id) : undefined;
        const policy = row && calendar ? { ...policyOfRows(row, calendar), name: row.name } : null;
        this.#policies.set(id, policy);
        this.#recent?.set(id, { policy, at: Date.now() });
      }
    }
    return this.#policies.get(id) ?? null;
  }
}

/**
 * Rank of a contract for a ticket: the requester's own contract before the organization's, one
 * for the ticket's service before one for every service. Null when it does not apply.
 */
function contractRank(contract: ContractRow, requesterId: number, serviceId: number | null): number | null {
  if (contract.service_id !== null && contract.service_id !== serviceId) return null;
  const own = contract.customer_id === requesterId ? 0 : 2;
  return own + (contract.service_id === null ? 1 : 0);
}

/**
 * The SLA a ticket follows: requester -> organization -> contract for the ticket's service ->
 * default policy. Among equally ranked contracts the most recently started wins.
 */
export async function selectPolicy(
  db: Executor,
  facts: Pick<SlaTicketFacts, 'requester_id' | 'organization_id' | 'service_id'>,
  at: Date,
  recent?: RecentContracts,
): Promise<{ policyId: number | null; contractId: number | null }> {
  const date = at.toISOString().slice(0, 10);
  const candidates = recent
    ? (await recent.load(db)).contracts.filter(
        (c) =>
          (c.customer_id === facts.requester_id ||
            (facts.organization_id !== null && c.organization_id === facts.organization_id)) &&
          c.valid_from <= date &&
          (c.valid_to === null || c.valid_to >= date),
      )
    : await contractsFor(db, facts.requester_id, facts.organization_id, date);
  let best: { contract: ContractRow; rank: number } | null = null;
  for (const contract of candidates) {
    const rank = contractRank(contract, facts.requester_id, facts.service_id);
    if (rank === null) continue;
    const better =
      best === null ||
      rank < best.rank ||
      (rank === best.rank && contract.valid_from > best.contract.valid_from) ||
      (rank === best.rank && contract.valid_from === best.contract.valid_from && contract.id > best.contract.id);
    if (better) best = { contract, rank };
  }
  if (best) return { policyId: best.contract.sla_policy_id, contractId: best.contract.id };
  const defaultId = recent ? (await recent.load(db)).defaultPolicyId : await findDefaultPolicyId(db);
  return { policyId: defaultId, contractId: null };
}

/**
 * All contracts and the default policy id of one database, reused for a few seconds by ticket
 * creation (which would otherwise query both on every new ticket). Cleared with the policies.
 */
export class RecentContracts {
  #value: { contracts: ContractRow[]; defaultPolicyId: number | null; at: number } | null = null;

  async load(db: Executor): Promise<{ contracts: ContractRow[]; defaultPolicyId: number | null }> {
    if (!this.#value || Date.now() - this.#value.at >= RECENT_POLICY_MS) {
      this.#value = {
        contracts: await listContracts(db),
        defaultPolicyId: await findDefaultPolicyId(db),
        at: Date.now(),
      };
    }
    return this.#value;
  }

  clear(): void {
    this.#value = null;
  }
}

/**
 * Only the columns whose value differs: an UPDATE that names an indexed column rewrites the
 * index entry even when the value is the same, and the check rewrites many rows at once.
 * `sla_notified` is always kept: it is the optimistic-concurrency guard.
 */
function changedValues(current: SlaTicketFacts, next: Updateable<TicketTable>): Updateable<TicketTable> {
  const out: Updateable<TicketTable> = { sla_notified: next.sla_notified };
  const was = current as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    if (was[key] !== value && !(key in out)) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** What a new ticket's SLA depends on. */
export type NewTicketFacts = Pick<
  SlaTicketFacts,
  'requester_id' | 'organization_id' | 'service_id' | 'priority' | 'status' | 'created_at'
>;

/**
 * The SLA columns of a ticket about to be created, to be written with its INSERT (creation is
 * the hottest write; this saves the reads and the UPDATE a refresh would need). Events that would
 * already be due are returned for the caller to emit with the new id.
 */
export async function initialSla(
  db: Executor,
  facts: NewTicketFacts,
  options: { cache: PolicyCache; pausing: readonly string[]; contracts?: RecentContracts },
): Promise<{ values: Updateable<TicketTable>; events: DomainEvent[] }> {
  const createdAt = new Date(facts.created_at);
  const { policyId, contractId } = await selectPolicy(db, facts, createdAt, options.contracts);
  const full: SlaTicketFacts = {
    ...facts,
    id: 0,
    first_response_at: null,
    resolved_at: null,
    closed_at: null,
    sla_policy_id: policyId,
    contract_id: contractId,
    sla_notified: 0,
    vendor_due_at: null,
    vendor_remind_at: null,
    response_due_at: null,
    response_warn_at: null,
    response_sla_state: null,
    resolution_due_at: null,
    resolution_warn_at: null,
    resolution_sla_state: null,
    resolution_remaining_minutes: null,
    sla_next_check_at: null,
    due_at: '',
  };
  const timeline = [{ status: facts.status, from: createdAt, to: null }];
  const policy = await options.cache.get(db, policyId);
  const snapshot = slaSnapshot(full, policy, timeline, options.pausing, createdAt);
  return {
    values: { ...snapshot.values, sla_policy_id: policyId, contract_id: contractId },
    events: snapshot.events,
  };
}

export interface RefreshOptions {
  /** Find the policy again (creation; service, requester, organization or contract changed). */
  reselect?: boolean;
  cache?: PolicyCache;
  /** Who caused the change, for the history row when the policy changes. */
  actorId?: number | null;
  /** Statuses in which the resolution clock stands still (the workflow's); defaults to the built-in ones. */
  pausing?: readonly string[];
  /**
   * Write all rows in one statement (PostgreSQL, where one UPDATE per ticket costs a network
   * round trip each); SQLite writes row by row, only the changed columns.
   */
  batchWrite?: boolean;
}

/**
 * Recomputes and stores the SLA snapshot of these tickets at `now` inside the caller's
 * transaction, emitting the warnings and breaches that became due. Returns how many changed.
 */
export async function refreshSla(
  trx: Trx,
  ids: readonly number[],
  now: Date,
  options: RefreshOptions = {},
): Promise<number> {
  const cache = options.cache ?? new PolicyCache();
  const facts = await findSlaFacts(trx, ids);
  const changesByTicket = new Map<number, { new_value: string | null; created_at: string }[]>();
  for (const row of await statusHistoryOf(trx, ids)) {
    const list = changesByTicket.get(row.ticket_id) ?? [];
    list.push(row);
    changesByTicket.set(row.ticket_id, list);
  }
  const at = now.toISOString();
  const events: DomainEvent[] = [];
  const pending: { snapshot: SnapshotRow; history: Insertable<TicketHistoryTable>[]; events: DomainEvent[] }[] = [];
  let written = 0;
  for (const ticket of facts) {
    let policyId = ticket.sla_policy_id;
    let contractId = ticket.contract_id;
    const history: Insertable<TicketHistoryTable>[] = [];
    if (options.reselect) {
      ({ policyId, contractId } = await selectPolicy(trx, ticket, now));
      if (ticket.sla_policy_id !== null && policyId !== ticket.sla_policy_id) {
        history.push({
          ticket_id: ticket.id,
          actor_id: options.actorId ?? null,
          field: 'sla',
          old_value: (await cache.get(trx, ticket.sla_policy_id))?.name ?? null,
          new_value: (await cache.get(trx, policyId))?.name ?? null,
          created_at: at,
        });
      }
    }
    const timeline = timelineOf(ticket, changesByTicket.get(ticket.id) ?? []);
    const pausing = options.pausing ?? PAUSING_STATUSES;
    const snapshot = slaSnapshot(ticket, await cache.get(trx, policyId), timeline, pausing, now);
    const full = { ...snapshot.values, sla_policy_id: policyId, contract_id: contractId };
    if (options.batchWrite) {
      pending.push({
        snapshot: { id: ticket.id, expected: ticket.sla_notified, values: full as SnapshotRow['values'] },
        history,
        events: snapshot.events,
      });
      continue;
    }
    const values = changedValues(ticket, full);
    if (!(await writeSlaSnapshot(trx, ticket.id, ticket.sla_notified, values))) continue;
    await insertHistory(trx, history);
    events.push(...snapshot.events);
    written++;
  }
  if (pending.length > 0) {
    const updated = new Set(
      await writeSlaSnapshotsBatch(
        trx,
        pending.map((p) => p.snapshot),
      ),
    );
    const done = pending.filter((p) => updated.has(p.snapshot.id));
    const history = done.flatMap((p) => p.history);
    await insertHistory(trx, history);
    for (const p of done) events.push(...p.events);
    written += done.length;
  }
  await emitMany(trx, at, events);
  return written;
}

/**
 * The periodic check: recomputes only tickets whose next SLA instant has come, in batches, each
 * batch in its own transaction. Returns how many tickets it looked at.
 */
export async function runSlaCheck(
  db: Db,
  now: Date,
  batchSize = 1000,
  pausing: readonly string[] = PAUSING_STATUSES,
): Promise<number> {
  const cache = new PolicyCache();
  const seen = new Set<number>();
  for (;;) {
    const ids = (await findSlaDue(db.kysely, now.toISOString(), batchSize)).filter((id) => !seen.has(id));
    if (ids.length === 0) break;
    for (const id of ids) seen.add(id);
    const batchWrite = db.dialect === 'postgres';
    await db.kysely.transaction().execute((trx) => refreshSla(trx, ids, now, { cache, pausing, batchWrite }));
    if (ids.length < batchSize) break;
  }
  return seen.size;
}
