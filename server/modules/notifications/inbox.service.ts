import { isNotificationEvent } from '../../../common/notifications.ts';
import { fieldAccess } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import { countUnread, findNotificationOwner, type InboxRow, listInbox, markAllRead, markRead } from './inbox.repo.ts';
import { summaryLine } from './notifications.texts.ts';

/** One inbox entry as the API shows it, in the reader's language. */
export interface InboxItem {
  id: number;
  event: string;
  ticketId: number;
  ticketNumber: number;
  /** Null when the reader may not see the subject (field rules). */
  ticketSubject: string | null;
  actorName: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  unreadCount: number;
  /** Pass as `before` for the next page; null on the last one. */
  nextBefore: number | null;
}

function present(ctx: AppContext, reader: Actor, row: InboxRow): InboxItem {
  const params = JSON.parse(row.params) as { status?: string };
  const status = params.status ?? null;
  const statusName = status === null ? null : (ctx.workflow.current().status(status)?.names[reader.locale] ?? status);
  const text = isNotificationEvent(row.event)
    ? summaryLine(reader.locale, row.event, { actor: row.actor_name, number: row.ticket_number, status: statusName })
    : row.event;
  const subjectVisible =
    fieldAccess(reader, 'subject', { type: row.ticket_type, status: row.ticket_status }) !== 'hidden';
  return {
    id: row.id,
    event: row.event,
    ticketId: row.ticket_id,
    ticketNumber: row.ticket_number,
    ticketSubject: subjectVisible ? row.ticket_subject : null,
    actorName: row.actor_name,
    text,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** The reader's own notifications, newest first, paged by id. */
export async function listNotifications(
  ctx: AppContext,
  reader: Actor,
  query: { unread?: boolean; limit?: number; before?: number },
): Promise<InboxPage> {
  const limit = query.limit ?? 20;
  const rows = await listInbox(ctx.db.kysely, reader, {
    unreadOnly: query.unread === true,
    limit: limit + 1,
    before: query.before ?? null,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => present(ctx, reader, row)),
    unreadCount: await countUnread(ctx.db.kysely, reader),
    nextBefore: rows.length > limit ? page[page.length - 1].id : null,
  };
}

/** How many unread notifications the reader has. */
export async function unreadCount(ctx: AppContext, reader: Actor): Promise<{ count: number }> {
  return { count: await countUnread(ctx.db.kysely, reader) };
}

/** Marks one of the reader's notifications read; someone else's is reported as missing. */
export async function readNotification(ctx: AppContext, reader: Actor, id: number): Promise<{ count: number }> {
  if ((await findNotificationOwner(ctx.db.kysely, id)) !== reader.id) throw notFound('Notification');
  await markRead(ctx.db.kysely, reader.id, id, ctx.clock.now().toISOString());
  return unreadCount(ctx, reader);
}

/** Marks all of the reader's notifications read. */
export async function readAllNotifications(ctx: AppContext, reader: Actor): Promise<{ count: number }> {
  await markAllRead(ctx.db.kysely, reader.id, ctx.clock.now().toISOString());
  return unreadCount(ctx, reader);
}
