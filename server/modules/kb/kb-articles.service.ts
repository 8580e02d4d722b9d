import { LOCALES } from '../../../common/domain.ts';
import type { ArticleStatus, ArticleVisibility } from '../../../common/kb.ts';
import { type Actor, authorize, can } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { htmlToText, sanitizeBody } from '../../platform/html.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { canEditKb, type KbViewer } from './kb.policy.ts';
import {
  existingRefs,
  findArticle,
  findCategory,
  findVisibleArticle,
  insertArticle,
  insertVersion,
  listArticleRows,
  listTagCounts,
  listTranslations,
  loadAudiences,
  removeArticle,
  replaceAudience,
  saveTranslation,
  updateArticle,
} from './kb.repo.ts';
import { type ArticleListItem, type ArticleView, presentArticle, presentListItem } from './kb-articles.presenter.ts';
import { listFeedbackComments } from './kb-feedback.repo.ts';

export interface ArticleSettings {
  categoryId: number | null;
  visibility: ArticleVisibility;
  organizationIds: number[];
  roleIds: number[];
  groupIds: number[];
  tags: string[];
}

export interface TranslationInput {
  title: string;
  bodyHtml: string;
}

export interface NewArticleInput extends Partial<ArticleSettings>, TranslationInput {
  locale: string;
  /** Set by "create article from ticket". */
  sourceTicketId?: number | null;
}

const MAX_BODY = 200_000;

/** Normalizes tags (trimmed, lower-case, unique) and checks their count and length. */
function cleanTags(tags: readonly string[]): string[] {
  const out = [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  if (out.length > 20 || out.some((t) => t.length > 40)) {
    throw badRequest('At most 20 tags of at most 40 characters', ['tags']);
  }
  return out;
}

/** Validates the settings and references; 400 naming the field. */
async function checkSettings(ctx: AppContext, input: ArticleSettings): Promise<ArticleSettings> {
  if (input.categoryId !== null && !(await findCategory(ctx.db.kysely, input.categoryId))) {
    throw badRequest('Unknown category', ['categoryId']);
  }
  if (input.visibility !== 'customers' && input.organizationIds.length > 0) {
    throw badRequest('Organizations apply only to articles for customers', ['organizationIds']);
  }
  if (input.visibility !== 'restricted' && (input.roleIds.length > 0 || input.groupIds.length > 0)) {
    throw badRequest('Roles and groups apply only to restricted articles', ['roleIds']);
  }
  if (input.visibility === 'restricted' && input.roleIds.length === 0 && input.groupIds.length === 0) {
    throw badRequest('A restricted article needs at least one role or group', ['roleIds']);
  }
  const found = await existingRefs(ctx.db.kysely, input);
  for (const field of ['organizationIds', 'roleIds', 'groupIds'] as const) {
    if (input[field].some((id) => !found[field].has(id))) throw badRequest(`Unknown id in ${field}`, [field]);
  }
  return {
    ...input,
    organizationIds: [...new Set(input.organizationIds)],
    roleIds: [...new Set(input.roleIds)],
    groupIds: [...new Set(input.groupIds)],
    tags: cleanTags(input.tags),
  };
}

/** Sanitizes and checks one language's text. */
function cleanTranslation(locale: string, input: TranslationInput) {
  if (!(LOCALES as readonly string[]).includes(locale)) throw badRequest(`Unknown language ${locale}`, ['locale']);
  const title = input.title.trim();
  if (title === '' || title.length > 200) throw badRequest('The title must have 1 to 200 characters', ['title']);
  if (input.bodyHtml.length > MAX_BODY) throw badRequest('The text is too long', ['bodyHtml']);
  const bodyHtml = sanitizeBody(input.bodyHtml);
  return { locale, title, bodyHtml, bodyText: htmlToText(bodyHtml) };
}

/** Writes the current text of a language and its version snapshot, in the caller's transaction. */
async function writeTranslation(
  trx: Trx,
  actor: Actor,
  articleId: number,
  text: ReturnType<typeof cleanTranslation>,
  at: string,
): Promise<number> {
  await saveTranslation(trx, { articleId, ...text, userId: actor.id, at });
  const { version } = await insertVersion(trx, {
    article_id: articleId,
    locale: text.locale,
    title: text.title,
    body_html: text.bodyHtml,
    body_text: text.bodyText,
    author_id: actor.id,
    created_at: at,
  });
  return version;
}

/** The article as the viewer sees it; 404 when it does not exist or is not visible to them. */
export async function getArticle(ctx: AppContext, viewer: KbViewer, id: number): Promise<ArticleView> {
  const row = await findVisibleArticle(ctx.db.kysely, viewer, id);
  if (!row) throw notFound('Article');
  const audience = (await loadAudiences(ctx.db.kysely, [id])).get(id)!;
  return presentArticle(viewer, row, audience, await listTranslations(ctx.db.kysely, [id]));
}

/** Visible articles; a status filter other than published is for editors only. */
export async function listArticles(
  ctx: AppContext,
  viewer: KbViewer,
  query: { categoryId?: number; status?: ArticleStatus; tag?: string; locale?: string; limit?: number },
): Promise<ArticleListItem[]> {
  if (query.status !== undefined && query.status !== 'published' && !canEditKb(viewer)) {
    throw badRequest('Only editors may list drafts and archived articles', ['status']);
  }
  const rows = await listArticleRows(ctx.db.kysely, viewer, {
    categoryId: query.categoryId,
    status: query.status,
    tag: query.tag?.trim().toLowerCase(),
    limit: query.limit ?? 100,
  });
  const ids = rows.map((r) => r.id);
  const translations = await listTranslations(ctx.db.kysely, ids);
  const audiences = await loadAudiences(ctx.db.kysely, ids);
  return rows.map((row) =>
    presentListItem(
      row,
      audiences.get(row.id)!.tags,
      translations.filter((t) => t.article_id === row.id),
      query.locale,
      viewer?.locale,
    ),
  );
}

/** Tags in use among the viewer's articles. */
export async function listTags(ctx: AppContext, viewer: KbViewer) {
  return listTagCounts(ctx.db.kysely, viewer);
}

/** The article for a write: it must exist and be visible to the editor. */
async function articleForWrite(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'kb.edit');
  const row = await findVisibleArticle(ctx.db.kysely, actor, id);
  if (!row) throw notFound('Article');
  return row;
}

