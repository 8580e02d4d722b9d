import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { FieldScope } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { ticketInScopesWhere, visibleTicketsWhere } from '../tickets/tickets.policy.ts';
import {
  documents,
  type IndexDocument,
  type MatchColumns,
  pgCandidates,
  RANK_CANDIDATES,
  type RankedRow,
  rankIds,
  rankOnly,
  type SearchHit,
  scopeTerm,
  type TextMatch,
  textMatch,
  withoutSeqScan,
  withTexts,
} from './search.repo.ts';
import type { QueryTerm } from './tokenize.ts';

type Executor = Db['kysely'] | Trx;
type Dialect = Db['dialect'];

/**
 * Where a reader may match a ticket's title text (number, subject, requester): on every ticket,
 * on none (messages only), or on the tickets in every one of these scopes (the types × statuses
 * where field rules show them both the subject and the requester).
 */
export type TitleScope = 'all' | 'none' | FieldScope[];

/** Ticket filters combined with the text (checked by the service). */
export interface TicketSearchFilter {
  statuses?: string[];
  ticketType?: string;
  ownerId?: number;
  from?: string;
  to?: string;
  /** Filters on fields hidden on some tickets match only in these scopes (`filterScopes`). */
  onlyWhere?: FieldScope[];
}

/**
 * Tickets matching all terms that the actor may read (the ticket list scope, in SQL), through
 * the one text meant for them: internal notes only for those who may read internal notes, and
 * the title text (number, subject, requester) only where field rules show it to them (`title`).
 */
