import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { SearchType } from '../../../common/domain.ts';
import type { FieldScope } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { canPublishKb, isKbStaff, type KbViewer, visibleArticlesWhere } from '../kb/kb.policy.ts';
import { ticketInScopesWhere, visibleTicketsWhere } from '../tickets/tickets.policy.ts';
import type { QueryTerm } from './tokenize.ts';

type Executor = Db['kysely'] | Trx;
type Dialect = Db['dialect'];

/** A document ready for the index: display text plus the terms of our tokenizer. */
export interface IndexDocument {
  type: SearchType;
  objectId: number;
  /**
   * Tickets and customers: `all`, `public` or `internal` (which readers the text is for).
   * Articles: the translation's locale (one document per published translation).
   */
  audience: string;
  /** Articles: the article's visibility (public | customers | staff | restricted); else null. */
  visibility: string | null;
  title: string;
  body: string;
  titleTerms: string[];
  bodyTerms: string[];
}

/** One hit before presentation. `score`: higher is better. */
export interface SearchHit {
  objectId: number;
  title: string;
  body: string;
  score: number;
  number: number | null;
  status: string | null;
  /** Tickets: their type, for the field rules that depend on it. */
  ticketType?: string;
}

/**
 * Replaces the documents of the given objects (all their audiences) with `docs`, index
 * included. Idempotent: the same input leaves the same rows.
 */
export async function replaceDocuments(
  trx: Executor,
  dialect: Dialect,
  type: SearchType,
  objectIds: number[],
  docs: IndexDocument[],
  at: string,
): Promise<void> {
  if (objectIds.length > 0) {
    const old = trx.selectFrom('search_documents').where('type', '=', type).where('object_id', 'in', objectIds);
    if (dialect === 'sqlite') await trx.deleteFrom('search_fts').where('rowid', 'in', old.select('id')).execute();
    await trx.deleteFrom('search_documents').where('type', '=', type).where('object_id', 'in', objectIds).execute();
  }
  if (docs.length === 0) return;
  const rows = docs.map((d) => ({
    type: d.type,
    object_id: d.objectId,
    audience: d.audience,
    visibility: d.visibility,
    title: d.title,
    body: d.body,
    updated_at: at,
  }));
  if (dialect === 'postgres') {
    // The tsvector takes our terms as they are: no parser, no dictionary (same terms as SQLite).
    await trx
      .insertInto('search_documents')
      .values(
        rows.map((row, i) => ({
          ...row,
          tsv: sql`${tsvectorText(docs[i].titleTerms, docs[i].bodyTerms, scopeTerm(docs[i]))}::tsvector`,
        })),
      )
      .execute();
    return;
  }
  for (const [i, row] of rows.entries()) {
    const { id } = await trx.insertInto('search_documents').values(row).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('search_fts')
      .values({
        rowid: id,
        title: docs[i].titleTerms.join(' '),
        body: docs[i].bodyTerms.join(' '),
        scope: scopeTerm(docs[i]),
      })
      .execute();
  }
}

/** PostgreSQL keeps at most this position and this many positions per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_TERM = 256;

/**
 * The tsvector of a document as text: our terms as lexemes (quoted, never parsed by a text search
 * configuration), with positions, title terms weighted A, body terms D (the default).
 */
function tsvectorText(titleTerms: string[], bodyTerms: string[], scope: string): string {
  const positions = new Map<string, string[]>();
  let at = 0;
  const add = (term: string, weight: string) => {
    at = Math.min(at + 1, MAX_POSITION);
    const list = positions.get(term) ?? [];
    if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${at}${weight}`);
    positions.set(term, list);
  };
  for (const term of titleTerms) add(term, 'A');
  for (const term of bodyTerms) add(term, '');
  const lexemes = [...positions].map(
    ([term, list]) => `'${term.replace(/['\\]/g, (c) => `${c}${c}`)}':${list.join(',')}`,
  );
  return [`'${scope}'`, ...lexemes].join(' ');
}

/**
 * The scope term of a document: `_<type>_<audience>` (articles: `_article_<visibility>`). Our
 * tokenizer never makes a term starting with `_` without an `@`, so no text can match it; the
 * index itself then narrows to the actor's documents instead of every match being checked.
 */
