import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { CreateMyTokenBody, ScopeGroupsSchema, TokenSchema } from './tokens.schemas.ts';
import { createApiToken, grantableScopes, listTokens, revokeApiToken } from './tokens.service.ts';

/**
 * Self-service API tokens: staff create, list and revoke tokens acting as themselves, under the
 * same scope rules as token administration (ADR 0024, addendum).
 */
export async function myTokensRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['tokens'];
  const config = { permission: 'api.tokens.own' } as const;

  app.get(
    '/me/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Your active API tokens',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listTokens(ctx, actorOf(request), 'own') }),
  );

  app.get(
    '/me/api-tokens/scopes',
    {
      config,
      schema: {
        tags,
        summary: 'The scopes a token of yours may be given, grouped',
        response: { 200: ScopeGroupsSchema, ...errorResponses },
      },
    },
    async (request) => ({ groups: await grantableScopes(ctx, actorOf(request), undefined, 'own') }),
  );

  app.post(
    '/me/api-tokens',
    {
      config,
      schema: {
        tags,
        summary:
          'Create an API token acting as yourself, limited to scopes (default: all of your permissions); ' +
          'the secret is shown once',
        body: CreateMyTokenBody,
        response: { 201: Type.Object({ id: Type.Integer(), token: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(ctx, actorOf(request), request.body, 'own')),
  );

  app.delete(
    '/me/api-tokens/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke one of your tokens (404 for any other)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(ctx, actorOf(request), request.params.id, 'own');
      return reply.status(204).send(null);
    },
  );
}
