import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ManualClock } from './clock.ts';
import { emit } from './events.ts';
import { Worker } from './jobs.ts';

const silent = pino({ level: 'silent' });

describe('outbox worker', () => {
  let db: Db;
  let clock: ManualClock;
  let worker: Worker;
  beforeEach(async () => {
    db = openDatabase('sqlite::memory:');
    await migrateToLatest(db);
    clock = new ManualClock('2026-05-01T10:00:00.000Z');
    worker = new Worker(db, clock, silent);
  });
  afterEach(async () => db.close());

  const event = () => ({ type: 'ticket.created' as const, payload: { ticketId: 1, actorId: 1 } });
  const rows = () => db.kysely.selectFrom('outbox').select(['status', 'attempts', 'run_at', 'last_error']).execute();

  it('runs every handler once per event and marks it done', async () => {
    const seen: unknown[] = [];
    worker.on('ticket.created', async (payload) => void seen.push(payload));
    await emit(db.kysely, clock.now().toISOString(), event());
    await worker.drain();
    await worker.drain();
    expect(seen).toEqual([{ ticketId: 1, actorId: 1 }]);
    expect((await rows())[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('retries a failing handler with backoff and parks it as dead in the end', async () => {
    worker.on('ticket.created', async () => {
      throw new Error('smtp down');
    });
    await emit(db.kysely, clock.now().toISOString(), event());
    await worker.drain();
    const [first] = await rows();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'smtp down' });
    expect(first.run_at > clock.now().toISOString()).toBe(true);
    await worker.drain();
    expect((await rows())[0].attempts).toBe(1);
    for (let i = 0; i < 12; i++) {
      clock.advance(3_600_000);
      await worker.drain();
    }
    expect((await rows())[0]).toMatchObject({ status: 'dead', attempts: 8 });
  });

  it('takes over a job whose worker died mid-way once its lock expires', async () => {
    await emit(db.kysely, clock.now().toISOString(), event());
    await db.kysely
      .updateTable('outbox')
      .set({ status: 'running', attempts: 1, locked_until: new Date(clock.now().getTime() + 60_000).toISOString() })
      .execute();
    let runs = 0;
    worker.on('ticket.created', async () => void runs++);
    await worker.drain();
    expect(runs).toBe(0);
    clock.advance(61_000);
    await worker.drain();
    expect(runs).toBe(1);
    expect((await rows())[0].status).toBe('done');
  });

  it('runs a schedule once per interval whoever asks', async () => {
    let ticks = 0;
    worker.every({ name: 'tick', everyMs: 60_000, run: async () => void ticks++ });
    const other = new Worker(db, clock, silent);
    other.every({ name: 'tick', everyMs: 60_000, run: async () => void ticks++ });
    await worker.runSchedules();
    await other.runSchedules();
    expect(ticks).toBe(1);
    clock.advance(60_000);
    await other.runSchedules();
    await worker.runSchedules();
    expect(ticks).toBe(2);
  });
});
