import '@fastify/multipart';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { badRequest } from '../../platform/errors.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import {
  ArticleSchema,
  ArticleSettingsBody,
  CategoryBody,
  CategorySchema,
  DeflectionReportSchema,
  DiffSchema,
  FileSchema,
  Locale,
  NewArticleBody,
  TranslationBody,
  VersionSchema,
} from './kb.schemas.ts';
import {
  articleFeedback,
  changeArticleSettings,
  createArticle,
  deleteArticle,
  saveArticleTranslation,
  setArticleStatus,
} from './kb-articles.service.ts';
import { changeCategory, createCategory, removeCategory } from './kb-categories.service.ts';
import { uploadArticleFile } from './kb-files.service.ts';
import { articleFromTicket } from './kb-from-ticket.service.ts';
import { deflectionReport } from './kb-selfservice.service.ts';
import { articleVersions, diffVersions, restoreVersion } from './kb-versions.service.ts';

const Id = Type.Integer({ minimum: 1 });

/** Writing the knowledge base: categories, articles, translations, versions, files, reports. */
export async function kbEditorRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['knowledge base'];
  const owners = { permission: 'kb.publish' } as const;
  const editors = { permission: 'kb.edit' } as const;
  app.post(
    '/kb/categories',
    {
      config: owners,
      schema: {
        tags,
        summary: 'Create a category',
        body: CategoryBody,
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCategory(ctx, actorOf(request), request.body)),
  );
  app.put(
    '/kb/categories/:id',
    {
      config: owners,
      schema: {
        tags,
        summary: 'Replace a category',
        params: IdParams,
        body: CategoryBody,
        response: { 200: CategorySchema, ...errorResponses },
      },
    },
    async (request) => changeCategory(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/kb/categories/:id',
    {
      config: owners,
      schema: {
        tags,
        summary: 'Delete an empty category',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeCategory(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/kb/articles',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Create a draft article with its first language',
        body: NewArticleBody,
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createArticle(ctx, actorOf(request), request.body)),
  );
  app.patch(
    '/kb/articles/:id',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Change category, visibility, audience and tags',
        params: IdParams,
        body: ArticleSettingsBody,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => changeArticleSettings(ctx, actorOf(request), request.params.id, request.body),
  );
  app.put(
    '/kb/articles/:id/translations/:locale',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Save the text of one language (a new version)',
        params: Type.Object({ id: Id, locale: Locale }),
        body: TranslationBody,
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveArticleTranslation(ctx, actorOf(request), request.params.id, request.params.locale, request.body),
  );
  app.delete(
    '/kb/articles/:id',
    {
      config: owners,
      schema: {
        tags,
        summary: 'Delete an article',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteArticle(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/kb/articles/:id/feedback',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Comments left with helpful votes, newest first',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.Integer(),
              helpful: Type.Boolean(),
              comment: Type.String(),
              createdAt: Type.String(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (request) => articleFeedback(ctx, actorOf(request), request.params.id),
  );
  for (const [action, status] of [
    ['publish', 'published'],
    ['archive', 'archived'],
  ] as const) {
    app.post(
      `/kb/articles/:id/${action}`,
      {
        config: owners,
        schema: {
          tags,
          summary: `${action} an article`,
          params: IdParams,
          response: { 200: ArticleSchema, ...errorResponses },
        },
      },
      async (request) => setArticleStatus(ctx, actorOf(request), request.params.id, status),
    );
  }
  app.get(
    '/kb/articles/:id/versions',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Saved versions, newest first',
        params: IdParams,
        querystring: Type.Object({ locale: Type.Optional(Locale) }),
        response: { 200: Type.Array(VersionSchema), ...errorResponses },
      },
    },
    async (request) => articleVersions(ctx, actorOf(request), request.params.id, request.query.locale),
  );
  app.get(
    '/kb/articles/:id/diff',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Word diff of title and text between two versions',
        params: IdParams,
        querystring: Type.Object({ from: Id, to: Id }),
        response: { 200: DiffSchema, ...errorResponses },
      },
    },
    async (request) => diffVersions(ctx, actorOf(request), request.params.id, request.query.from, request.query.to),
  );
  app.post(
    '/kb/articles/:id/versions/:versionId/restore',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Make an old version current again (saved as a new version)',
        params: Type.Object({ id: Id, versionId: Id }),
        response: { 200: ArticleSchema, ...errorResponses },
      },
    },
    async (request) => restoreVersion(ctx, actorOf(request), request.params.id, request.params.versionId),
  );
  app.post(
    '/kb/articles/from-ticket/:ticketId',
    {
      config: editors,
      schema: {
        tags,
        summary: 'A draft from a resolved ticket: subject, public description and solution; linked to the ticket',
        params: Type.Object({ ticketId: Id }),
        response: { 201: ArticleSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await articleFromTicket(ctx, actorOf(request), request.params.ticketId)),
  );
  app.post(
    '/kb/articles/:id/files',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Upload an image or file for an article (multipart field "file")',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw badRequest('Send the file as multipart/form-data', ['file']);
      const part = await request.file();
      if (!part) throw badRequest('No file received', ['file']);
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw badRequest('File is too large', ['file']);
      const file = { filename: part.filename, mimetype: part.mimetype, bytes };
      return reply.status(201).send(await uploadArticleFile(ctx, actorOf(request), request.params.id, file));
    },
  );
  app.get(
    '/kb/reports/deflections',
    {
      config: { permission: 'menu.reports' },
      schema: {
        tags,
        summary: 'Opened suggestions, how many were followed by a ticket and how many deflected one',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 200: DeflectionReportSchema, ...errorResponses },
      },
    },
    async (request) => deflectionReport(ctx, actorOf(request), request.query),
  );
}