export function scopeTerm(doc: Pick<IndexDocument, 'type' | 'audience' | 'visibility'>): string {
  return doc.type === 'article' ? `_article_${doc.visibility ?? 'restricted'}` : `_${doc.type}_${doc.audience}`;
}

/** Removes every document of a type (reindex from scratch). */
export async function clearType(db: Executor, dialect: Dialect, type: SearchType): Promise<void> {
  if (dialect === 'sqlite')
    await db
      .deleteFrom('search_fts')
      .where('rowid', 'in', db.selectFrom('search_documents').select('id').where('type', '=', type))
      .execute();
  await db.deleteFrom('search_documents').where('type', '=', type).execute();
}

/**
 * How the terms of a query combine: `all` must match (the search box), or `any` (suggestions
 * from a customer's free text, where most words are not in the article; ranking sorts it out).
 */
export type MatchMode = 'all' | 'any';

/**
 * Which indexed text a query reads: `all` (title and body) or `body` only, for tickets whose
 * title text (subject or requester) field rules hide from the reader: matching on it would
 * reveal it. A `body` query also ranks without the title.
 */
type MatchColumns = 'all' | 'body';

/**
 * Where a reader may match a ticket's title text (number, subject, requester): on every ticket,
 * on none (messages only), or on the tickets in every one of these scopes (the types × statuses
 * where field rules show them both the subject and the requester).
 */
export type TitleScope = 'all' | 'none' | FieldScope[];

/** FTS5 query text: one of the scope terms, and every (or any) term; prefixes end in `*`. */
function ftsQuery(scopes: string[], terms: QueryTerm[], mode: MatchMode, columns: MatchColumns): string {
  const scope = `scope : (${scopes.map((x) => `"${x}"`).join(' OR ')})`;
  const column = columns === 'body' ? 'body : ' : '';
  const parts = terms.map((t) => `${column}"${t.term.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`);
  return mode === 'all' ? [scope, ...parts].join(' AND ') : `${scope} AND (${parts.join(' OR ')})`;
}

/**
 * tsquery text (cast, not parsed by a configuration): one scope, every (or any) term; prefixes as
 * `:*`; body terms only (weight D) as `:D`.
 */
function tsQuery(scopes: string[], terms: QueryTerm[], mode: MatchMode, columns: MatchColumns): string {
  const scope = `(${scopes.map((x) => `'${x}'`).join(' | ')})`;
  const weight = columns === 'body' ? 'D' : '';
  const parts = terms.map((t) => {
    const label = `${t.prefix ? '*' : ''}${weight}`;
    return `'${t.term.replace(/['\\]/g, (c) => `${c}${c}`)}'${label ? `:${label}` : ''}`;
  });
  return mode === 'all' ? [scope, ...parts].join(' & ') : `${scope} & (${parts.join(' | ')})`;
}

/** A text condition and its score expression (higher is better). */
type TextMatch = { where: RawBuilder<SqlBool>; score: RawBuilder<number> };

/** The text condition and the score expression (higher is better) for the dialect. */
function textMatch(
  dialect: Dialect,
  scopes: string[],
  terms: QueryTerm[],
  mode: MatchMode = 'all',
  columns: MatchColumns = 'all',
): TextMatch {
  if (dialect === 'postgres') {
    const q = sql`${tsQuery(scopes, terms, mode, columns)}::tsquery`;
    // `ts_rank` counts every position of a matched lexeme, whatever weights the query asks for:
    // ranked on the whole tsvector, a hidden title holding the word would rank its ticket higher.
    // Body-only queries rank the body positions (weight D) plus the document's scope term, which
    // `ts_filter` drops (it has no position) and is `_<type>_<audience>` for tickets and customers.
    const ranked =
      columns === 'body'
        ? sql`ts_filter(d.tsv, '{d}') || array_to_tsvector(array['_' || d.type || '_' || d.audience])`
        : sql`d.tsv`;
    return {
      where: sql<SqlBool>`d.tsv @@ ${q}`,
      score: sql<number>`ts_rank(${ranked}, ${q})`,
    };
  }
  return {
    where: sql<SqlBool>`search_fts match ${ftsQuery(scopes, terms, mode, columns)}`,
    // bm25 is lower-is-better; the title column weighs ten times the body, the scope nothing.
    // A body-only query (`body : …`) has no matches in the title, so the title adds nothing.
    score: sql<number>`-bm25(search_fts, 10.0, 1.0, 0.0)`,
  };
}

