import type { AppContext } from '../../context.ts';
import { convertDeflections } from './kb-selfservice.service.ts';

/** Background reactions of the knowledge base: a new ticket converts its requester's recent deflections. */
export function registerKbJobs(ctx: AppContext): void {
  ctx.worker.on('ticket.created', async (payload) => {
    await convertDeflections(ctx, payload as { ticketId: number; actorId: number });
  });
}
