import type { AppContext } from '../../context.ts';
import { inGroupTransaction } from '../../db/group-transaction.ts';
import type { OutboxRow } from '../../platform/jobs.repo.ts';
import { fileReceipt, processReceipt, recordFilingFailure } from './intake.service.ts';

/** A claimed `mail.process` job. */
export interface ReceiptJob {
  row: OutboxRow;
  payload: unknown;
}

const receiptIdOf = (job: ReceiptJob) => (job.payload as { receiptId: number }).receiptId;

/**
 * Files a claimed group of stored mails in ONE transaction (group commit, ADR 0018): each mail
 * in its own savepoint, so a mail that fails is rolled back alone and recorded `failed` while
 * the others commit together. If the group cannot commit at all, every mail is filed again on
 * its own. Returns the jobs that failed (by outbox id) so the worker retries just those; a crash
 * before the commit leaves nothing filed and the whole group is claimed again.
 */
export async function fileReceiptGroup(ctx: AppContext, jobs: ReceiptJob[]): Promise<Map<number, unknown>> {
  const failures = new Map<number, unknown>();
  try {
    await inGroupTransaction(ctx.db, async (db) => {
      const group: AppContext = { ...ctx, db };
      for (const job of jobs) {
        try {
          await db.kysely.transaction().execute(() => fileReceipt(group, receiptIdOf(job)));
        } catch (error) {
          try {
            await recordFilingFailure(group, receiptIdOf(job), error);
          } catch (retryable) {
            failures.set(job.row.id, retryable);
          }
        }
      }
    });
  } catch (error) {
    ctx.log.warn({ err: error }, 'group filing failed; filing the mails one by one');
    failures.clear();
    for (const job of jobs) {
      try {
        await processReceipt(ctx, receiptIdOf(job));
      } catch (retryable) {
        failures.set(job.row.id, retryable);
      }
    }
  }
  ctx.worker.nudge();
  return failures;
}
