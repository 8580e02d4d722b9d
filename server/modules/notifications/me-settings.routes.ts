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
        summary:
          'Your notification settings for a ticket group and target status: inherited value and its source, your override, per event, role, channel',
        querystring: SettingsQuery,
        response: { 200: SettingsAnswer, ...errorResponses },
      },
    },
    async (request) =>
      mySettings(ctx, actorOf(request), {
        ticketType: request.query.ticketType ?? null,
        serviceId: request.query.serviceId ?? null,
        categoryId: request.query.categoryId ?? null,
        statusTo: request.query.statusTo ?? null,
      }),
  );
  app.put(
    '/me/notification-settings',
    {
      config,
      schema: {
        tags,
        summary:
          'Set or clear your own overrides for a ticket group and target status (refused where the administrator allows no choice)',
        body: SettingsBody,
        response: { 200: SettingsAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const context = request.body.context;
      return changeMySettings(
        ctx,
        actorOf(request),
        {
          ticketType: context?.ticketType ?? null,
          serviceId: context?.serviceId ?? null,
          categoryId: context?.categoryId ?? null,
          statusTo: context?.statusTo ?? null,
        },
        request.body.changes,
      );
    },
  );
}
