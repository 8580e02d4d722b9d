import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LOCALES } from '../../../common/domain.ts';
import { visibleFieldAccess } from '../../authz/fields.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { errorResponses, UserSchema } from '../shared.schemas.ts';
import { presentUser } from '../users/users.presenter.ts';
import { findUserById } from '../users/users.repo.ts';
import { updateOwnProfile } from '../users/users.service.ts';
import { actorOf, SESSION_COOKIE } from './auth.plugin.ts';
import { login, logout, type SessionResult } from './auth.service.ts';
import { confirmAddress, requestAddressConfirmation } from './email-confirmation.service.ts';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.service.ts';
import { register } from './registration.service.ts';

const Locale = Type.Enum(LOCALES);
const SessionBody = Type.Object({ user: UserSchema, csrfToken: Type.String() });
/** Registration's one answer, whether or not the address had an account (ADR 0026). */
const CheckMailbox = Type.Object({ status: Type.Literal('check_mailbox') });

function setSessionCookie(ctx: AppContext, reply: FastifyReply, session: Pick<SessionResult, 'token'>): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    maxAge: ctx.config.sessionTtlHours * 3600,
  });
}

/** Login, registration, logout and the current user. */
export async function authRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const rateLimit = { max: ctx.config.loginRateLimit, timeWindow: '1 minute' };

  app.post(
    '/auth/register',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary:
          'Register as a customer: 202 for every well-formed request; the mailbox gets a link to confirm the address and sign in, or a notice that it has an account',
        body: Type.Object({
          email: Type.String({ format: 'email', maxLength: 254 }),
          password: Type.String({ minLength: 8, maxLength: 200 }),
          name: Type.String({ minLength: 1, maxLength: 120 }),
          locale: Type.Optional(Locale),
        }),
        response: { 202: CheckMailbox, ...errorResponses },
      },
    },
    async (request, reply) => {
      await register(ctx, request.body);
      return reply.status(202).send({ status: 'check_mailbox' as const });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail and password',
        body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) }),
        response: { 200: SessionBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = await login(ctx, request.body.email, request.body.password);
      setSessionCookie(ctx, reply, session);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Mail a link to set a new password (the same answer for unknown addresses)',
        body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 254 }) }),
        response: { 202: Type.Object({}), ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email);
      return reply.status(202).send({});
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with the token from the mailed link',
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ maxLength: 200 }),
        }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/email-confirmation',
    {
      config: { permission: 'authenticated', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Mail the signed-in user a new link to confirm their address (nothing when confirmed already)',
        response: { 202: Type.Object({}), ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestAddressConfirmation(ctx, actorOf(request).id);
      return reply.status(202).send({});
    },
  );

  app.post(
    '/auth/email-confirmation/confirm',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['auth'],
        summary:
          'Confirm an e-mail address with the token from the mailed link and the password chosen at registration, ' +
          'and sign its owner in (every other session of the account ends)',
        body: Type.Object({
          token: Type.String({ minLength: 1, maxLength: 200 }),
          password: Type.String({ maxLength: 200 }),
        }),
        response: {
          200: Type.Object({ joinedOrganization: Type.Boolean(), user: UserSchema, csrfToken: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const confirmed = await confirmAddress(ctx, request.body.token, request.body.password);
      // The browser may hold another session (or this user's older one): it ends, the new one replaces it.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await logout(ctx, previous);
      setSessionCookie(ctx, reply, confirmed);
      return { joinedOrganization: confirmed.joinedOrganization, user: confirmed.user, csrfToken: confirmed.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } },
    },
    async (request: FastifyRequest, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The current user, their permissions and CSRF token',
        response: {
          200: Type.Object({
            user: UserSchema,
            permissions: Type.Array(Type.String()),
            /** Default access to ticket fields (before per-type/status overrides), for menus and columns. */
            fields: Type.Record(Type.String(), Type.Union([Type.Literal('read'), Type.Literal('write')])),
            csrfToken: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = presentUser((await findUserById(ctx.db, actor.id))!);
      return {
        user,
        permissions: [...actor.permissions].sort(),
        fields: visibleFieldAccess(actor),
        csrfToken: request.csrfToken,
      };
    },
  );

  app.patch(
    '/me',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name or language',
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
          locale: Type.Optional(Locale),
        }),
        response: { 200: Type.Object({ user: UserSchema }), ...errorResponses },
      },
    },
    async (request) => ({ user: await updateOwnProfile(ctx, actorOf(request), request.body) }),
  );
}
