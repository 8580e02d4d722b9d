import type { AppContext } from '../../context.ts';
import { findTicketRecord } from '../tickets/tickets.repo.ts';
import { ticketIdsOfRequester } from './search.repo.ts';
import { indexArticles, indexCustomers, indexTickets } from './search-index.service.ts';

/** Ticket events that change what a ticket's documents hold. */
const TICKET_TEXT_EVENTS = ['ticket.created', 'ticket.updated', 'ticket.message_added', 'ticket.escalated'] as const;

/**
 * Keeps the search index in step with the data, after commit, through the outbox. Each handler
 * rebuilds the documents of one object from its current rows, so replays and reordering are
 * harmless.
 */
export function registerSearchJobs(ctx: AppContext): void {
  for (const type of TICKET_TEXT_EVENTS) {
    ctx.worker.on(type, async (payload) => {
      const { ticketId } = payload as { ticketId: number };
      await indexTickets(ctx, [ticketId]);
      if (type === 'ticket.created') {
        // Customers created on the fly (mail, agents on behalf) become searchable with their first ticket.
        const ticket = await findTicketRecord(ctx.db.kysely, ticketId);
        if (ticket) await indexCustomers(ctx, [ticket.requester_id]);
      }
    });
  }
  ctx.worker.on('user.changed', async (payload) => {
    const { userId } = payload as { userId: number };
    await indexCustomers(ctx, [userId]);
    // Their tickets carry the requester's name and address in their title terms.
    const ids = await ticketIdsOfRequester(ctx.db.kysely, userId);
    for (let i = 0; i < ids.length; i += 500) await indexTickets(ctx, ids.slice(i, i + 500));
  });
  // Every article write (text, status, visibility, deletion) emits this; the article's documents
  // are rebuilt from its current rows.
  ctx.worker.on('kb.article_changed', async (payload) => {
    const { articleId } = payload as { articleId: number };
    await indexArticles(ctx, [articleId]);
  });
}
