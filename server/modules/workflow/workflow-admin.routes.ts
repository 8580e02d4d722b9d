import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses } from '../shared.schemas.ts';
import { STATUS_CATEGORIES, TRANSITION_REQUIREMENTS, type TransitionRequirement } from './workflow.model.ts';
import { removeStatus, removeType, saveStatus, saveTransitions, saveType } from './workflow-admin.service.ts';

const Key = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const Names = Type.Record(Type.String({ maxLength: 5 }), Type.String({ maxLength: 80 }));
const KeyParams = Type.Object({ key: Key });
const StatusBody = Type.Object({
  names: Names,
  category: Type.Enum(STATUS_CATEGORIES),
  pauseSla: Type.Boolean(),
  active: Type.Boolean(),
  position: Type.Integer({ minimum: 0, maximum: 1000 }),
});
const TypeBody = Type.Object({
  names: Names,
  active: Type.Boolean(),
  position: Type.Integer({ minimum: 0, maximum: 1000 }),
});
const Transition = Type.Object({
  from: Key,
  to: Key,
  by: Type.Enum(['agent', 'requester'] as const),
  roles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 50 }),
  requires: Type.Array(
    Type.Union([Type.Enum(TRANSITION_REQUIREMENTS), Type.String({ pattern: '^cf\\.[a-z][a-z0-9_]{0,39}$' })]),
    { maxItems: 12 },
  ),
});
const WorkflowSchema = Type.Object({
  statuses: Type.Array(Type.Object({ key: Type.String(), system: Type.Boolean(), ...StatusBody.properties })),
  types: Type.Array(Type.Object({ key: Type.String(), system: Type.Boolean(), ...TypeBody.properties })),
  transitions: Type.Array(Type.Object({ type: Type.Union([Type.String(), Type.Null()]), ...Transition.properties })),
});
const NoContent = { 204: Type.Null(), ...errorResponses };

/** Administration of statuses, ticket types and the transitions between statuses. */
export async function workflowAdminRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['workflow'];
  const config = { permission: 'admin.workflow.manage' } as const;
  app.get(
    '/workflow',
    {
      config,
      schema: {
        tags,
        summary: 'Statuses, types and transitions',
        response: { 200: WorkflowSchema, ...errorResponses },
      },
    },
    async () => {
      const workflow = await ctx.workflow.reload();
      return { statuses: [...workflow.statuses], types: [...workflow.types], transitions: [...workflow.transitions] };
    },
  );
  app.put(
    '/workflow/statuses/:key',
    {
      config,
      schema: {
        tags,
        summary: 'Create or change a status (retire with active: false)',
        params: KeyParams,
        body: StatusBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await saveStatus(ctx, actorOf(request), { key: request.params.key, ...request.body });
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/workflow/statuses/:key',
    { config, schema: { tags, summary: 'Delete an unused custom status', params: KeyParams, response: NoContent } },
    async (request, reply) => {
      await removeStatus(ctx, actorOf(request), request.params.key);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/workflow/types/:key',
    {
      config,
      schema: {
        tags,
        summary: 'Create or change a ticket type',
        params: KeyParams,
        body: TypeBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await saveType(ctx, actorOf(request), { key: request.params.key, ...request.body });
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/workflow/types/:key',
    {
      config,
      schema: { tags, summary: 'Delete an unused custom ticket type', params: KeyParams, response: NoContent },
    },
    async (request, reply) => {
      await removeType(ctx, actorOf(request), request.params.key);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/workflow/transitions',
    {
      config,
      schema: {
        tags,
        summary:
          'Replace the transitions of a ticket type (type null: the default set; [] for a type: use the default)',
        body: Type.Object({
          type: Type.Union([Key, Type.Null()]),
          transitions: Type.Array(Transition, { maxItems: 500 }),
        }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await saveTransitions(
        ctx,
        actorOf(request),
        request.body.type,
        request.body.transitions.map((t) => ({ ...t, requires: t.requires as TransitionRequirement[] })),
      );
      return reply.status(204).send(null);
    },
  );
}