/** The documents table joined to the index, for the dialect. */
function documents(db: Executor, dialect: Dialect) {
  const base = db.selectFrom('search_documents as d');
  return dialect === 'sqlite' ? base.innerJoin('search_fts', 'search_fts.rowid', 'd.id') : base;
}

/**
 * At most this many matches are ranked, the newest documents first. A word found in most of a
 * million messages would otherwise be ranked everywhere it occurs (hundreds of milliseconds);
 * past this many matches a help desk wants recent tickets anyway (ADR 0021).
 */
export const RANK_CANDIDATES = 1000;

/**
 * Ids of the newest RANK_CANDIDATES matching documents (PostgreSQL). The planner underrates the
 * cost of `@@` on a row (it must read the tsvector): it picks a sequential scan, or a backward
 * scan of the primary key checking every row, both several times slower than the GIN bitmap
 * scan it gets here with sequential scans off for this statement and `id + 0` as the order.
 */
async function pgCandidates(db: Executor, where: RawBuilder<SqlBool>): Promise<number[]> {
  return withoutSeqScan(db, async (trx) => {
    const rows = await trx
      .selectFrom('search_documents as d')
      .select('d.id')
      .where(where)
      .orderBy(sql`d.id + 0`, 'desc')
      .limit(RANK_CANDIDATES)
      .execute();
    return rows.map((r) => r.id);
  });
}

/** Runs `pick` with sequential scans off for its statements (PostgreSQL; see pgCandidates). */
async function withoutSeqScan<T>(db: Executor, pick: (trx: Executor) => Promise<T>): Promise<T> {
  const run = async (trx: Executor) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return pick(trx);
  };
  return db.isTransaction ? run(db) : (db as Db['kysely']).transaction().execute(run);
}

/** A ranked document before its texts are loaded. */
type RankedRow = { id: number; object_id: number; score: number };

