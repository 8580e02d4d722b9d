import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { CreateTokenBody, ScopeGroupsSchema, ScopesQuery, TokenSchema } from './tokens.schemas.ts';
import { createApiToken, grantableScopes, listTokens, revokeApiToken } from './tokens.service.ts';

/** API tokens: created by admins for integrations, scoped, stored hashed, shown once (ADR 0024). */
export async function tokensRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['tokens'];
  const config = { permission: 'admin.tokens.manage' } as const;

  app.get(
    '/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Active API tokens (admins)',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTokens(ctx, actorOf(request), 'any') }),
  );

  app.get(
    '/api-tokens/scopes',
    {
      config,
      schema: {
        tags,
        summary: 'The scopes a token acting as a user (default: yourself) may be given, grouped',
        querystring: ScopesQuery,
        response: { 200: ScopeGroupsSchema, ...errorResponses },
      },
    },
    async (request) => ({ groups: await grantableScopes(ctx, actorOf(request), request.query.userId, 'any') }),
  );

  app.post(
    '/api-tokens',
    {
      config,
      schema: {
        tags,
        summary:
          'Create an API token acting as a user (default: yourself), limited to scopes (default: all of that ' +
          "user's permissions); the secret is shown once",
        body: CreateTokenBody,
        response: { 201: Type.Object({ id: Type.Integer(), token: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(ctx, actorOf(request), request.body, 'any')),
  );

  app.delete(
    '/api-tokens/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke a token',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, actorOf(request), request.params.id, 'any');
      return reply.status(204).send(null);
    },
  );
}
