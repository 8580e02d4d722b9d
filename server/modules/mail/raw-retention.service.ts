import type { AppContext } from '../../context.ts';
import { removeRawBodies } from './receipts.repo.ts';

const BATCH = 500;
/** Batches per run: a large backlog (the first run after an upgrade) is worked off over several runs. */
const MAX_BATCHES = 20;
const DAY_MS = 86_400_000;

/**
 * Removes the raw bytes of inbound mail filed or ignored more than MAIL_RAW_RETENTION_DAYS ago,
 * in small transactions; the receipts stay in the inbound log. Returns how many were removed.
 */
export async function removeExpiredRawMail(ctx: AppContext, now: Date): Promise<number> {
  const days = ctx.config.mailRawRetentionDays;
  if (days === 0) return 0;
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  let removed = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const count = await removeRawBodies(ctx.db.kysely, before, now.toISOString(), BATCH);
    removed += count;
    if (count < BATCH) break;
  }
  return removed;
}
