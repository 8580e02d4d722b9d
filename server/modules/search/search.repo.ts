import { type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { SearchType } from '../../../common/domain.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';
import { canPublishKb, isKbStaff, type KbViewer, visibleArticlesWhere } from '../kb/kb.policy.ts';
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
export type MatchColumns = 'all' | 'body';

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
export type TextMatch = { where: RawBuilder<SqlBool>; score: RawBuilder<number> };

/** The text condition and the score expression (higher is better) for the dialect. */
export function textMatch(
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
export function documents(db: Executor, dialect: Dialect) {
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
export async function pgCandidates(db: Executor, where: RawBuilder<SqlBool>): Promise<number[]> {
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
export async function withoutSeqScan<T>(db: Executor, pick: (trx: Executor) => Promise<T>): Promise<T> {
  const run = async (trx: Executor) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return pick(trx);
  };
  return db.isTransaction ? run(db) : (db as Db['kysely']).transaction().execute(run);
}

/** A ranked document before its texts are loaded. */
export type RankedRow = { id: number; object_id: number; score: number };

/** The best `limit` of the given documents by `score` (PostgreSQL: ranks the candidates only). */
export async function rankIds(
  db: Executor,
  ids: number[],
  score: RawBuilder<number>,
  limit: number,
): Promise<RankedRow[]> {
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
export async function rankOnly(
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
export async function withTexts(
  db: Executor,
  rows: { id: number; object_id: number; score: number }[],
): Promise<SearchHit[]> {
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