/** Creates a draft with its first language (version 1). */
export async function createArticle(ctx: AppContext, actor: Actor, input: NewArticleInput): Promise<ArticleView> {
  authorize(actor, 'kb.edit');
  const text = cleanTranslation(input.locale, input);
  const settings = await checkSettings(ctx, {
    categoryId: input.categoryId ?? null,
    visibility: input.visibility ?? 'staff',
    organizationIds: input.organizationIds ?? [],
    roleIds: input.roleIds ?? [],
    groupIds: input.groupIds ?? [],
    tags: input.tags ?? [],
  });
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const id = await insertArticle(trx, {
      category_id: settings.categoryId,
      status: 'draft',
      visibility: settings.visibility,
      source_ticket_id: input.sourceTicketId ?? null,
      helpful_yes: 0,
      helpful_no: 0,
      author_id: actor.id,
      created_at: at,
      updated_at: at,
      published_at: null,
    });
    await replaceAudience(trx, id, settings);
    await writeTranslation(trx, actor, id, text, at);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: id,
      action: 'create',
      before: undefined,
      after: { ...settings, locale: text.locale, title: text.title, sourceTicketId: input.sourceTicketId ?? null },
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
    return id;
  });
  return getArticle(ctx, actor, id);
}

/** Changes category, visibility, audience and tags. */
export async function changeArticleSettings(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: Partial<ArticleSettings>,
): Promise<ArticleView> {
  const row = await articleForWrite(ctx, actor, id);
  const current = (await loadAudiences(ctx.db.kysely, [id])).get(id)!;
  const before: ArticleSettings = {
    categoryId: row.category_id,
    visibility: row.visibility as ArticleVisibility,
    ...current,
  };
  const merged: ArticleSettings = { ...before, ...patch };
  // Switching visibility drops the audience of the previous kind unless new ones were given.
  if (patch.visibility !== undefined && patch.visibility !== 'customers' && patch.organizationIds === undefined) {
    merged.organizationIds = [];
  }
  if (patch.visibility !== undefined && patch.visibility !== 'restricted') {
    if (patch.roleIds === undefined) merged.roleIds = [];
    if (patch.groupIds === undefined) merged.groupIds = [];
  }
  const settings = await checkSettings(ctx, merged);
  // Who may read a published article is the owners' call: an editor widening it would publish it.
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  const audienceChanged =
    settings.visibility !== before.visibility ||
    !same(settings.organizationIds, before.organizationIds) ||
    !same(settings.roleIds, before.roleIds) ||
    !same(settings.groupIds, before.groupIds);
  if (row.status === 'published' && audienceChanged && !can(actor, 'kb.publish')) {
    throw forbidden('Only knowledge-base owners change who may read a published article');
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateArticle(trx, id, { category_id: settings.categoryId, visibility: settings.visibility, updated_at: at });
    await replaceAudience(trx, id, settings);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: id,
      action: 'update',
      before,
      after: settings,
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
  });
  return getArticle(ctx, actor, id);
}

