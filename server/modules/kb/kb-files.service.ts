import type { Actor } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { INLINE_TYPES, safeFilename } from '../attachments/attachments.service.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { insertAttachment } from '../tickets/messages.repo.ts';
import type { KbViewer } from './kb.policy.ts';
import { findArticleFile, findVisibleArticle, linkArticleFile } from './kb.repo.ts';
import { articleForWrite } from './kb-articles.service.ts';

/** Files an article may carry: images shown inline and common documents. */
const ALLOWED_TYPES = new Set([...INLINE_TYPES, 'application/pdf', 'text/plain']);

export interface KbFileView {
  id: number;
  url: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Stores an image or document for an article (the attachments storage) and links it. */
export async function uploadArticleFile(
  ctx: AppContext,
  actor: Actor,
  articleId: number,
  file: { filename: string; mimetype: string; bytes: Buffer },
): Promise<KbFileView> {
  await articleForWrite(ctx, actor, articleId);
  if (!ALLOWED_TYPES.has(file.mimetype)) {
    throw badRequest('Only images (PNG, JPEG, GIF, WebP), PDF and text files', ['file']);
  }
  const filename = safeFilename(file.filename);
  const sha256 = await ctx.storage.put(file.bytes);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const row = await insertAttachment(trx, {
      ticket_id: null,
      message_id: null,
      uploader_id: actor.id,
      filename,
      content_type: file.mimetype,
      size: file.bytes.length,
      sha256,
      created_at: at,
    });
    await linkArticleFile(trx, articleId, row.id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_article',
      entityId: articleId,
      action: 'add_file',
      before: undefined,
      after: { attachmentId: row.id, filename },
      at,
    });
    await emit(trx, at, { type: 'kb.article_changed', payload: { articleId } });
    return row.id;
  });
  return { id, url: `/api/v1/kb/files/${id}`, filename, contentType: file.mimetype, size: file.bytes.length };
}

/** A file of an article the viewer may see (the article's visibility decides). */
export async function readArticleFile(ctx: AppContext, viewer: KbViewer, attachmentId: number) {
  const file = await findArticleFile(ctx.db.kysely, attachmentId);
  if (!file || !(await findVisibleArticle(ctx.db.kysely, viewer, file.article_id))) throw notFound('File');
  return { filename: file.filename, contentType: file.content_type, bytes: await ctx.storage.get(file.sha256) };
}
