import type { AppContext } from '../../context.ts';
import { NOTIFYING_DOMAIN_EVENTS } from './delivery.events.ts';
import { fanOut } from './delivery.service.ts';

/** Notification delivery: every ticket event that may notify someone is fanned out after commit. */
export function registerNotificationJobs(ctx: AppContext): void {
  for (const type of NOTIFYING_DOMAIN_EVENTS) {
    ctx.worker.on(type, async (payload, row) => {
      await fanOut(ctx, { outboxId: row.id, type, payload: payload as Record<string, unknown> });
    });
  }
}
