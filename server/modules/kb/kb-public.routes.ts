import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import {
  ArticleListItemSchema,
  ArticleQuery,
  ArticleSchema,
  CategorySchema,
  DeflectionBody,
  FeedbackAnswer,
  FeedbackBody,
  SuggestionSchema,
  SuggestQuery,
} from './kb.schemas.ts';
import { getArticle, listArticles, listTags } from './kb-articles.service.ts';
import { listCategories } from './kb-categories.service.ts';
import { readArticleFile } from './kb-files.service.ts';
import { recordDeflection, recordFeedback, suggestArticles } from './kb-selfservice.service.ts';

/** The anonymous visitor's cookie: one vote and one deflection session per browser. */
const VISITOR_COOKIE = 'fd_kb_visitor';

function visitorKey(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[VISITOR_COOKIE];
  if (existing && /^[a-f0-9]{32}$/.test(existing)) return existing;
  const key = randomBytes(16).toString('hex');
  reply.setCookie(VISITOR_COOKIE, key, {
    path: '/api/v1/kb',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    maxAge: 365 * 86400,
  });
  return key;
}

/**
 * Reading the knowledge base: public routes (no login needed); the signed-in actor, when there
 * is one, widens what they see. Visibility is applied in the services on every call (ADR 0022).
 */
export async function kbPublicRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['knowledge base'];
  const config = { public: true } as const;
  const writeLimit = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } } as const;
  app.get(
    '/kb/categories',
    {
      config,
      schema: {
        tags,
        summary: 'Categories the caller may see (flat, ordered; parentId builds the tree)',
        response: { 200: Type.Array(CategorySchema), ...errorResponses },
      },
    },
    async (request) => listCategories(ctx, request.actor),
  );
  app.get(
    '/kb/articles',
    {
      config,
      schema: {
        tags,
        summary: 'Articles the caller may see; drafts and archived ones for editors',
        querystring: ArticleQuery,
        response: { 200: Type.Array(ArticleListItemSchema), ...errorResponses },
      },
    },
    async (request) => listArticles(ctx, request.actor, request.query),
  );
  app.get(
    '/kb/articles/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One article with all its translations',
        params: IdParams,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => getArticle(ctx, request.actor, request.params.id),
  );
  app.get(
    '/kb/tags',
    {
      config,
      schema: {
        tags,
        summary: 'Tags of the articles the caller may see, with counts',
        response: { 200: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })), ...errorResponses },
      },
    },
    async (request) => listTags(ctx, request.actor),
  );
  app.get(
    '/kb/suggest',
    {
      config,
      schema: {
        tags,
        summary: 'Published articles matching a text (new-ticket suggestions, search box)',
        querystring: SuggestQuery,
        response: { 200: Type.Object({ items: Type.Array(SuggestionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await suggestArticles(ctx, request.actor, request.query.q, request.query.locale, request.query.limit ?? 5),
    }),
  );
  app.post(
    '/kb/articles/:id/feedback',
    {
      config: writeLimit,
      schema: {
        tags,
        summary: '"Was this helpful?" yes/no with an optional comment; one vote per user or visitor',
        params: IdParams,
        body: FeedbackBody,
        response: { 200: FeedbackAnswer, ...errorResponses },
      },
    },
    async (request, reply) =>
      recordFeedback(ctx, request.actor, visitorKey(ctx, request, reply), request.params.id, request.body),
  );
  app.post(
    '/kb/deflections',
    {
      config: writeLimit,
      schema: {
        tags,
        summary: 'Records that a suggested article was opened from the new-ticket form',
        body: DeflectionBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordDeflection(ctx, request.actor, visitorKey(ctx, request, reply), request.body)),
  );
  app.get(
    '/kb/files/:id',
    {
      config,
      schema: {
        tags,
        summary: 'An image or file of an article the caller may see',
        params: IdParams,
        response: { 200: Type.Unknown({ description: 'The file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await readArticleFile(ctx, request.actor, request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );
}