export async function searchTicketDocuments(
  db: Executor,
  dialect: Dialect,
  actor: Actor,
  terms: QueryTerm[],
  audiences: IndexDocument['audience'][],
  filter: TicketSearchFilter,
  limit: number,
  title: TitleScope = 'all',
): Promise<SearchHit[]> {
  const scopes = audiences.map((audience) => scopeTerm({ type: 'ticket', audience, visibility: null }));
  const scope = visibleTicketsWhere(actor);
  const conditions = (eb: ExpressionBuilder<Database, 'tickets'>) => {
    const all: Expression<SqlBool>[] = [];
    if (scope) all.push(scope(eb));
    if (filter.statuses?.length) all.push(eb('tickets.status', 'in', filter.statuses));
    if (filter.ticketType) all.push(eb('tickets.type', '=', filter.ticketType));
    if (filter.ownerId !== undefined) all.push(eb('tickets.owner_id', '=', filter.ownerId));
    if (filter.from) all.push(eb('tickets.created_at', '>=', filter.from));
    if (filter.to) all.push(eb('tickets.created_at', '<', filter.to));
    if (filter.onlyWhere?.length) all.push(ticketInScopesWhere(eb, filter.onlyWhere));
    return all;
  };
  // Someone who sees every ticket, without filters, has only the newest RANK_CANDIDATES matches
  // ranked, not every match: a common word matches thousands of documents (ADR 0021).
  const unnarrowed =
    scope === null && Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
  // The matches joined to their live tickets; `titleShown` narrows to the tickets where the title
  // is (true) or is not (false) shown to the reader.
  const matching = (where: RawBuilder<SqlBool>, titleShown?: boolean) =>
    documents(db, dialect)
      .innerJoin('tickets', 'tickets.id', 'd.object_id')
      .where(where)
      .where('d.type', '=', 'ticket')
      .where('d.audience', 'in', audiences)
      .where((eb) => {
        const tickets = eb as unknown as ExpressionBuilder<Database, 'tickets'>;
        const all = conditions(tickets);
        if (titleShown !== undefined && Array.isArray(title)) {
          const shown = ticketInScopesWhere(tickets, title);
          all.push(titleShown ? shown : tickets.not(shown));
        }
        return eb.and(all);
      });
  // The best `limit` of those matches by score.
  const best = (where: RawBuilder<SqlBool>, score: RawBuilder<number>, titleShown?: boolean): Promise<RankedRow[]> =>
    matching(where, titleShown)
      .select(['d.id', 'd.object_id', score.as('score')])
      .orderBy('score', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
  const ranked = async (columns: MatchColumns, titleShown?: boolean): Promise<RankedRow[]> => {
    const text = textMatch(dialect, scopes, terms, 'all', columns);
    if (unnarrowed && Array.isArray(title))
      return titleShown ? newestOnShownTitles(text, title) : newestOnHiddenTitles(text, title);
    return best(text.where, text.score, titleShown);
  };
  // The best of the newest RANK_CANDIDATES matches on tickets whose title is shown: the window
  // holds only matches the reader may make (newer hidden titles holding the word must not crowd
  // an older visible match out). Each match's ticket is looked up, newest first, until it is full.
  const newestOnShownTitles = async (text: TextMatch, shown: FieldScope[]) => {
    const inShown = (eb: unknown) => {
      const tickets = eb as ExpressionBuilder<Database, 'tickets'>;
      return tickets.and([...conditions(tickets), ticketInScopesWhere(tickets, shown)]);
    };
    if (dialect === 'postgres') {
      const ids = await withoutSeqScan(db, async (trx) => {
        // Fenced (`offset 0`) so that the planner keeps the matches' order and stops joining
        // when the window is full, instead of joining every match before sorting.
        const newest = trx
          .selectFrom('search_documents as d')
          .select(['d.id', 'd.object_id', sql<number>`d.id + 0`.as('k')])
          .where(text.where)
          .where('d.type', '=', 'ticket')
          .where('d.audience', 'in', audiences)
          .orderBy(sql`d.id + 0`, 'desc')
          .offset(0)
          .as('m');
        const found = await trx
          .selectFrom(newest)
          .innerJoin('tickets', 'tickets.id', 'm.object_id')
          .select('m.id')
          .where(inShown)
          .orderBy('m.k', 'desc')
          .limit(RANK_CANDIDATES)
          .execute();
        return found.map((r) => r.id);
      });
      return rankIds(db, ids, text.score, limit);
    }
    // FTS5 walks the matches newest first; the lookups stop when the window is full.
    const candidates = matching(text.where, true)
      .select(['d.id', 'd.object_id', text.score.as('score')])
      .orderBy(sql`search_fts.rowid`, 'desc')
      .limit(RANK_CANDIDATES)
      .as('c');
    return db
      .selectFrom(candidates)
      .select(['c.id', 'c.object_id', 'c.score'])
      .orderBy('c.score', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  };
  // Messages only, on the tickets whose title is hidden, from the newest message matches of all
  // tickets (taken from the index alone, as rankOnly does): a window chosen by text the reader
  // may read, and cheap when few tickets hide their title (each match would be looked up).
  const newestOnHiddenTitles = async (text: TextMatch, shown: FieldScope[]) => {
    const hidden = (eb: unknown) => {
      const tickets = eb as ExpressionBuilder<Database, 'tickets'>;
      return tickets.and([...conditions(tickets), tickets.not(ticketInScopesWhere(tickets, shown))]);
    };
    if (dialect === 'postgres') {
      const ids = await pgCandidates(db, text.where);
      if (ids.length === 0) return [];
      return best(sql<SqlBool>`d.id = any(${ids}::int[])`, text.score, false);
    }
    const newest = db
      .selectFrom('search_fts')
      .select(['search_fts.rowid as id', text.score.as('score')])
      .where(text.where)
      .orderBy('search_fts.rowid', 'desc')
      .limit(RANK_CANDIDATES)
      .as('c');
    return db
      .selectFrom(newest)
      .innerJoin('search_documents as d', 'd.id', 'c.id')
      .innerJoin('tickets', 'tickets.id', 'd.object_id')
      .select(['c.id', 'd.object_id', 'c.score'])
      .where(hidden)
      .orderBy('c.score', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  };
  let rows: RankedRow[];
  if (Array.isArray(title)) {
    // Title words count where the reader sees the title, and nowhere else: there a ticket matches
    // (and ranks) on its messages alone. Neither part (nor its window of newest matches) depends
    // on a hidden title's words; the best of both are merged as one ranking would order them.
    const both = [...(await ranked('all', true)), ...(await ranked('body', false))];
    rows = both.sort((a, b) => Number(b.score) - Number(a.score) || b.id - a.id).slice(0, limit);
  } else {
    const columns = title === 'all' ? 'all' : 'body';
    // Without a title scope nothing needs the ticket row: ranked from the index alone, since a
    // lookup per match was most of the time.
    rows = unnarrowed ? await rankOnly(db, dialect, scopes, terms, limit, columns) : await ranked(columns);
  }
  const hits = await withTexts(db, rows);
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'status', 'type'])
    .where('id', 'in', hits.map((h) => h.objectId).concat(0))
    .execute();
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return hits.map((h) => ({
    ...h,
    number: byId.get(h.objectId)?.number ?? null,
    status: byId.get(h.objectId)?.status ?? null,
    ticketType: byId.get(h.objectId)?.type,
  }));
}
