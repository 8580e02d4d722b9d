import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/kysely.ts';
import type { Clock } from './clock.ts';
import { acquireLease, claimDue, markDone, markFailed, type OutboxRow, pruneDone } from './jobs.repo.ts';

/** Handles one outbox row. Must be idempotent: delivery is at least once. */
export type OutboxHandler = (payload: unknown, row: OutboxRow) => Promise<void>;

/**
 * Sees the payloads of one type in a claimed batch before they are handled, in order, to start
 * work that can run ahead (parsing mail on another thread). Must not change data.
 */
export type BatchPreparer = (payloads: unknown[]) => Promise<void>;

/**
 * Handles consecutive claimed rows of one type together (group commit). Resolves with the rows
 * that failed, by outbox id, with their error; every other row counts as done. A rejection
 * fails the whole group. Must be idempotent per row, like `OutboxHandler`.
 */
export type BatchHandler = (rows: { row: OutboxRow; payload: unknown }[]) => Promise<Map<number, unknown>>;

/** A recurring task run by exactly one node per interval. */
export interface Schedule {
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}

const MAX_ATTEMPTS = 8;

/**
 * The background worker: drains the outbox (events and jobs written by services in their
 * transactions) and runs schedules under a lease. Several handlers may react to one type.
 */
export class Worker {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #handlers = new Map<string, OutboxHandler[]>();
  readonly #preparers = new Map<string, BatchPreparer>();
  readonly #batchHandlers = new Map<string, BatchHandler>();
  readonly #schedules: Schedule[] = [];
  readonly #id = randomUUID();
  #timer: NodeJS.Timeout | null = null;
  /** The loop iteration in progress, so `stop` can wait for a schedule mid-run. */
  #tick: Promise<void> | null = null;
  #running = false;
  #draining: Promise<void> | null = null;
  #wakeRequested = false;
  /** How long a claimed batch stays locked; after a crash its rows are claimable again then. */
  readonly #lockMs: number;

  constructor(db: Db, clock: Clock, log: FastifyBaseLogger, lockMs = 5 * 60_000) {
    this.#db = db;
    this.#clock = clock;
    this.#log = log;
    this.#lockMs = lockMs;
  }

