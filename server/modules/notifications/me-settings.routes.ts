import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses } from '../shared.schemas.ts';
import { SettingsAnswer, SettingsBody, SettingsQuery } from './me-settings.schemas.ts';
import { changeMySettings, mySettings } from './me-settings.service.ts';

/** A person's own notification settings (cascade level 3): any signed-in user, for themselves only. */
export async function myNotificationSettingsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['notifications'];
  const config = { permission: 'authenticated' } as const;
  app.get(
    '/me/notification-settings',
    {
      config,
      schema: {
        tags,
        summary: 'Your notification settings: inherited value and its source, your override, per event, role, channel',
        querystring: SettingsQuery,
        response: { 200: SettingsAnswer, ...errorResponses },
      },
    },
    async (request) =>
      mySettings(ctx, actorOf(request), {
        ticketType: request.query.ticketType ?? null,
        serviceId: request.query.serviceId ?? null,
      }),
  );
  app.put(
    '/me/notification-settings',
    {
      config,
      schema: {
        tags,
        summary: 'Set or clear your own overrides (refused where the administrator allows no choice)',
        body: SettingsBody,
        response: { 200: SettingsAnswer, ...errorResponses },
      },
    },
    async (request) =>
      changeMySettings(
        ctx,
        actorOf(request),
        { ticketType: request.body.context?.ticketType ?? null, serviceId: request.body.context?.serviceId ?? null },
        request.body.changes,
      ),
  );
}
