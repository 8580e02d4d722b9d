import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

// ---- feedback ----

/** Records or replaces the voter's vote, then recounts the article's counters (one vote per voter). */
export async function saveFeedback(
  trx: Executor,
  row: {
    articleId: number;
    voterKey: string;
    userId: number | null;
    helpful: boolean;
    comment: string | null;
    at: string;
  },
): Promise<{ yes: number; no: number }> {
  const existing = await trx
    .selectFrom('kb_feedback')
    .select('id')
    .where('article_id', '=', row.articleId)
    .where('voter_key', '=', row.voterKey)
    .executeTakeFirst();
  const values = { helpful: row.helpful ? 1 : 0, comment: row.comment, updated_at: row.at };
  if (existing) {
    await trx.updateTable('kb_feedback').set(values).where('id', '=', existing.id).execute();
  } else {
    await trx
      .insertInto('kb_feedback')
      .values({
        ...values,
        article_id: row.articleId,
        voter_key: row.voterKey,
        user_id: row.userId,
        created_at: row.at,
      })
      .execute();
  }
  const counts = await trx
    .selectFrom('kb_feedback')
    .select(['helpful', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('article_id', '=', row.articleId)
    .groupBy('helpful')
    .execute();
  const yes = Number(counts.find((c) => c.helpful === 1)?.n ?? 0);
  const no = Number(counts.find((c) => c.helpful === 0)?.n ?? 0);
  await trx
    .updateTable('kb_articles')
    .set({ helpful_yes: yes, helpful_no: no })
    .where('id', '=', row.articleId)
    .execute();
  return { yes, no };
}

/** Comments left with votes, newest first (for editors). */
export async function listFeedbackComments(db: Executor, articleId: number, limit: number) {
  return db
    .selectFrom('kb_feedback')
    .select(['id', 'helpful', 'comment', 'created_at'])
    .where('article_id', '=', articleId)
    .where('comment', 'is not', null)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

// ---- deflections ----

export async function insertDeflection(
  trx: Executor,
  row: { articleId: number; sessionKey: string; userId: number | null; query: string; at: string },
): Promise<number> {
  const inserted = await trx
    .insertInto('kb_deflections')
    .values({
      article_id: row.articleId,
      session_key: row.sessionKey,
      user_id: row.userId,
      query: row.query,
      converted: 0,
      ticket_id: null,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Marks the user's open deflections between `since` and `until` as converted into the ticket (idempotent). */
export async function markDeflectionsConverted(
  trx: Executor,
  row: { userId: number; since: string; until: string; ticketId: number },
): Promise<number> {
  const result = await trx
    .updateTable('kb_deflections')
    .set({ converted: 1, ticket_id: row.ticketId })
    .where('user_id', '=', row.userId)
    .where('converted', '=', 0)
    .where('created_at', '>=', row.since)
    .where('created_at', '<=', row.until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Opened suggestions in a period, split by whether a ticket followed, per article. */
export async function deflectionCounts(db: Executor, from: string, to: string) {
  return db
    .selectFrom('kb_deflections')
    .select(['article_id', 'converted', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('created_at', '>=', from)
    .where('created_at', '<=', to)
    .groupBy(['article_id', 'converted'])
    .execute();
}
