import type { Actor } from '../../authz/policy.ts';
import { authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { findArticles, suggestionTerms } from '../search/search.service.ts';
import { findTicketRecord } from '../tickets/tickets.repo.ts';
import type { KbViewer } from './kb.policy.ts';
import { findVisibleArticle, listTranslations } from './kb.repo.ts';
import { excerpt } from './kb-articles.presenter.ts';
import { deflectionCounts, insertDeflection, markDeflectionsConverted, saveFeedback } from './kb-feedback.repo.ts';

/** A ticket by the same person this soon after opening a suggestion means the suggestion did not help. */
const CONVERSION_WINDOW_MS = 2 * 60 * 60 * 1000;

export interface Suggestion {
  id: number;
  locale: string;
  title: string;
  excerpt: string;
  score: number;
}

/**
 * Published articles matching the text, from the actor's own visibility (ADR 0022), through the
 * search service (ADR 0021): the same index, tokenizer and visibility rule as `GET /search`. The
 * one entry point for suggestions and the knowledge-base search box. Any word of the text may
 * match (a customer describes a problem in more words than the article uses); the more match,
 * the higher; the reader's language first.
 */
export async function suggestArticles(
  ctx: AppContext,
  actor: KbViewer,
  text: string,
  locale: string | undefined,
  limit: number,
): Promise<Suggestion[]> {
  const hits = await findArticles(ctx, actor, suggestionTerms(text), 'any', locale ?? actor?.locale, limit);
  return hits.map((h) => ({
    id: h.objectId,
    locale: h.locale,
    title: h.title,
    excerpt: excerpt(h.body, 160),
    score: h.score,
  }));
}

/** Records a "was this helpful?" vote; a voter's second vote replaces the first. */
export async function recordFeedback(
  ctx: AppContext,
  viewer: KbViewer,
  visitorKey: string,
  articleId: number,
  input: { helpful: boolean; comment?: string },
): Promise<{ helpfulYes: number; helpfulNo: number }> {
  const article = await findVisibleArticle(ctx.db.kysely, viewer, articleId);
  if (article?.status !== 'published') throw notFound('Article');
  const comment = input.comment?.trim() || null;
  if (comment !== null && comment.length > 2000) throw badRequest('The comment is too long', ['comment']);
  const at = ctx.clock.now().toISOString();
  const counts = await inTransaction(ctx, async (trx) => {
    const counts = await saveFeedback(trx, {
      articleId,
      voterKey: viewer ? `u:${viewer.id}` : `s:${visitorKey}`,
      userId: viewer?.id ?? null,
      helpful: input.helpful,
      comment,
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId } });
    return counts;
  });
  return { helpfulYes: counts.yes, helpfulNo: counts.no };
}

/** Records that a suggested article was opened from the new-ticket form. */
export async function recordDeflection(
  ctx: AppContext,
  viewer: KbViewer,
  visitorKey: string,
  input: { articleId: number; query: string },
): Promise<{ id: number }> {
  const article = await findVisibleArticle(ctx.db.kysely, viewer, input.articleId);
  if (article?.status !== 'published') throw badRequest('Unknown article', ['articleId']);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, (trx) =>
    insertDeflection(trx, {
      articleId: input.articleId,
      sessionKey: viewer ? `u:${viewer.id}` : `s:${visitorKey}`,
      userId: viewer?.id ?? null,
      query: input.query.trim().slice(0, 500),
      at,
    }),
  );
  return { id };
}

/** Outbox handler of ticket.created: the requester's recent opened suggestions did not deflect it. */
export async function convertDeflections(ctx: AppContext, payload: { ticketId: number; actorId: number }) {
  // Measured from the ticket's creation, not from when the outbox runs: a late run must not
  // convert suggestions opened after the ticket.
  const ticket = await findTicketRecord(ctx.db.kysely, payload.ticketId);
  if (!ticket) return;
  const until = ticket.created_at;
  const since = new Date(Date.parse(until) - CONVERSION_WINDOW_MS).toISOString();
  await inTransaction(ctx, (trx) =>
    markDeflectionsConverted(trx, { userId: ticket.requester_id, since, until, ticketId: payload.ticketId }),
  );
}

export interface DeflectionReport {
  from: string;
  to: string;
  opened: number;
  converted: number;
  deflected: number;
  articles: { articleId: number; title: string; opened: number; converted: number; deflected: number }[];
}

/** Opened suggestions in a period: how many were followed by a ticket and how many deflected one. */
export async function deflectionReport(
  ctx: AppContext,
  actor: Actor,
  range: { from?: string; to?: string },
): Promise<DeflectionReport> {
  authorize(actor, 'menu.reports');
  const to = range.to ?? ctx.clock.now().toISOString();
  const from = range.from ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
  if (Number.isNaN(Date.parse(from))) throw badRequest('Invalid date', ['from']);
  if (Number.isNaN(Date.parse(to))) throw badRequest('Invalid date', ['to']);
  const rows = await deflectionCounts(ctx.db.kysely, new Date(from).toISOString(), new Date(to).toISOString());
  const byArticle = new Map<number, { opened: number; converted: number }>();
  for (const r of rows) {
    const entry = byArticle.get(r.article_id) ?? { opened: 0, converted: 0 };
    entry.opened += Number(r.n);
    if (Number(r.converted) === 1) entry.converted += Number(r.n);
    byArticle.set(r.article_id, entry);
  }
  const translations = await listTranslations(ctx.db.kysely, [...byArticle.keys()]);
  const articles = [...byArticle.entries()]
    .map(([articleId, c]) => {
      const own = translations.filter((t) => t.article_id === articleId);
      const title = (own.find((t) => t.locale === actor.locale) ?? own[0])?.title ?? '';
      return { articleId, title, opened: c.opened, converted: c.converted, deflected: c.opened - c.converted };
    })
    .sort((a, b) => b.deflected - a.deflected || a.articleId - b.articleId);
  const opened = articles.reduce((s, a) => s + a.opened, 0);
  const converted = articles.reduce((s, a) => s + a.converted, 0);
  return { from, to, opened, converted, deflected: opened - converted, articles };
}
