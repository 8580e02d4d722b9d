import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { inGroupTransaction } from '../../db/group-transaction.ts';
import type { DialectName } from '../../db/kysely.ts';
import { fileReceipt } from '../../modules/mail/intake.service.ts';
import { fileReceiptGroup } from '../../modules/mail/intake-group.ts';
import { storeReceipt } from '../../modules/mail/receipts.service.ts';
import { claimDue } from '../../platform/jobs.repo.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { outboundOf, rawMail, receiptOf, ticketsOf } from '../mail-fixtures.ts';

/** A real database trigger that refuses tickets with this subject: a write failing mid-filing. */
async function poisonTickets(t: TestApp, dialect: DialectName, subject: string): Promise<void> {
  if (dialect === 'sqlite') {
    await sql
      .raw(
        `create trigger poison before insert on tickets when new.subject = '${subject}'
         begin select raise(abort, 'poisoned ticket'); end`,
      )
      .execute(t.ctx.db.kysely);
    return;
  }
  await sql
    .raw(
      `create function poison() returns trigger language plpgsql as $$
       begin if new.subject = '${subject}' then raise exception 'poisoned ticket'; end if; return new; end $$`,
    )
    .execute(t.ctx.db.kysely);
  await sql
    .raw('create trigger poison before insert on tickets for each row execute function poison()')
    .execute(t.ctx.db.kysely);
}

async function curePoison(t: TestApp, dialect: DialectName): Promise<void> {
  await sql
    .raw(dialect === 'sqlite' ? 'drop trigger poison' : 'drop trigger poison on tickets')
    .execute(t.ctx.db.kysely);
}

async function store(t: TestApp, from: string, subject: string): Promise<number> {
  const raw = rawMail({ from, subject, body: `About ${subject}` });
  return (await storeReceipt(t.ctx, raw, { kind: 'pipe', accountId: null, ref: null })).receiptId;
}

async function processJobs(t: TestApp) {
  return t.ctx.db.kysely
    .selectFrom('outbox')
    .select(['id', 'status', 'attempts', 'last_error'])
    .where('type', '=', 'mail.process')
    .orderBy('id')
    .execute();
}

async function userExists(t: TestApp, email: string): Promise<boolean> {
  const row = await t.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

describeEachDialect('mail group filing', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('files a batch together; a poisoned mail is rolled back alone, left failed and retried later', async () => {
    await poisonTickets(t, dialect, 'Poison');
    const ids = [
      await store(t, 'a@customer.test', 'First'),
      await store(t, 'poisoned@customer.test', 'Poison'),
      await store(t, 'c@customer.test', 'Third'),
    ];
    await t.ctx.worker.drain();

    for (const [email, subject] of [
      ['a@customer.test', 'First'],
      ['c@customer.test', 'Third'],
    ]) {
      const [ticket] = await ticketsOf(t, email);
      expect(ticket).toMatchObject({ subject, channel: 'email' });
      expect((await outboundOf(t, ticket.id)).map((m) => m.template)).toEqual(['received']);
    }
    expect(await receiptOf(t, ids[0])).toMatchObject({ status: 'processed', outcome: 'created' });
    expect(await receiptOf(t, ids[1])).toMatchObject({ status: 'failed', error: expect.stringMatching(/poisoned/) });
    expect(await receiptOf(t, ids[2])).toMatchObject({ status: 'processed', outcome: 'created' });
    // Everything the poisoned mail had written before the failure (its new contact) is gone.
    expect(await userExists(t, 'poisoned@customer.test')).toBe(false);
    const jobs = await processJobs(t);
    expect(jobs.map((j) => j.status)).toEqual(['done', 'pending', 'done']);
    expect(jobs[1]).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/poisoned/) });

    await curePoison(t, dialect);
    t.clock.advance(5_000);
    await t.ctx.worker.drain();
    expect(await receiptOf(t, ids[1])).toMatchObject({ status: 'processed', outcome: 'created' });
    const [ticket] = await ticketsOf(t, 'poisoned@customer.test');
    expect((await outboundOf(t, ticket.id)).map((m) => m.template)).toEqual(['received']);
    expect(await t.ctx.db.kysely.selectFrom('tickets').select('id').execute()).toHaveLength(3);
  });

  it('after a crash mid-batch, the re-run files every mail exactly once', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 4; n++) ids.push(await store(t, `crash${n}@customer.test`, `Crash ${n}`));
    const now = t.clock.now();
    const lockUntil = new Date(now.getTime() + 60_000).toISOString();
    const claimed = await claimDue(t.ctx.db, now.toISOString(), lockUntil, 50);
    const jobs = claimed.map((row) => ({ row, payload: JSON.parse(row.payload) as unknown }));
    expect(jobs).toHaveLength(4);

    // A first worker filed the first two and committed, then died before marking its rows done.
    expect((await fileReceiptGroup(t.ctx, jobs.slice(0, 2))).size).toBe(0);
    // A second group died before its commit: what it wrote is rolled back with it.
    await expect(
      inGroupTransaction(t.ctx.db, async (db) => {
        await fileReceipt({ ...t.ctx, db }, ids[2]);
        throw new Error('killed mid-batch');
      }),
    ).rejects.toThrow('killed mid-batch');
    expect(await receiptOf(t, ids[2])).toMatchObject({ status: 'pending', ticket_id: null });
    expect(await ticketsOf(t, 'crash3@customer.test')).toEqual([]);

    // Nothing is taken over while the dead worker's lock holds; afterwards the whole batch runs again.
    await t.ctx.worker.drain();
    expect((await processJobs(t)).map((j) => j.status)).toEqual(['running', 'running', 'running', 'running']);
    t.clock.advance(61_000);
    await t.ctx.worker.drain();
    expect((await processJobs(t)).map((j) => j.status)).toEqual(['done', 'done', 'done', 'done']);
    for (let n = 1; n <= 4; n++) {
      const tickets = await ticketsOf(t, `crash${n}@customer.test`);
      expect(tickets).toHaveLength(1);
      expect((await outboundOf(t, tickets[0].id)).map((m) => m.template)).toEqual(['received']);
      expect(await receiptOf(t, ids[n - 1])).toMatchObject({ status: 'processed', ticket_id: tickets[0].id });
    }
  });
});
