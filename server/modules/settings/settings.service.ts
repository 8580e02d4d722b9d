import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { readSettings, type Settings, writeSetting } from './settings.repo.ts';

/** Bounds that keep a setting meaningful (a resolved ticket must wait at least a day). */
const AUTO_CLOSE_DAYS = { min: 1, max: 365 } as const;

/** The help desk settings an administrator may read. */
export async function getSettings(ctx: AppContext, actor: Actor): Promise<Settings> {
  authorize(actor, 'admin.settings.manage');
  return readSettings(ctx.db);
}

/** Changes settings; every change is validated first and recorded in the audit log. */
export async function changeSettings(ctx: AppContext, actor: Actor, changes: Partial<Settings>): Promise<Settings> {
  authorize(actor, 'admin.settings.manage');
  const { autoCloseDays } = changes;
  if (autoCloseDays !== undefined && (autoCloseDays < AUTO_CLOSE_DAYS.min || autoCloseDays > AUTO_CLOSE_DAYS.max)) {
    throw badRequest(`autoCloseDays must be between ${AUTO_CLOSE_DAYS.min} and ${AUTO_CLOSE_DAYS.max}`, [
      'autoCloseDays',
    ]);
  }
  const before = await readSettings(ctx.db);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    for (const key of Object.keys(changes) as (keyof Settings)[]) {
      const value = changes[key];
      if (value === undefined || value === before[key]) continue;
      await writeSetting(trx, key, value);
      await recordAudit(trx, {
        actorId: actor.id,
        entity: 'setting',
        entityId: null,
        action: 'update',
        before: { [key]: before[key] },
        after: { [key]: value },
        at,
      });
    }
  });
  return readSettings(ctx.db);
}
