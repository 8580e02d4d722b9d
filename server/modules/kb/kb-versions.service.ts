import type { Actor } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { type DiffOp, diffText } from './diff.ts';
import { findVersion, listVersions, updateArticle } from './kb.repo.ts';
import type { ArticleView } from './kb-articles.presenter.ts';
import { articleForWrite, getArticle, writeTranslation } from './kb-articles.service.ts';

export interface VersionView {
  id: number;
  locale: string;
  version: number;
  title: string;
  bodyHtml: string;
  authorId: number;
  authorName: string | null;
  createdAt: string;
}

export interface VersionDiff {
  from: { id: number; version: number; locale: string };
  to: { id: number; version: number; locale: string };
  title: DiffOp[];
  body: DiffOp[];
}

/** Every saved version of the article (optionally one language), newest first. Editors only. */
export async function articleVersions(
  ctx: AppContext,
  actor: Actor,
  id: number,
  locale?: string,
): Promise<VersionView[]> {
  await articleForWrite(ctx, actor, id);
  return (await listVersions(ctx.db.kysely, id, locale)).map((v) => ({
    id: v.id,
    locale: v.locale,
    version: v.version,
    title: v.title,
    bodyHtml: v.body_html,
    authorId: v.author_id,
    authorName: v.author_name,
    createdAt: v.created_at,
  }));
}

/** Word diff of title and text between two versions of the same article (server-side). */
export async function diffVersions(
  ctx: AppContext,
  actor: Actor,
  id: number,
  fromId: number,
  toId: number,
): Promise<VersionDiff> {
  await articleForWrite(ctx, actor, id);
  const from = await findVersion(ctx.db.kysely, id, fromId);
  if (!from) throw badRequest('Unknown version of this article', ['from']);
  const to = await findVersion(ctx.db.kysely, id, toId);
  if (!to) throw badRequest('Unknown version of this article', ['to']);
  return {
    from: { id: from.id, version: from.version, locale: from.locale },
    to: { id: to.id, version: to.version, locale: to.locale },
    title: diffText(from.title, to.title),
    body: diffText(from.body_text, to.body_text),
  };
}

/** Makes an old version current again by saving it as a new version (history is never rewritten). */
export async function restoreVersion(
  ctx: AppContext,
  actor: Actor,
  id: number,
  versionId: number,
): Promise<ArticleView> {
  await articleForWrite(ctx, actor, id);
  const old = await findVersion(ctx.db.kysely, id, versionId);
  if (!old) throw notFound('Version');
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const text = { locale: old.locale, title: old.title, bodyHtml: old.body_html, bodyText: old.body_text };
    const version = await writeTranslation(trx, actor, id, text, at);
    await updateArticle(trx, id, { updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: id,
      action: 'restore_version',
      before: undefined,
      after: { locale: old.locale, restored: old.version, version },
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId: id } });
  });
  return getArticle(ctx, actor, id);
}
