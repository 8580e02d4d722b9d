import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { AuditEntrySchema } from '../roles/roles.schemas.ts';
import { errorResponses } from '../shared.schemas.ts';
import { listAudit } from './audit.repo.ts';

/** The admin audit trail: who changed which configuration, when, from what to what. */
export async function auditRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/audit',
    {
      config: { permission: 'admin.audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Configuration changes, newest first',
        querystring: Type.Object({
          entity: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          cursor: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(AuditEntrySchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listAudit(ctx.db.kysely, {
        entity: request.query.entity,
        beforeId: request.query.cursor ? Number(request.query.cursor) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({
          id: r.id,
          at: r.created_at,
          actorId: r.actor_id,
          actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
          entity: r.entity,
          entityId: r.entity_id,
          action: r.action,
          before: r.before === null ? null : (JSON.parse(r.before) as unknown),
          after: r.after === null ? null : (JSON.parse(r.after) as unknown),
        })),
        nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
      };
    },
  );
}
