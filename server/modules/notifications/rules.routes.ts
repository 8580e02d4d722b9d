import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { ExplainAnswer, ExplainBody, RuleBody, RuleQuery, RuleSchema } from './rules.schemas.ts';
import { changeRule, createRule, explainNotification, listRules, removeRule } from './rules.service.ts';

/** Notification cascade rules (levels 1-3) and the explanation of a single decision. Admins only. */
export async function notificationRulesRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['notifications'];
  const config = { permission: 'admin.notifications.manage' } as const;
  app.get(
    '/notification-rules',
    {
      config,
      schema: {
        tags,
        summary: 'Notification rules, optionally filtered by level, event, service or user',
        querystring: RuleQuery,
        response: { 200: Type.Array(RuleSchema), ...errorResponses },
      },
    },
    async (request) => listRules(ctx, actorOf(request), request.query),
  );
  app.post(
    '/notification-rules',
    {
      config,
      schema: {
        tags,
        summary: 'Create a notification rule',
        body: RuleBody,
        response: { 201: RuleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(ctx, actorOf(request), request.body)),
  );
  app.put(
    '/notification-rules/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace a notification rule',
        params: IdParams,
        body: RuleBody,
        response: { 200: RuleSchema, ...errorResponses },
      },
    },
    async (request) => changeRule(ctx, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/notification-rules/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a notification rule',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeRule(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/notification-rules/explain',
    {
      config,
      schema: {
        tags,
        summary: 'Would this user get this event on this channel, and which rule and level decided?',
        body: ExplainBody,
        response: { 200: ExplainAnswer, ...errorResponses },
      },
    },
    async (request) => explainNotification(ctx, actorOf(request), request.body),
  );
}
