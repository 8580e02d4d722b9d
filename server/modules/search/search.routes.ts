import { Type } from 'typebox';
import { SEARCH_TYPES } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses } from '../shared.schemas.ts';
import { search } from './search.service.ts';

const SearchItemSchema = Type.Object({
  type: Type.Enum(SEARCH_TYPES),
  id: Type.Integer(),
  title: Type.String(),
  snippet: Type.String({ description: 'Escaped text; matches wrapped in <mark>…</mark>' }),
  score: Type.Number({ description: 'Higher ranks first; comparable within one response only' }),
  number: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.String()),
});

/** Full-text search over tickets, customers and articles (ADR 0021). */
export async function searchRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/search',
    {
      // Everyone signed in: the service narrows the results to what the actor may see.
      config: { permission: 'authenticated' },
      schema: {
        tags: ['search'],
        summary: 'Ranked search with highlighted snippets; filters apply to tickets',
        querystring: Type.Object({
          q: Type.String({ maxLength: 500 }),
          type: Type.Optional(Type.Enum(SEARCH_TYPES)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          status: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
          ticketType: Type.Optional(Type.String({ maxLength: 64 })),
          owner: Type.Optional(Type.Integer({ minimum: 1 })),
          from: Type.Optional(Type.String({ maxLength: 40 })),
          to: Type.Optional(Type.String({ maxLength: 40 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(SearchItemSchema) }), ...errorResponses },
      },
    },
    async (request) => search(ctx, actorOf(request), request.query),
  );
}
