import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { InboxPageSchema, InboxQuery, UnreadCountSchema } from './inbox.schemas.ts';
import { listNotifications, readAllNotifications, readNotification, unreadCount } from './inbox.service.ts';

/** The signed-in person's in-app notifications (everyone has their own inbox). */
export async function inboxRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['notifications'];
  const config = { permission: 'authenticated' } as const;
  app.get(
    '/notifications',
    {
      config,
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: InboxQuery,
        response: { 200: InboxPageSchema, ...errorResponses },
      },
    },
    async (request) => listNotifications(ctx, actorOf(request), request.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      config,
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCountSchema, ...errorResponses },
      },
    },
    async (request) => unreadCount(ctx, actorOf(request)),
  );
  app.post(
    '/notifications/read-all',
    {
      config,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 200: UnreadCountSchema, ...errorResponses },
      },
    },
    async (request) => readAllNotifications(ctx, actorOf(request)),
  );
  app.post(
    '/notifications/:id/read',
    {
      config,
      schema: {
        tags,
        summary: 'Mark one of my notifications read (returns the unread count)',
        params: IdParams,
        response: { 200: UnreadCountSchema, ...errorResponses },
      },
    },
    async (request) => readNotification(ctx, actorOf(request), request.params.id),
  );
}
