import { afterEach, expect, it } from 'vitest';
import { removeExpiredRawMail } from '../../modules/mail/raw-retention.service.ts';
import { removeRawBodies } from '../../modules/mail/receipts.repo.ts';
import { storeReceipt } from '../../modules/mail/receipts.service.ts';
import { type Client, loginAs, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { deliver, rawMail, receiptOf, ticketsOf } from '../mail-fixtures.ts';

const DAY = 86_400_000;

describeEachDialect('raw mail retention', (dialect) => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  const rawStatus = async (admin: Client, id: number) =>
    (await admin.get(`/api/v1/mail/receipts/${id}/raw`)).statusCode;

  it('removes the original of mail filed or ignored more than MAIL_RAW_RETENTION_DAYS ago; the log keeps the receipt', async () => {
    t = await buildTestApp(dialect, { mailRawRetentionDays: 90 });
    const adminUser = await makeUser(t, 'admin');
    const filedMail = rawMail({ from: 'old@customer.test', subject: 'Old printer', body: 'Jammed' });
    const filed = await deliver(t, filedMail);
    const ignored = await deliver(
      t,
      rawMail({ from: 'away@customer.test', subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' } }),
    );
    const failed = await deliver(t, rawMail({ from: 'not-an-address', subject: 'No sender', body: 'x' }));
    expect(await receiptOf(t, filed)).toMatchObject({ status: 'processed' });
    expect(await receiptOf(t, ignored)).toMatchObject({ status: 'ignored' });
    expect(await receiptOf(t, failed)).toMatchObject({ status: 'failed' });

    t.clock.advance(89 * DAY);
    const recent = await deliver(t, rawMail({ from: 'new@customer.test', subject: 'New printer', body: 'Fine' }));
    const { receiptId: pending } = await storeReceipt(t.ctx, rawMail({ from: 'p@customer.test', subject: 'Later' }), {
      kind: 'pipe',
      accountId: null,
      ref: null,
    });
    await t.ctx.worker.runScheduleNow('mail.raw-retention');
    let admin = await loginAs(t, adminUser);
    for (const id of [filed, ignored, failed, recent, pending]) expect(await rawStatus(admin, id)).toBe(200);

    t.clock.advance(2 * DAY);
    await t.ctx.worker.runScheduleNow('mail.raw-retention');
    admin = await loginAs(t, adminUser);
    for (const id of [filed, ignored]) {
      const res = await admin.get(`/api/v1/mail/receipts/${id}/raw`);
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('raw_not_kept');
    }
    // Pending and failed mail is still to be filed; recent mail is within the period.
    for (const id of [failed, recent, pending]) expect(await rawStatus(admin, id)).toBe(200);

    const log = (await admin.get('/api/v1/mail/receipts')).json() as {
      items: { id: number; status: string; subject: string; rawRemovedAt: string | null }[];
    };
    const byId = new Map(log.items.map((r) => [r.id, r]));
    expect(byId.get(filed)).toMatchObject({
      status: 'processed',
      subject: 'Old printer',
      rawRemovedAt: expect.any(String),
    });
    expect(byId.get(ignored)?.rawRemovedAt).toEqual(expect.any(String));
    expect(byId.get(recent)?.rawRemovedAt).toBeNull();
    expect(byId.get(failed)?.rawRemovedAt).toBeNull();
    expect((await admin.get(`/api/v1/mail/receipts/${filed}`)).json()).toMatchObject({
      id: filed,
      status: 'processed',
    });

    // The receipt row still recognises the same message arriving again: no second ticket.
    expect(await deliver(t, filedMail)).toBe(filed);
    expect(await ticketsOf(t, 'old@customer.test')).toHaveLength(1);
  });

  it('works in batches, oldest first, and a second run finds nothing left to remove', async () => {
    t = await buildTestApp(dialect, { mailRawRetentionDays: 30 });
    const ids: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push(await deliver(t, rawMail({ from: `c${i}@customer.test`, subject: `Mail ${i}`, body: 'b' })));
      t.clock.advance(DAY);
    }
    const before = new Date(t.clock.now().getTime() + DAY).toISOString();
    const at = t.clock.now().toISOString();
    expect(await removeRawBodies(t.ctx.db.kysely, before, at, 2)).toBe(2);
    const left = await t.ctx.db.kysely.selectFrom('mail_receipt_bodies').select('receipt_id').execute();
    expect(left.map((r) => r.receipt_id)).toEqual([ids[2]]);
    expect(await removeRawBodies(t.ctx.db.kysely, before, at, 2)).toBe(1);
    expect(await removeRawBodies(t.ctx.db.kysely, before, at, 2)).toBe(0);
    expect(await t.ctx.db.kysely.selectFrom('mail_receipts').select('id').execute()).toHaveLength(3);
  });

  it('keeps every original when MAIL_RAW_RETENTION_DAYS is 0', async () => {
    t = await buildTestApp(dialect, { mailRawRetentionDays: 0 });
    const adminUser = await makeUser(t, 'admin');
    const id = await deliver(t, rawMail({ from: 'keep@customer.test', subject: 'Keep me', body: 'b' }));
    t.clock.advance(5000 * DAY);
    await expect(t.ctx.worker.runScheduleNow('mail.raw-retention')).rejects.toThrow(/Unknown schedule/);
    expect(await removeExpiredRawMail(t.ctx, t.clock.now())).toBe(0);
    expect(await rawStatus(await loginAs(t, adminUser), id)).toBe(200);
  });
});
