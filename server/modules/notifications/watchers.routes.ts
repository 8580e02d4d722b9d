import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { CcBody, CcQuery, FollowersSchema, WatchBody, WatchQuery } from './watchers.schemas.ts';
import { addCc, follow, getFollowers, removeCc, unfollow } from './watchers.service.ts';

/** Following a ticket and its customer CC addresses. Anyone who can read the ticket; the service narrows. */
export async function watchersRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['notifications'];
  const config = { permission: 'authenticated' } as const;
  const response = { 200: FollowersSchema, ...errorResponses };
  app.get(
    '/tickets/:id/watchers',
    { config, schema: { tags, summary: 'Who follows the ticket, and its CC addresses', params: IdParams, response } },
    async (request) => getFollowers(ctx, actorOf(request), request.params.id),
  );
  app.put(
    '/tickets/:id/watch',
    {
      config,
      schema: {
        tags,
        summary: 'Follow the ticket (or make another agent follow it)',
        params: IdParams,
        body: WatchBody,
        response,
      },
    },
    async (request) => follow(ctx, actorOf(request), request.params.id, request.body?.userId),
  );
  app.delete(
    '/tickets/:id/watch',
    {
      config,
      schema: {
        tags,
        summary: 'Stop following the ticket (or remove another agent)',
        params: IdParams,
        querystring: WatchQuery,
        response,
      },
    },
    async (request) => unfollow(ctx, actorOf(request), request.params.id, request.query.userId),
  );
  app.post(
    '/tickets/:id/cc',
    { config, schema: { tags, summary: 'Add a customer CC address', params: IdParams, body: CcBody, response } },
    async (request) => addCc(ctx, actorOf(request), request.params.id, request.body.email),
  );
  app.delete(
    '/tickets/:id/cc',
    {
      config,
      schema: { tags, summary: 'Remove a customer CC address', params: IdParams, querystring: CcQuery, response },
    },
    async (request) => removeCc(ctx, actorOf(request), request.params.id, request.query.email),
  );
}