/** The best `limit` of the given documents by `score` (PostgreSQL: ranks the candidates only). */
async function rankIds(db: Executor, ids: number[], score: RawBuilder<number>, limit: number): Promise<RankedRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('search_documents as d')
    .select(['d.id', 'd.object_id', score.as('score')])
    .where(sql<SqlBool>`d.id = any(${ids}::int[])`)
    .orderBy('score', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * The best `limit` documents of the scopes matching all terms, when nothing else narrows them:
 * on SQLite from the FTS table alone (no row lookup per match), on PostgreSQL from the GIN index.
 */
async function rankOnly(
  db: Executor,
  dialect: Dialect,
  scopes: string[],
  terms: QueryTerm[],
  limit: number,
  columns: MatchColumns = 'all',
): Promise<RankedRow[]> {
  const text = textMatch(dialect, scopes, terms, 'all', columns);
  if (dialect === 'postgres') return rankIds(db, await pgCandidates(db, text.where), text.score, limit);
  const candidates = db
    .selectFrom('search_fts')
    .select(['search_fts.rowid as id', text.score.as('score')])
    .where(text.where)
    .orderBy('search_fts.rowid', 'desc')
    .limit(RANK_CANDIDATES)
    .as('c');
  const ranked = await db
    .selectFrom(candidates)
    .select(['c.id', 'c.score'])
    .orderBy('c.score', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  if (ranked.length === 0) return [];
  const objects = await db
    .selectFrom('search_documents')
    .select(['id', 'object_id'])
    .where(
      'id',
      'in',
      ranked.map((r) => r.id),
    )
    .execute();
  const byId = new Map(objects.map((o) => [o.id, o.object_id]));
  return ranked.map((r) => ({ id: r.id, object_id: byId.get(r.id) ?? 0, score: r.score }));
}

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
  const ranked = async (columns: MatchColumns, titleShown?: boolean): Promise<RankedRow[]> => {
    const text = textMatch(dialect, scopes, terms, 'all', columns);
    if (unnarrowed && Array.isArray(title))
      return titleShown ? newestOnShownTitles(text, title) : newestOnHiddenTitles(text, title);
    return matching(text.where, titleShown)
      .select(['d.id', 'd.object_id', text.score.as('score')])
      .orderBy('score', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
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
    const candidates = documents(db, dialect)
      .innerJoin('tickets', 'tickets.id', 'd.object_id')
      .select(['d.id', 'd.object_id', text.score.as('score')])
      .where(text.where)
      .where('d.type', '=', 'ticket')
      .where('d.audience', 'in', audiences)
      .where(inShown)
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
      return db
        .selectFrom('search_documents as d')
        .innerJoin('tickets', 'tickets.id', 'd.object_id')
        .select(['d.id', 'd.object_id', text.score.as('score')])
        .where(sql<SqlBool>`d.id = any(${ids}::int[])`)
        .where(hidden)
        .orderBy('score', 'desc')
        .orderBy('d.id', 'desc')
        .limit(limit)
        .execute();
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

/** Customers matching all terms (only active customers are indexed). */
export async function searchCustomerDocuments(
  db: Executor,
  dialect: Dialect,
  terms: QueryTerm[],
  limit: number,
): Promise<SearchHit[]> {
  return withTexts(db, await rankOnly(db, dialect, ['_customer_all'], terms, limit));
}

/** The article visibilities whose scope terms a viewer's search reads (narrowed further in SQL). */
function articleScopeLevels(viewer: KbViewer): string[] {
  if (viewer === null) return ['public'];
  if (isKbStaff(viewer) || canPublishKb(viewer)) return ['public', 'customers', 'staff', 'restricted'];
  return ['public', 'customers'];
}

/** A matching article translation: `locale` is the document's language. */
export interface ArticleHit extends SearchHit {
  locale: string;
}

/**
 * Published article translations matching the terms that the viewer may read. The scope terms
 * narrow the index to the visibilities the viewer could read at all; the knowledge base's own
 * rule (`visibleArticlesWhere`, ADR 0022: organizations, roles, groups, author, category, status)
 * is then applied to the live article row, so a change of visibility or status counts at once,
 * even before the outbox has re-indexed the article.
 */
export async function searchArticleDocuments(
  db: Executor,
  dialect: Dialect,
  viewer: KbViewer,
  terms: QueryTerm[],
  mode: MatchMode,
  limit: number,
): Promise<ArticleHit[]> {
  const scopes = articleScopeLevels(viewer).map((visibility) =>
    scopeTerm({ type: 'article', audience: '', visibility }),
  );
  const text = textMatch(dialect, scopes, terms, mode);
  const policy = visibleArticlesWhere(viewer, true);
  // The visible matches, newest first: only the newest RANK_CANDIDATES of them are ranked.
  const visible = (executor: Executor) => {
    const query = documents(executor, dialect)
      .innerJoin('kb_articles', 'kb_articles.id', 'd.object_id')
      // No `d.type = 'article'`: the scope terms only occur in articles, and that condition led
      // PostgreSQL to read every article's tsvector instead of using the GIN index.
      .where(text.where);
    return policy ? query.where((eb) => policy(eb as unknown as ExpressionBuilder<Database, 'kb_articles'>)) : query;
  };
  let rows: { id: number; object_id: number; audience: string; score: number }[];
  if (dialect === 'postgres') {
    // As pgCandidates: the GIN bitmap scan, then `ts_rank` only for the candidates.
    const ids = await withoutSeqScan(db, async (trx) => {
      const found = await visible(trx).select('d.id').orderBy(sql`d.id + 0`, 'desc').limit(RANK_CANDIDATES).execute();
      return found.map((r) => r.id);
    });
    if (ids.length === 0) return [];
    rows = await db
      .selectFrom('search_documents as d')
      .select(['d.id', 'd.object_id', 'd.audience', text.score.as('score')])
      .where(sql<SqlBool>`d.id = any(${ids}::int[])`)
      .orderBy('score', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
  } else {
    const candidates = visible(db)
      .select(['d.id', 'd.object_id', 'd.audience', text.score.as('score')])
      .orderBy(sql`search_fts.rowid`, 'desc')
      .limit(RANK_CANDIDATES)
      .as('c');
    rows = await db
      .selectFrom(candidates)
      .selectAll()
      .orderBy('c.score', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit)
      .execute();
  }
  const hits = await withTexts(db, rows);
  return hits.map((h, i) => ({ ...h, locale: rows[i].audience }));
}

/** What the indexer reads of an article: its state and its translations. */
export interface ArticleSource {
  id: number;
  status: string;
  visibility: string;
  translations: { locale: string; title: string; text: string }[];
}

/** Articles with their translations, for indexing (deleted ones are simply absent). */
export async function loadArticleSources(db: Executor, ids: number[]): Promise<ArticleSource[]> {
  if (ids.length === 0) return [];
  const articles = await db
    .selectFrom('kb_articles')
    .select(['id', 'status', 'visibility'])
    .where('id', 'in', ids)
    .execute();
  const translations = await db
    .selectFrom('kb_article_translations')
    .select(['article_id', 'locale', 'title', 'body_text'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('locale')
    .execute();
  return articles.map((a) => ({
    ...a,
    translations: translations
      .filter((t) => t.article_id === a.id)
      .map((t) => ({ locale: t.locale, title: t.title, text: t.body_text })),
  }));
}

/**
 * Adds title and text to ranked rows. Fetched for the page only: carrying the text through the
 * ranking of every match (thousands for a common word) made it several times slower.
 */
async function withTexts(db: Executor, rows: { id: number; object_id: number; score: number }[]): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const texts = await db
    .selectFrom('search_documents')
    .select(['id', 'title', 'body'])
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(texts.map((t) => [t.id, t]));
  return rows.map((r) => ({
    objectId: r.object_id,
    title: byId.get(r.id)?.title ?? '',
    body: byId.get(r.id)?.body ?? '',
    score: Number(r.score),
    number: null,
    status: null,
  }));
}

/** What the indexer reads of a ticket. */
export interface TicketSource {
  id: number;
  number: number;
  subject: string;
  requesterName: string | null;
  requesterEmail: string | null;
  messages: { visibility: string; text: string }[];
}

/** Tickets with their requester and messages, for indexing. */
export async function loadTicketSources(db: Executor, ids: number[]): Promise<TicketSource[]> {
  if (ids.length === 0) return [];
  const tickets = await db
    .selectFrom('tickets')
    .leftJoin('users', 'users.id', 'tickets.requester_id')
    .select(['tickets.id', 'tickets.number', 'tickets.subject', 'users.name', 'users.email'])
    .where('tickets.id', 'in', ids)
    .execute();
  const messages = await db
    .selectFrom('ticket_messages')
    .select(['ticket_id', 'visibility', 'body_text'])
    .where('ticket_id', 'in', ids)
    .orderBy('ticket_id')
    .orderBy('id')
    .execute();
  const byTicket = new Map<number, { visibility: string; text: string }[]>();
  for (const m of messages) {
    const list = byTicket.get(m.ticket_id) ?? [];
    list.push({ visibility: m.visibility, text: m.body_text });
    byTicket.set(m.ticket_id, list);
  }
  return tickets.map((t) => ({
    id: t.id,
    number: t.number,
    subject: t.subject,
    requesterName: t.name,
    requesterEmail: t.email,
    messages: byTicket.get(t.id) ?? [],
  }));
}

/** A user as the customer index sees them. */
export interface CustomerSource {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  organizationName: string | null;
  /** The role's permissions (JSON array): staff are not indexed as customers. */
  rolePermissions: string;
  active: number;
}

export async function loadCustomerSources(db: Executor, ids: number[]): Promise<CustomerSource[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.phone',
      'organizations.name as organizationName',
      'roles.permissions as rolePermissions',
      'users.active',
    ])
    .where('users.id', 'in', ids)
    .execute();
}

/** Ids of a table in id order after `afterId` (reindex batches). */
export async function idsAfter(
  db: Executor,
  table: 'tickets' | 'users' | 'kb_articles',
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db.selectFrom(table).select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/** Rows in a table (reindex progress). */
export async function countRows(db: Executor, table: 'tickets' | 'users' | 'kb_articles'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Documents in the index by type (reindex check and tests). */
export async function countDocuments(db: Executor, type: SearchType): Promise<number> {
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of the tickets a user raised (their name is part of those tickets' documents). */
export async function ticketIdsOfRequester(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('tickets').select('id').where('requester_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => r.id);
}
