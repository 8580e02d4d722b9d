import type { SearchType, TicketField } from '../../../common/domain.ts';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import type { KbViewer } from '../kb/kb.policy.ts';
import { canReadInternal, filterScopes, ticketsShowing } from '../tickets/tickets.policy.ts';
import { listTicketPage, type TicketRow } from '../tickets/tickets.repo.ts';
import {
  type ArticleHit,
  type MatchMode,
  type SearchHit,
  searchArticleDocuments,
  searchCustomerDocuments,
} from './search.repo.ts';
import { highlighterFor, snippet } from './snippet.ts';
import { searchTicketDocuments, type TicketSearchFilter, type TitleScope } from './ticket-search.repo.ts';
import { isCjk, type QueryTerm, queryTerms } from './tokenize.ts';

/** A search request as the API takes it. */
export interface SearchQuery {
  q: string;
  type?: SearchType;
  limit?: number;
  status?: string[];
  ticketType?: string;
  owner?: number;
  from?: string;
  to?: string;
}

/** One result: `snippet` is escaped text with `<mark>` around the matches. */
export interface SearchItem {
  type: SearchType;
  id: number;
  title: string;
  snippet: string;
  score: number;
  /** Tickets: number and status, for the result line. */
  number?: number;
  status?: string;
}

/** Types the actor may search. Customers search their tickets and (later) articles. */
function searchableTypes(actor: Actor): SearchType[] {
  const out: SearchType[] = ['ticket'];
  if (can(actor, 'user.directory')) out.push('customer');
  out.push('article');
  return out;
}

/** A date (`2026-03-01`) or instant as an ISO instant; `to` of a bare date includes that day. */
function instant(value: string | undefined, field: string, endOfDay: boolean): string | undefined {
  if (value === undefined) return undefined;
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const parsed = new Date(bareDate ? `${value}T00:00:00.000Z` : value);
  if (Number.isNaN(parsed.getTime())) throw badRequest('Expected a date', [field]);
  if (bareDate && endOfDay) parsed.setUTCDate(parsed.getUTCDate() + 1);
  return parsed.toISOString();
}

/**
 * Checks the ticket filters. As in the ticket list, a filter on a field that field rules hide on
 * some tickets (owner, type) matches only the tickets where the actor sees that field, so no
 * ticket is returned because of a value hidden from them; hidden on every ticket: refused.
 */
function ticketFilter(ctx: AppContext, actor: Actor, query: SearchQuery): TicketSearchFilter {
  const workflow = ctx.workflow.current();
  if (query.status?.some((s) => !workflow.status(s))) throw badRequest('Unknown status', ['status']);
  if (query.ticketType !== undefined && !workflow.hasType(query.ticketType, false))
    throw badRequest('Unknown ticket type', ['ticketType']);
  const asked: [TicketField, string][] = [];
  if (query.owner !== undefined) asked.push(['ownerId', 'owner']);
  if (query.ticketType !== undefined) asked.push(['type', 'ticketType']);
  const { scopes, refused } = filterScopes(actor, workflow, asked);
  if (refused.length > 0) throw badRequest('You may not filter on these fields', refused);
  return {
    statuses: query.status,
    ticketType: query.ticketType,
    ownerId: query.owner,
    from: instant(query.from, 'from', false),
    to: instant(query.to, 'to', true),
    ...(scopes.length > 0 && { onlyWhere: scopes }),
  };
}

/**
 * A ticket's indexed title holds its number, subject and requester. It is matched only on the
 * tickets where field rules show the actor both the subject and the requester; elsewhere the
 * messages alone match, so a search cannot reveal them.
 */
function ticketTitleScope(ctx: AppContext, actor: Actor): TitleScope {
  return ticketsShowing(actor, ctx.workflow.current(), ['subject', 'requesterId']);
}

/** The title of a hit as the actor may see it: a ticket's subject only where field rules show it. */
function visibleTitle(actor: Actor, type: SearchType, hit: SearchHit): string {
  if (type !== 'ticket') return hit.title;
  const context = { type: hit.ticketType ?? '', status: hit.status ?? '' };
  return fieldAccess(actor, 'subject', context) === 'hidden' ? '' : hit.title;
}

/**
 * The ticket a query names by number (`1042`, `#1042`) within what the actor may see and the
 * filters, as a hit ranked above any text match; none for other queries.
 */
async function ticketByNumber(
  ctx: AppContext,
  actor: Actor,
  q: string,
  filter: TicketSearchFilter,
): Promise<SearchHit[]> {
  const number = /^#?(\d{1,9})$/.exec(q.trim());
  if (!number) return [];
  const rows = await listTicketPage(
    ctx.db.kysely,
    actor,
    {
      numberOrText: { number: Number(number[1]) },
      ...(filter.statuses?.length && { statuses: filter.statuses }),
      ...(filter.ownerId !== undefined && { ownerId: filter.ownerId }),
      ...(filter.onlyWhere && { onlyWhere: filter.onlyWhere }),
    },
    { key: 'number', direction: 'desc' },
    null,
    1,
  );
  const matches = (row: TicketRow) =>
    (filter.ticketType === undefined || row.type === filter.ticketType) &&
    (filter.from === undefined || row.created_at >= filter.from) &&
    (filter.to === undefined || row.created_at < filter.to);
  return rows.filter(matches).map((row) => ({
    objectId: row.id,
    title: row.subject,
    body: '',
    score: Number.MAX_SAFE_INTEGER,
    number: row.number,
    status: row.status,
    ticketType: row.type,
  }));
}

