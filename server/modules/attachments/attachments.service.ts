import { extname } from 'node:path';
import type { Actor } from '../../authz/policy.ts';
import { authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { findAttachment, insertAttachment } from '../tickets/messages.repo.ts';
import { canReadInternal, canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById } from '../tickets/tickets.repo.ts';

/** Extensions we refuse: programs and scripts a recipient could run by double-clicking. */
const BLOCKED_EXTENSIONS = new Set([
  '.exe',
  '.bat',
  '.cmd',
  '.com',
  '.scr',
  '.pif',
  '.msi',
  '.msp',
  '.vbs',
  '.vbe',
  '.js',
  '.jse',
  '.wsf',
  '.wsh',
  '.ps1',
  '.psm1',
  '.jar',
  '.hta',
  '.cpl',
  '.lnk',
  '.reg',
  '.dll',
]);

/** Images safe to show inline; everything else downloads. */
export const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export interface AttachmentView {
  id: number;
  filename: string;
  contentType: string;
  size: number;
}

/** Cleans a client-supplied file name: no paths, no control characters, bounded length. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    .replace(/\p{Cc}|"/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

/** Stores an upload for the actor; it is linked to a message when the message is written. */
export async function storeUpload(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; mimetype: string; bytes: Buffer },
): Promise<AttachmentView> {
  authorize(actor, 'ticket.reply');
  const filename = safeFilename(file.filename);
  if (BLOCKED_EXTENSIONS.has(extname(filename).toLowerCase())) {
    throw badRequest(`Files of type ${extname(filename)} are not accepted`, ['file']);
  }
  const sha256 = await ctx.storage.put(file.bytes);
  const row = await insertAttachment(ctx.db.kysely, {
    ticket_id: null,
    message_id: null,
    uploader_id: actor.id,
    filename,
    content_type: file.mimetype || 'application/octet-stream',
    size: file.bytes.length,
    sha256,
    created_at: ctx.clock.now().toISOString(),
  });
  return { id: row.id, filename: row.filename, contentType: row.content_type, size: row.size };
}

/**
 * Reads an attachment for download: the uploader may fetch an unlinked upload; otherwise the
 * actor must see the ticket, and internal messages' files only staff with note access.
 */
export async function readAttachment(ctx: AppContext, actor: Actor, id: number) {
  const row = await findAttachment(ctx.db.kysely, id);
  if (!row) throw notFound('Attachment');
  if (row.ticket_id === null) {
    if (row.uploader_id !== actor.id) throw notFound('Attachment');
  } else {
    const ticket = await findTicketById(ctx.db.kysely, row.ticket_id);
    if (!ticket || !canReadTicket(actor, ticket)) throw notFound('Attachment');
    if (row.visibility === 'internal' && !canReadInternal(actor)) throw notFound('Attachment');
  }
  return { filename: row.filename, contentType: row.content_type, bytes: await ctx.storage.get(row.sha256) };
}