  /** Registers a handler for an outbox type. */
  on(type: string, handler: OutboxHandler): void {
    if (this.#batchHandlers.has(type)) throw new Error(`${type} already has a batch handler`);
    const list = this.#handlers.get(type) ?? [];
    list.push(handler);
    this.#handlers.set(type, list);
  }

  /**
   * Registers the handler of a type's rows as a group (one per type, instead of `on`): the
   * consecutive rows of that type in a claimed batch go to it in one call, in order.
   */
  onBatch(type: string, handler: BatchHandler): void {
    if (this.#handlers.has(type) || this.#batchHandlers.has(type)) throw new Error(`${type} already has a handler`);
    this.#batchHandlers.set(type, handler);
  }

  /** Registers the preparer of a type's batches (one per type). */
  beforeBatch(type: string, preparer: BatchPreparer): void {
    this.#preparers.set(type, preparer);
  }

  /** Registers a recurring schedule. */
  every(schedule: Schedule): void {
    this.#schedules.push(schedule);
  }

  /** Starts polling. `pollMs` is the idle delay; `nudge()` wakes it at once. */
  start(pollMs = 500): void {
    if (this.#running) return;
    this.#running = true;
    const loop = async () => {
      if (!this.#running) return;
      try {
        await this.drain();
        await this.runSchedules();
      } catch (error) {
        this.#log.error({ err: error }, 'worker loop failed');
      }
      if (this.#running) this.#timer = setTimeout(schedule, pollMs);
    };
    const schedule = () => {
      this.#tick = loop();
    };
    this.#timer = setTimeout(schedule, 0);
  }

  /** Asks the worker to look at the outbox now (called after a commit in this process). */
  nudge(): void {
    if (!this.#running) return;
    if (this.#draining) {
      this.#wakeRequested = true;
      return;
    }
    void this.drain().catch((error) => this.#log.error({ err: error }, 'worker drain failed'));
  }

  /** Stops polling and waits for the job in hand. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#tick;
    await this.#draining;
  }

  /** Processes every due outbox row; returns when none is left. Tests call it directly. */
  async drain(): Promise<void> {
    if (this.#draining) return this.#draining;
    this.#draining = (async () => {
      try {
        do {
          this.#wakeRequested = false;
          while (await this.#processBatch()) {
            // keep going while there is work
          }
        } while (this.#wakeRequested);
      } finally {
        this.#draining = null;
      }
    })();
    return this.#draining;
  }

  async #processBatch(): Promise<boolean> {
    const now = this.#clock.now();
    const rows = await claimDue(this.#db, now.toISOString(), new Date(now.getTime() + this.#lockMs).toISOString(), 50);
    await this.#prepare(rows);
    const done: number[] = [];
    for (let i = 0; i < rows.length; ) {
      const batchHandler = this.#batchHandlers.get(rows[i].type);
      if (!batchHandler) {
        if (await this.#processRow(rows[i])) done.push(rows[i].id);
        i++;
        continue;
      }
      let end = i + 1;
      while (end < rows.length && rows[end].type === rows[i].type) end++;
      done.push(...(await this.#processGroup(batchHandler, rows.slice(i, end))));
      i = end;
    }
    await markDone(this.#db, done, this.#clock.now().toISOString());
    return rows.length > 0;
  }

  /** Runs a group through its batch handler; returns the ids done, reschedules the failed ones. */
  async #processGroup(handler: BatchHandler, rows: OutboxRow[]): Promise<number[]> {
    let failures: Map<number, unknown>;
    try {
      failures = await handler(rows.map((row) => ({ row, payload: JSON.parse(row.payload) as unknown })));
    } catch (error) {
      failures = new Map(rows.map((row) => [row.id, error]));
    }
    for (const row of rows) {
      if (failures.has(row.id)) await this.#fail(row, failures.get(row.id));
    }
    return rows.filter((row) => !failures.has(row.id)).map((row) => row.id);
  }

  async #prepare(rows: OutboxRow[]): Promise<void> {
    for (const [type, preparer] of this.#preparers) {
      const payloads = rows.filter((r) => r.type === type).map((r) => JSON.parse(r.payload) as unknown);
      if (payloads.length === 0) continue;
      try {
        await preparer(payloads);
      } catch (error) {
        // Preparing is an optimisation: the handlers still do all the work without it.
        this.#log.warn({ err: error, type }, 'batch preparation failed');
      }
    }
  }

  /** Runs a row's handlers; returns true when they all succeeded (failures are rescheduled). */
  async #processRow(row: OutboxRow): Promise<boolean> {
    const handlers = this.#handlers.get(row.type) ?? [];
    try {
      const payload: unknown = JSON.parse(row.payload);
      for (const handler of handlers) await handler(payload, row);
      return true;
    } catch (error) {
      await this.#fail(row, error);
      return false;
    }
  }

  /** Reschedules a failed row with exponential backoff, or parks it as dead after the last attempt. */
  async #fail(row: OutboxRow, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const now = this.#clock.now();
    const retryAt =
      row.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 1000 * 2 ** row.attempts).toISOString();
    this.#log.warn({ err: error, outboxId: row.id, type: row.type, attempts: row.attempts }, 'outbox handler failed');
    await markFailed(this.#db, row.id, message, retryAt, now.toISOString());
  }

  /** Runs each schedule whose lease this node wins for the current interval. */
  async runSchedules(): Promise<void> {
    for (const schedule of this.#schedules) {
      const now = this.#clock.now();
      const until = new Date(now.getTime() + schedule.everyMs).toISOString();
      if (!(await acquireLease(this.#db, schedule.name, this.#id, now.toISOString(), until))) continue;
      try {
        await schedule.run(now);
      } catch (error) {
        this.#log.error({ err: error, schedule: schedule.name }, 'schedule failed');
      }
    }
  }

  /** Runs one schedule now regardless of its lease (admin command and tests). */
  async runScheduleNow(name: string): Promise<void> {
    const schedule = this.#schedules.find((s) => s.name === name);
    if (!schedule) throw new Error(`Unknown schedule ${name}`);
    await schedule.run(this.#clock.now());
  }

  /** Housekeeping: forget finished rows after a week. */
  async prune(): Promise<void> {
    await pruneDone(this.#db, new Date(this.#clock.now().getTime() - 7 * 86_400_000).toISOString());
  }
}