/** Matches ranked per article; more are read than shown, as translations of one article collapse. */
const ARTICLE_CANDIDATES_PER_RESULT = 5;
/** The reader's language ranks above a translation matching as well (ADR 0021). */
const OWN_LOCALE_BOOST = 1.2;

/**
 * Published articles the viewer may read matching the terms, one hit per article: the
 * translation in `locale` when it matches, else the best one. Used by the search API and by the
 * knowledge base's suggestions and search box, so both read one index with one rule.
 */
export async function findArticles(
  ctx: AppContext,
  viewer: KbViewer,
  terms: QueryTerm[],
  mode: MatchMode,
  locale: string | undefined,
  limit: number,
): Promise<ArticleHit[]> {
  if (terms.length === 0) return [];
  const { kysely, dialect } = ctx.db;
  const rows = await searchArticleDocuments(
    kysely,
    dialect,
    viewer,
    terms,
    mode,
    Math.min(limit * ARTICLE_CANDIDATES_PER_RESULT, 500),
  );
  const best = new Map<number, ArticleHit>();
  for (const row of rows) {
    const own = row.locale === locale;
    const hit = { ...row, score: own ? row.score * OWN_LOCALE_BOOST : row.score };
    const current = best.get(row.objectId);
    if (!current || (own && current.locale !== locale) || (current.locale !== locale && hit.score > current.score))
      best.set(row.objectId, hit);
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.objectId - b.objectId).slice(0, limit);
}

/** Suggestions read free text: at most this many of its terms. */
const MAX_SUGGESTION_TERMS = 32;

/**
 * The terms of free text for suggestions (any may match): words of three characters or more,
 * Chinese bigrams; shorter words (`is`, `50`) would match as prefixes almost everywhere.
 */
export function suggestionTerms(text: string): QueryTerm[] {
  return queryTerms(text)
    .filter((t) => [...t.term].length >= 3 || (isCjk(t.term) && [...t.term].length >= 2))
    .slice(0, MAX_SUGGESTION_TERMS);
}

/**
 * Ranked, highlighted results the actor may see. Scopes are applied in SQL: tickets through the
 * ticket list rule and the text meant for the actor (notes only for note readers), customers
 * only for those with the user directory, articles by visibility.
 */
export async function search(ctx: AppContext, actor: Actor, query: SearchQuery): Promise<{ items: SearchItem[] }> {
  const allowed = searchableTypes(actor);
  if (query.type && !allowed.includes(query.type)) throw forbidden(`You may not search ${query.type}`);
  const filter = ticketFilter(ctx, actor, query);
  const terms = queryTerms(query.q);
  if (terms.length === 0) return { items: [] };
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const types = query.type ? [query.type] : allowed;
  const hasTicketFilter = Object.values(filter).some((v) => v !== undefined);
  const { kysely, dialect } = ctx.db;
  const found: { type: SearchType; hit: SearchHit }[] = [];
  for (const type of types) {
    let hits: SearchHit[];
    if (type === 'ticket') {
      const audiences: ('all' | 'internal' | 'public')[] = canReadInternal(actor)
        ? ['all', 'internal']
        : ['all', 'public'];
      const title = ticketTitleScope(ctx, actor);
      hits = await searchTicketDocuments(kysely, dialect, actor, terms, audiences, filter, limit, title);
      // The number is in a ticket's title terms, which such a reader cannot match on every
      // ticket: look it up.
      if (title !== 'all') {
        const named = await ticketByNumber(ctx, actor, query.q, filter);
        hits = [...named, ...hits.filter((hit) => !named.some((n) => n.objectId === hit.objectId))];
      }
    } else if (hasTicketFilter && !query.type) {
      // Ticket filters narrow a mixed search to tickets.
      continue;
    } else if (type === 'customer') {
      hits = await searchCustomerDocuments(kysely, dialect, terms, limit);
    } else {
      hits = await findArticles(ctx, actor, terms, 'all', actor.locale, limit);
    }
    for (const hit of hits) found.push({ type, hit });
  }
  found.sort((a, b) => b.hit.score - a.hit.score);
  const highlighter = highlighterFor(query.q);
  return {
    items: found.slice(0, limit).map(({ type, hit }) => ({
      type,
      id: hit.objectId,
      title: visibleTitle(actor, type, hit),
      snippet: snippet(hit.body, highlighter),
      score: hit.score,
      ...(hit.number !== null && { number: hit.number }),
      ...(hit.status !== null && { status: hit.status }),
    })),
  };
}
