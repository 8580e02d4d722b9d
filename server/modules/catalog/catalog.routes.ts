import { Type } from 'typebox';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { errorResponses } from '../shared.schemas.ts';
import { listCategories, listGroups, listServices } from './catalog.repo.ts';

const Named = { id: Type.Integer(), name: Type.String() };

/** Lookup lists for forms: types, priorities, statuses, categories, services, groups. */
export async function catalogRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/catalog',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['catalog'],
        summary: 'Values for ticket forms',
        response: {
          200: Type.Object({
            types: Type.Array(Type.String()),
            priorities: Type.Array(Type.String()),
            statuses: Type.Array(Type.String()),
            channels: Type.Array(Type.String()),
            categories: Type.Array(Type.Object({ ...Named, parentId: Type.Union([Type.Integer(), Type.Null()]) })),
            services: Type.Array(
              Type.Object({ ...Named, description: Type.String(), groupId: Type.Union([Type.Integer(), Type.Null()]) }),
            ),
            groups: Type.Array(Type.Object({ ...Named, tier: Type.Integer() })),
            /** Every status with its names per language and category (retired ones too: tickets keep them). */
            statusDefs: Type.Array(
              Type.Object({
                key: Type.String(),
                names: Type.Record(Type.String(), Type.String()),
                category: Type.String(),
                pauseSla: Type.Boolean(),
                active: Type.Boolean(),
              }),
            ),
            typeDefs: Type.Array(
              Type.Object({
                key: Type.String(),
                names: Type.Record(Type.String(), Type.String()),
                active: Type.Boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const [categories, services, groups] = await Promise.all([
        listCategories(ctx.db.kysely),
        listServices(ctx.db.kysely),
        listGroups(ctx.db.kysely),
      ]);
      const workflow = ctx.workflow.current();
      return {
        types: workflow.types.filter((t) => t.active).map((t) => t.key),
        priorities: [...TICKET_PRIORITIES],
        statuses: workflow.statuses.filter((s) => s.active).map((s) => s.key),
        statusDefs: workflow.statuses.map(({ key, names, category, pauseSla, active }) => ({
          key,
          names,
          category,
          pauseSla,
          active,
        })),
        typeDefs: workflow.types.map(({ key, names, active }) => ({ key, names, active })),
        channels: [...TICKET_CHANNELS],
        categories: categories.map((c) => ({ id: c.id, name: c.name, parentId: c.parent_id })),
        services: services.map((s) => ({ id: s.id, name: s.name, description: s.description, groupId: s.group_id })),
        groups,
      };
    },
  );
}
