import { Type } from 'typebox';
import { LOCALES } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams, UserSchema } from '../shared.schemas.ts';
import { createUserAsAdmin, resetPasswordAsAdmin, searchUsers, updateUserAsAdmin } from './users.service.ts';

const Locale = Type.Enum(LOCALES);
const RoleKey = Type.String({ minLength: 1, maxLength: 64 });

/** The user directory and user administration. */
export async function usersRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/users',
    {
      config: { permission: 'user.directory' },
      schema: {
        tags: ['users'],
        summary: 'Find users by name or e-mail (agents); everyone including inactive (admins)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 200 })),
          role: Type.Optional(Type.Array(RoleKey)),
          agents: Type.Optional(
            Type.Boolean({ description: 'true: only active agents (users whose role has menu.agent)' }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await searchUsers(ctx, actorOf(request), request.query) }),
  );

  app.post(
    '/users',
    {
      config: { permission: 'admin.users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins)',
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 254 }),
          name: Type.String({ minLength: 1, maxLength: 120 }),
          role: RoleKey,
          password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
          locale: Type.Optional(Locale),
          organizationId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
        }),
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createUserAsAdmin(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'admin.users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Change a user: name, role, language, organization, active (admins)',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          role: Type.Optional(RoleKey),
          active: Type.Optional(Type.Boolean()),
          locale: Type.Optional(Locale),
          organizationId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
        }),
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => updateUserAsAdmin(ctx, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'admin.users.manage' },
      schema: {
        tags: ['users'],
        summary: 'Reset a password to a temporary one, shown once (admins)',
        params: IdParams,
        response: { 200: Type.Object({ temporaryPassword: Type.String() }), ...errorResponses },
      },
    },
    async (request) => ({
      temporaryPassword: await resetPasswordAsAdmin(ctx, actorOf(request), request.params.id),
    }),
  );
}
