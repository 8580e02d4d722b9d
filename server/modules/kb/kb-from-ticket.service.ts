import type { Locale } from '../../../common/domain.ts';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { textToHtml } from '../../platform/html.ts';
import { listMessages } from '../tickets/messages.repo.ts';
import { canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById } from '../tickets/tickets.repo.ts';
import { DRAFT_HEADINGS } from './kb.texts.ts';
import type { ArticleView } from './kb-articles.presenter.ts';
import { createArticle } from './kb-articles.service.ts';

/**
 * A draft article from a resolved or closed ticket the agent can read: the subject as title, the
 * customer's first public message as the problem and the public solution as the solution. Internal
 * notes and fields hidden from the agent never reach the draft; the draft is linked to the ticket.
 */
export async function articleFromTicket(ctx: AppContext, actor: Actor, ticketId: number): Promise<ArticleView> {
  authorize(actor, 'kb.edit');
  const ticket = await findTicketById(ctx.db.kysely, ticketId);
  if (!ticket || !canReadTicket(actor, ticket)) throw notFound('Ticket');
  const category = ctx.workflow.current().category(ticket.status);
  if (category !== 'resolved' && category !== 'closed') {
    throw conflict('ticket_not_resolved', 'Only a resolved or closed ticket can become an article');
  }
  const context = { type: ticket.type, status: ticket.status };
  const messages = await listMessages(ctx.db.kysely, ticketId, false);
  const description =
    messages.find((m) => m.visibility === 'public' && m.author_id === ticket.requester_id) ??
    messages.find((m) => m.visibility === 'public');
  const solution = fieldAccess(actor, 'solution', context) === 'hidden' ? null : ticket.solution;
  const subject = fieldAccess(actor, 'subject', context) === 'hidden' ? `#${ticket.number}` : ticket.subject;
  const headings = DRAFT_HEADINGS[actor.locale as Locale] ?? DRAFT_HEADINGS.en;
  const body = [
    `<h2>${headings.problem}</h2>`,
    description?.body_html ?? '',
    `<h2>${headings.solution}</h2>`,
    solution ? textToHtml(solution) : '<p></p>',
  ].join('');
  return createArticle(ctx, actor, {
    locale: actor.locale,
    title: subject,
    bodyHtml: body,
    visibility: 'staff',
    sourceTicketId: ticket.id,
  });
}
