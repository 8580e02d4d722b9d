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

  it('hands consecutive rows of a batch type to its batch handler in order, failing only the rows it reports', async () => {
    const at = clock.now().toISOString();
    await emit(db.kysely, at, { type: 'mail.process', payload: { receiptId: 1 } });
    await emit(db.kysely, at, { type: 'mail.process', payload: { receiptId: 2 } });
    await emit(db.kysely, at, event());
    await emit(db.kysely, at, { type: 'mail.process', payload: { receiptId: 3 } });
    const calls: number[][] = [];
    const order: string[] = [];
    worker.onBatch('mail.process', async (jobs) => {
      const ids = jobs.map((j) => (j.payload as { receiptId: number }).receiptId);
      calls.push(ids);
      order.push(`batch ${ids.join(',')}`);
      const bad = jobs.find((j) => (j.payload as { receiptId: number }).receiptId === 2);
      return new Map(bad ? [[bad.row.id, new Error('receipt 2 is poisoned')]] : []);
    });
    worker.on('ticket.created', async () => void order.push('event'));
    expect(() => worker.on('mail.process', async () => {})).toThrow(/batch handler/);
    await worker.drain();
    expect(calls).toEqual([[1, 2], [3]]);
    expect(order).toEqual(['batch 1,2', 'event', 'batch 3']);
    const all = await db.kysely
      .selectFrom('outbox')
      .select(['payload', 'status', 'last_error'])
      .orderBy('id')
      .execute();
    expect(all.map((r) => [r.status, r.last_error])).toEqual([
      ['done', null],
      ['pending', 'receipt 2 is poisoned'],
      ['done', null],
      ['done', null],
    ]);
    clock.advance(2_000);
    await worker.drain();
    expect(calls.at(-1)).toEqual([2]);
  });

  it('reschedules every row of a group whose batch handler throws', async () => {
    const at = clock.now().toISOString();
    await emit(db.kysely, at, { type: 'mail.process', payload: { receiptId: 1 } });
    await emit(db.kysely, at, { type: 'mail.process', payload: { receiptId: 2 } });
    worker.onBatch('mail.process', async () => {
      throw new Error('database gone');
    });
    await worker.drain();
    expect((await rows()).map((r) => [r.status, r.attempts, r.last_error])).toEqual([
      ['pending', 1, 'database gone'],
      ['pending', 1, 'database gone'],
    ]);
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
