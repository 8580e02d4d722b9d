import { Type } from 'typebox';
import { authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { notFound } from '../../platform/errors.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { hashToken, newSecret } from '../auth/tokens.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { insertToken, listActiveTokens, revokeToken } from './tokens.repo.ts';

const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  userId: Type.Integer(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

/** API tokens: created by admins for integrations, stored hashed, shown once. */
export async function tokensRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/api-tokens',
    {
      config: { permission: 'admin.tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Active API tokens (admins)',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(actorOf(request), 'admin.tokens.manage');
      const rows = await listActiveTokens(ctx.db);
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          userId: r.user_id,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
        })),
      };
    },
  );

  app.post(
    '/api-tokens',
    {
      config: { permission: 'admin.tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token acting as a user (default: yourself); the secret is shown once',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100 }),
          userId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 201: Type.Object({ id: Type.Integer(), token: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'admin.tokens.manage');
      const token = newSecret('fd_');
      const id = await insertToken(ctx.db, {
        name: request.body.name,
        token_hash: hashToken(token),
        user_id: request.body.userId ?? actor.id,
        created_by: actor.id,
        created_at: ctx.clock.now().toISOString(),
      });
      return reply.status(201).send({ id, token });
    },
  );

  app.delete(
    '/api-tokens/:id',
    {
      config: { permission: 'admin.tokens.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a token',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      authorize(actorOf(request), 'admin.tokens.manage');
      if (!(await revokeToken(ctx.db, request.params.id, ctx.clock.now().toISOString()))) throw notFound('Token');
      return reply.status(204).send(null);
    },
  );
}
