import { Type } from 'typebox';
import { LOCALES } from '../../../common/domain.ts';
import { CANNED_SCOPES } from '../../../common/kb.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams, Nullable } from '../shared.schemas.ts';
import { changeCanned, createCanned, listCanned, removeCanned, renderCanned } from './canned.service.ts';

const CannedBody = Type.Object({
  scope: Type.Enum(CANNED_SCOPES),
  groupId: Nullable(Type.Integer({ minimum: 1 })),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  locale: Type.Enum(LOCALES),
  bodyHtml: Type.String({ minLength: 1, maxLength: 50000 }),
});
const CannedSchema = Type.Object({
  id: Type.Integer(),
  scope: Type.String(),
  groupId: Nullable(Type.Integer()),
  ownerUserId: Nullable(Type.Integer()),
  name: Type.String(),
  locale: Type.String(),
  bodyHtml: Type.String(),
  editable: Type.Boolean(),
  updatedAt: Type.String(),
});

/** Saved replies of agents: personal, per group, global; rendered with a ticket's values. */
export async function cannedRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['canned responses'];
  const config = { permission: 'menu.agent' } as const;
  app.get(
    '/canned-responses',
    {
      config,
      schema: {
        tags,
        summary: 'Responses the agent may use (personal, their groups, global)',
        querystring: Type.Object({ locale: Type.Optional(Type.Enum(LOCALES)) }),
        response: { 200: Type.Array(CannedSchema), ...errorResponses },
      },
    },
    async (request) => listCanned(ctx, actorOf(request), request.query),
  );
  app.post(
    '/canned-responses',
    {
      config,
      schema: {
        tags,
        summary: 'Create a response',
        body: CannedBody,
        response: { 201: CannedSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCanned(ctx, actorOf(request), request.body)),
  );
  app.put(
    '/canned-responses/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace a response',
        params: IdParams,
        body: CannedBody,
        response: { 200: CannedSchema, ...errorResponses },
      },
    },
    async (request) => changeCanned(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/canned-responses/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a response',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeCanned(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/canned-responses/:id/render',
    {
      config,
      schema: {
        tags,
        summary: "The response with a ticket's placeholders filled in (values escaped)",
        params: IdParams,
        body: Type.Object({ ticketId: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ html: Type.String() }), ...errorResponses },
      },
    },
    async (request) => renderCanned(ctx, actorOf(request), request.params.id, request.body.ticketId),
  );
}
