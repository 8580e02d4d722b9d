import type { AppContext } from '../../context.ts';
import { openTicketIdsWhere } from './sla.repo.ts';
import { PolicyCache, refreshSla, runSlaCheck } from './sla.service.ts';

interface RecomputeScope {
  policyId?: number;
  organizationId?: number | null;
  customerId?: number | null;
}

/**
 * Recomputes the open tickets an SLA configuration change touches, in batches. A contract
 * change may switch tickets to another policy, so those are matched to their contract again.
 */
export async function recomputeOpenTickets(ctx: AppContext, scope: RecomputeScope, batchSize = 500): Promise<number> {
  const reselect = scope.organizationId != null || scope.customerId != null;
  const cache = new PolicyCache();
  let afterId = 0;
  let total = 0;
  for (;;) {
    const workflow = await ctx.workflow.fresh();
    const open = workflow.keysIn('new', 'open', 'pending');
    const ids = await openTicketIdsWhere(ctx.db.kysely, scope, open, afterId, batchSize);
    if (ids.length === 0) break;
    const now = ctx.clock.now();
    await ctx.db.kysely
      .transaction()
      .execute((trx) => refreshSla(trx, ids, now, { reselect, cache, pausing: workflow.pausingStatuses() }));
    total += ids.length;
    afterId = ids.at(-1)!;
  }
  return total;
}

/** The periodic SLA check and the recomputation after configuration changes. */
export function registerSlaJobs(ctx: AppContext, checkEveryMs: number): void {
  ctx.worker.on('sla.recompute', async (payload) => {
    await recomputeOpenTickets(ctx, payload as RecomputeScope);
  });
  ctx.worker.every({
    name: 'sla.check',
    everyMs: checkEveryMs,
    run: async (now) => {
      const workflow = await ctx.workflow.fresh();
      const checked = await runSlaCheck(ctx.db, now, undefined, workflow.pausingStatuses());
      if (checked > 0) ctx.log.info({ checked }, 'SLA check');
    },
  });
}
