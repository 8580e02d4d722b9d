import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import type { RealtimeClient } from '../../platform/realtime.ts';
import { actorOf, currentActor } from '../auth/auth.plugin.ts';

/** Interval of the keep-alive comment and of the credential re-check of an open stream. */
export const HEARTBEAT_MS = 25_000;

/**
 * `GET /events`: a Server-Sent Events stream of changes the actor may see. Messages carry ids
 * only; clients refetch, so nothing the actor may not read travels through here.
 */
export async function eventsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  // Open streams would keep the server from closing; end them before it does.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get(
    '/events',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['realtime'], summary: 'Live updates (text/event-stream)' },
    },
    (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 3000\n\n');
      const client: RealtimeClient<Actor> = {
        actor,
        send: (message) =>
          raw.write(
            message.type === 'notification.created'
              ? `event: notification\ndata: ${JSON.stringify({ id: message.notificationId })}\n\n`
              : `event: ${message.type}\ndata: ${JSON.stringify({ ticketId: message.ticketId })}\n\n`,
          ),
      };
      const unsubscribe = ctx.realtime.subscribe(client);
      // Comments keep proxies from closing an idle stream. Each beat also reads the credentials
      // again: a logout, a deactivation or a role change reaches an open stream within one beat.
      const heartbeat = setInterval(() => {
        currentActor(ctx, request).then(
          (fresh) => {
            if (!fresh || fresh.id !== actor.id) return end();
            client.actor = fresh;
            raw.write(': ping\n\n');
          },
          () => end(),
        );
      }, HEARTBEAT_MS);
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(end);
      };
      const end = () => {
        close();
        raw.end();
      };
      open.add(end);
      request.raw.on('close', close);
    },
  );
}
