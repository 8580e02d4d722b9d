import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type {
  KbArticleTable,
  KbArticleTranslationTable,
  KbArticleVersionTable,
  KbCategoryTable,
} from '../../db/schema.ts';
import { type KbViewer, visibleArticlesWhere } from './kb.policy.ts';

type Executor = Db['kysely'] | Trx;

export type KbCategoryRow = Selectable<KbCategoryTable>;
export type KbArticleRow = Selectable<KbArticleTable>;
export type KbTranslationRow = Selectable<KbArticleTranslationTable>;
export type KbVersionRow = Selectable<KbArticleVersionTable>;

// ---- categories ----

/** Categories of the given visibilities (all when null), by parent, position, name. */
export async function listCategoryRows(db: Executor, levels: string[] | null): Promise<KbCategoryRow[]> {
  let query = db.selectFrom('kb_categories').selectAll();
  if (levels) query = query.where('visibility', 'in', levels);
  return query.orderBy('position').orderBy('name').orderBy('id').execute();
}

export async function findCategory(db: Executor, id: number): Promise<KbCategoryRow | undefined> {
  return db.selectFrom('kb_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryBySlug(db: Executor, slug: string): Promise<KbCategoryRow | undefined> {
  return db.selectFrom('kb_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertCategory(db: Executor, values: Insertable<KbCategoryTable>): Promise<number> {
  return (await db.insertInto('kb_categories').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCategory(db: Executor, id: number, values: Updateable<KbCategoryTable>): Promise<void> {
  await db.updateTable('kb_categories').set(values).where('id', '=', id).execute();
}

export async function deleteCategory(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('kb_categories').where('id', '=', id).execute();
}

/** Direct children and articles of a category (a category in use is not deleted). */
export async function categoryUsage(db: Executor, id: number): Promise<{ children: number; articles: number }> {
  const children = await db
    .selectFrom('kb_categories')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  const articles = await db
    .selectFrom('kb_articles')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('category_id', '=', id)
    .executeTakeFirstOrThrow();
  return { children: Number(children.n), articles: Number(articles.n) };
}

// ---- articles ----

export interface ArticleFilter {
  categoryId?: number;
  status?: string;
  tag?: string;
  limit: number;
}

/** Articles the viewer may see, newest change first. */
export async function listArticleRows(db: Executor, viewer: KbViewer, filter: ArticleFilter): Promise<KbArticleRow[]> {
  let query = db.selectFrom('kb_articles').selectAll('kb_articles');
  const scope = visibleArticlesWhere(viewer);
  if (scope) query = query.where(scope);
  if (filter.categoryId !== undefined) query = query.where('kb_articles.category_id', '=', filter.categoryId);
  if (filter.status !== undefined) query = query.where('kb_articles.status', '=', filter.status);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('kb_article_tags')
          .select('kb_article_tags.article_id')
          .whereRef('kb_article_tags.article_id', '=', 'kb_articles.id')
          .where('kb_article_tags.tag', '=', tag),
      ),
    );
  }
  return query
    .orderBy('kb_articles.updated_at', 'desc')
    .orderBy('kb_articles.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** One article if the viewer may see it (the same rule as lists). */
export async function findVisibleArticle(
  db: Executor,
  viewer: KbViewer,
  id: number,
): Promise<KbArticleRow | undefined> {
  let query = db.selectFrom('kb_articles').selectAll('kb_articles').where('kb_articles.id', '=', id);
  const scope = visibleArticlesWhere(viewer);
  if (scope) query = query.where(scope);
  return query.executeTakeFirst();
}

export async function findArticle(db: Executor, id: number): Promise<KbArticleRow | undefined> {
  return db.selectFrom('kb_articles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertArticle(db: Executor, values: Insertable<KbArticleTable>): Promise<number> {
  return (await db.insertInto('kb_articles').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateArticle(db: Executor, id: number, values: Updateable<KbArticleTable>): Promise<void> {
  await db.updateTable('kb_articles').set(values).where('id', '=', id).execute();
}

/** Deletes an article; its translations, versions, audience, tags, votes and deflections go with it (cascade). */
export async function removeArticle(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('kb_articles').where('id', '=', id).execute();
}

/** Who an article is limited to: organizations (customers), roles and groups (restricted), and its tags. */
export interface ArticleAudience {
  organizationIds: number[];
  roleIds: number[];
  groupIds: number[];
  tags: string[];
}

/** Replaces the organizations, roles, groups and tags of an article. */
export async function replaceAudience(trx: Executor, articleId: number, audience: ArticleAudience): Promise<void> {
  await trx.deleteFrom('kb_article_organizations').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('kb_article_audiences').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('kb_article_tags').where('article_id', '=', articleId).execute();
  if (audience.organizationIds.length > 0) {
    await trx
      .insertInto('kb_article_organizations')
      .values(audience.organizationIds.map((organization_id) => ({ article_id: articleId, organization_id })))
      .execute();
  }
  const refs = [
    ...audience.roleIds.map((ref_id) => ({ article_id: articleId, kind: 'role', ref_id })),
    ...audience.groupIds.map((ref_id) => ({ article_id: articleId, kind: 'group', ref_id })),
  ];
  if (refs.length > 0) await trx.insertInto('kb_article_audiences').values(refs).execute();
  if (audience.tags.length > 0) {
    await trx
      .insertInto('kb_article_tags')
      .values(audience.tags.map((tag) => ({ article_id: articleId, tag })))
      .execute();
  }
}

/** The audience and tags of several articles, by article id. */
export async function loadAudiences(db: Executor, ids: number[]): Promise<Map<number, ArticleAudience>> {
  const out = new Map<number, ArticleAudience>();
  for (const id of ids) out.set(id, { organizationIds: [], roleIds: [], groupIds: [], tags: [] });
  if (ids.length === 0) return out;
  const orgs = await db.selectFrom('kb_article_organizations').selectAll().where('article_id', 'in', ids).execute();
  for (const r of orgs) out.get(r.article_id)?.organizationIds.push(r.organization_id);
  const refs = await db.selectFrom('kb_article_audiences').selectAll().where('article_id', 'in', ids).execute();
  for (const r of refs) out.get(r.article_id)?.[r.kind === 'role' ? 'roleIds' : 'groupIds'].push(r.ref_id);
  const tags = await db
    .selectFrom('kb_article_tags')
    .selectAll()
    .where('article_id', 'in', ids)
    .orderBy('tag')
    .execute();
  for (const r of tags) out.get(r.article_id)?.tags.push(r.tag);
  return out;
}

/** Tags of the viewer's visible articles with how many articles carry each. */
export async function listTagCounts(db: Executor, viewer: KbViewer): Promise<{ tag: string; count: number }[]> {
  let query = db
    .selectFrom('kb_article_tags')
    .innerJoin('kb_articles', 'kb_articles.id', 'kb_article_tags.article_id')
    .select((eb) => ['kb_article_tags.tag', eb.fn.countAll<string | number>().as('n')])
    .groupBy('kb_article_tags.tag')
    .orderBy('kb_article_tags.tag');
  const scope = visibleArticlesWhere(viewer);
  if (scope) query = query.where(scope);
  return (await query.execute()).map((r) => ({ tag: r.tag, count: Number(r.n) }));
}

/** Existing ids among the given organizations, roles and groups (for 400s naming the field). */
export async function existingRefs(
  db: Executor,
  refs: { organizationIds: number[]; roleIds: number[]; groupIds: number[] },
): Promise<{ organizationIds: Set<number>; roleIds: Set<number>; groupIds: Set<number> }> {
  const ids = async (table: 'organizations' | 'roles' | 'support_groups', list: number[]) =>
    list.length === 0
      ? new Set<number>()
      : new Set((await db.selectFrom(table).select('id').where('id', 'in', list).execute()).map((r) => r.id));
  return {
    organizationIds: await ids('organizations', refs.organizationIds),
    roleIds: await ids('roles', refs.roleIds),
    groupIds: await ids('support_groups', refs.groupIds),
  };
}

// ---- translations and versions ----

export async function listTranslations(db: Executor, articleIds: number[]): Promise<KbTranslationRow[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('kb_article_translations')
    .selectAll()
    .where('article_id', 'in', articleIds)
    .orderBy('locale')
    .execute();
}

async function findTranslation(db: Executor, articleId: number, locale: string) {
  return db
    .selectFrom('kb_article_translations')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('locale', '=', locale)
    .executeTakeFirst();
}

/** Writes the current text of one language (insert or replace). */
export async function saveTranslation(
  trx: Executor,
  row: {
    articleId: number;
    locale: string;
    title: string;
    bodyHtml: string;
    bodyText: string;
    userId: number;
    at: string;
  },
): Promise<void> {
  const existing = await findTranslation(trx, row.articleId, row.locale);
  const values = {
    title: row.title,
    body_html: row.bodyHtml,
    body_text: row.bodyText,
    updated_by: row.userId,
  };
  if (existing) {
    await trx
      .updateTable('kb_article_translations')
      .set({ ...values, updated_at: row.at })
      .where('id', '=', existing.id)
      .execute();
  } else {
    await trx
      .insertInto('kb_article_translations')
      .values({ ...values, article_id: row.articleId, locale: row.locale, created_at: row.at, updated_at: row.at })
      .execute();
  }
}

/** Appends a snapshot as the next version number of the article's language. */
export async function insertVersion(trx: Executor, values: Omit<Insertable<KbArticleVersionTable>, 'version'>) {
  const last = await trx
    .selectFrom('kb_article_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('article_id', '=', values.article_id)
    .where('locale', '=', values.locale)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await trx
    .insertInto('kb_article_versions')
    .values({ ...values, version })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, version };
}

/** Versions of an article (optionally one language), newest first, with the author's name. */
export async function listVersions(db: Executor, articleId: number, locale?: string) {
  let query = db
    .selectFrom('kb_article_versions')
    .leftJoin('users', 'users.id', 'kb_article_versions.author_id')
    .selectAll('kb_article_versions')
    .select('users.name as author_name')
    .where('kb_article_versions.article_id', '=', articleId);
  if (locale !== undefined) query = query.where('kb_article_versions.locale', '=', locale);
  return query.orderBy('kb_article_versions.id', 'desc').execute();
}

export async function findVersion(db: Executor, articleId: number, id: number): Promise<KbVersionRow | undefined> {
  return db
    .selectFrom('kb_article_versions')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- files ----

export async function linkArticleFile(trx: Executor, articleId: number, attachmentId: number): Promise<void> {
  await trx.insertInto('kb_article_files').values({ article_id: articleId, attachment_id: attachmentId }).execute();
}

/** The article a knowledge-base file belongs to, with the stored file. */
export async function findArticleFile(db: Executor, attachmentId: number) {
  return db
    .selectFrom('kb_article_files')
    .innerJoin('attachments', 'attachments.id', 'kb_article_files.attachment_id')
    .select(['kb_article_files.article_id', 'attachments.filename', 'attachments.content_type', 'attachments.sha256'])
    .where('kb_article_files.attachment_id', '=', attachmentId)
    .executeTakeFirst();
}