/** Saves one language's text (new or changed) as a new version. */
export async function saveArticleTranslation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  locale: string,
  input: TranslationInput,
): Promise<ArticleView> {
  await articleForWrite(ctx, actor, id);
  const text = cleanTranslation(locale, input);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const version = await writeTranslation(trx, actor, id, text, at);
    await updateArticle(trx, id, { updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: id,
      action: 'save_translation',
      before: undefined,
      after: { locale, title: text.title, version },
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
  });
  return getArticle(ctx, actor, id);
}

/** Publishes or archives an article (knowledge-base owners). */
export async function setArticleStatus(
  ctx: AppContext,
  actor: Actor,
  id: number,
  status: 'published' | 'archived',
): Promise<ArticleView> {
  authorize(actor, 'kb.publish');
  const row = await findArticle(ctx.db.kysely, id);
  if (!row) throw notFound('Article');
  const at = ctx.clock.now().toISOString();
  if (row.status !== status) {
    await inTransaction(ctx, async (trx) => {
      await updateArticle(trx, id, {
        status,
        updated_at: at,
        ...(status === 'published' && { published_at: at }),
      });
      await recordAudit(trx, {
        actorId: actor.id,
        entity: 'kb_article',
        entityId: id,
        action: status === 'published' ? 'publish' : 'archive',
        before: { status: row.status },
        after: { status },
        at,
      });
      await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
    });
  }
  return getArticle(ctx, actor, id);
}

/** Deletes an article with its versions, votes and deflections (knowledge-base owners). */
export async function deleteArticle(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'kb.publish');
  const row = await findArticle(ctx.db.kysely, id);
  if (!row) throw notFound('Article');
  const titles = (await listTranslations(ctx.db.kysely, [id])).map((t) => ({ locale: t.locale, title: t.title }));
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await removeArticle(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: id,
      action: 'delete',
      before: { status: row.status, visibility: row.visibility, titles },
      after: undefined,
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
  });
}

/** Comments left with helpful votes, newest first (editors). */
export async function articleFeedback(ctx: AppContext, actor: Actor, id: number) {
  await articleForWrite(ctx, actor, id);
  return (await listFeedbackComments(ctx.db.kysely, id, 100)).map((r) => ({
    id: r.id,
    helpful: r.helpful === 1,
    comment: r.comment ?? '',
    createdAt: r.created_at,
  }));
}

export { articleForWrite, cleanTranslation, writeTranslation };
