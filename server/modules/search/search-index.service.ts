import type { SearchType } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import { articleDocuments, customerDocuments, ticketDocuments } from './documents.ts';
import {
  clearType,
  countRows,
  type IndexDocument,
  idsAfter,
  loadArticleSources,
  loadCustomerSources,
  loadTicketSources,
  replaceDocuments,
} from './search.repo.ts';

/**
 * Rebuilds the documents of these objects of one type from their current rows. Idempotent
 * (delivery is at least once). Reads first, then writes in one short transaction: SQLite has
 * one connection.
 */
async function rebuild<S>(
  ctx: AppContext,
  type: SearchType,
  ids: number[],
  load: (db: AppContext['db']['kysely'], ids: number[]) => Promise<S[]>,
  documentsOf: (source: S) => IndexDocument[],
): Promise<void> {
  if (ids.length === 0) return;
  const docs = (await load(ctx.db.kysely, ids)).flatMap(documentsOf);
  const at = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute((trx) => replaceDocuments(trx, ctx.db.dialect, type, ids, docs, at));
}

/** Rebuilds the documents of these tickets. Idempotent. */
export async function indexTickets(ctx: AppContext, ids: number[]): Promise<void> {
  await rebuild(ctx, 'ticket', ids, loadTicketSources, ticketDocuments);
}

/** Rebuilds the documents of these users (only customers get one). Idempotent. */
export async function indexCustomers(ctx: AppContext, ids: number[]): Promise<void> {
  await rebuild(ctx, 'customer', ids, loadCustomerSources, customerDocuments);
}

/** Rebuilds the documents of these articles (published translations only). Idempotent. */
export async function indexArticles(ctx: AppContext, ids: number[]): Promise<void> {
  await rebuild(ctx, 'article', ids, loadArticleSources, articleDocuments);
}

/** The types `reindex` rebuilds. */
export const REINDEXABLE: readonly SearchType[] = ['ticket', 'customer', 'article'];

const SOURCES = {
  ticket: { table: 'tickets', index: indexTickets },
  customer: { table: 'users', index: indexCustomers },
  article: { table: 'kb_articles', index: indexArticles },
} as const;

/** Progress of a reindex: done of total for a type. */
export type ReindexProgress = (type: SearchType, done: number, total: number) => void;

/**
 * Rebuilds the index of the given types from scratch in batches, reporting progress. Running it
 * twice leaves the same documents.
 */
export async function reindex(
  ctx: AppContext,
  types: readonly SearchType[] = REINDEXABLE,
  onProgress: ReindexProgress = () => {},
  batchSize = 500,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const type of types) {
    if (!REINDEXABLE.includes(type)) continue;
    const { table, index } = SOURCES[type];
    const total = await countRows(ctx.db.kysely, table);
    await clearType(ctx.db.kysely, ctx.db.dialect, type);
    let done = 0;
    let after = 0;
    onProgress(type, 0, total);
    for (;;) {
      const ids = await idsAfter(ctx.db.kysely, table, after, batchSize);
      if (ids.length === 0) break;
      await index(ctx, ids);
      done += ids.length;
      after = ids[ids.length - 1];
      onProgress(type, done, total);
    }
    out[type] = done;
  }
  return out;
}
