import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses } from '../shared.schemas.ts';
import { changeSettings, getSettings } from './settings.service.ts';

const SettingsSchema = Type.Object({
  autoCloseDays: Type.Integer({ description: 'Days after which a resolved ticket closes itself' }),
  stickyOwner: Type.Boolean({ description: "Give a customer's new ticket to the agent of their latest one" }),
  mailUnverifiedAsNote: Type.Boolean({
    description:
      "A mail with a ticket's tag from someone not on the ticket becomes an internal note flagged unverified (default: a new linked ticket)",
  }),
  mailAutoRepliesPerHour: Type.Integer({ description: 'Loop guard: automatic mails to one address per hour at most' }),
  notifyActor: Type.Boolean({ description: 'Notify the person who made a change about their own change' }),
});

/** Help desk settings (administrators). */
export async function settingsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/settings',
    {
      config: { permission: 'admin.settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Help desk settings',
        response: { 200: SettingsSchema, ...errorResponses },
      },
    },
    async (request) => getSettings(ctx, actorOf(request)),
  );

  app.patch(
    '/settings',
    {
      config: { permission: 'admin.settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Change help desk settings (recorded in the audit log)',
        body: Type.Object(
          {
            autoCloseDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
            stickyOwner: Type.Optional(Type.Boolean()),
            mailUnverifiedAsNote: Type.Optional(Type.Boolean()),
            mailAutoRepliesPerHour: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            notifyActor: Type.Optional(Type.Boolean()),
          },
          { minProperties: 1 },
        ),
        response: { 200: SettingsSchema, ...errorResponses },
      },
    },
    async (request) => changeSettings(ctx, actorOf(request), request.body),
  );
}
