import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import type { CatalogTable } from './catalog.repo.ts';
import {
  changeCategory,
  changeGroup,
  changeService,
  createCategory,
  createGroup,
  createService,
  deleteCatalogEntry,
  groupMembers,
} from './catalog-admin.service.ts';

const Name = Type.String({ minLength: 1, maxLength: 120 });
const NullableId = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]);
const Created = Type.Object({ id: Type.Integer() });
const Tier = Type.Integer({ minimum: 1, maximum: 9 });

/** Administration of the service catalogue: categories, services, support groups and members. */
export async function catalogAdminRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['catalog'];
  const config = { permission: 'admin.catalog.manage' } as const;

  app.post(
    '/categories',
    {
      config,
      schema: {
        tags,
        summary: 'Create a category (nested one level)',
        body: Type.Object({ name: Name, parentId: Type.Optional(NullableId) }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createCategory(ctx, actorOf(request), request.body) }),
  );
  app.patch(
    '/categories/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename or move a category',
        params: IdParams,
        body: Type.Object({ name: Type.Optional(Name), parentId: Type.Optional(NullableId) }, { minProperties: 1 }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeCategory(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/services',
    {
      config,
      schema: {
        tags,
        summary: 'Create a service with its description and owner group',
        body: Type.Object({
          name: Name,
          description: Type.Optional(Type.String({ maxLength: 2000 })),
          groupId: Type.Optional(NullableId),
        }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createService(ctx, actorOf(request), request.body) }),
  );
  app.patch(
    '/services/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a service',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            groupId: Type.Optional(NullableId),
          },
          { minProperties: 1 },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeService(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/groups',
    {
      config,
      schema: {
        tags,
        summary: 'Create a support group (tier 1 = first line)',
        body: Type.Object({ name: Name, tier: Tier }),
        response: { 201: Created, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createGroup(ctx, actorOf(request), request.body) }),
  );
  app.get(
    '/groups/:id/members',
    {
      config,
      schema: {
        tags,
        summary: 'Members of a support group',
        params: IdParams,
        response: { 200: Type.Object({ userIds: Type.Array(Type.Integer()) }), ...errorResponses },
      },
    },
    async (request) => ({ userIds: await groupMembers(ctx, request.params.id) }),
  );
  app.patch(
    '/groups/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename a group, change its tier or replace its members',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            tier: Type.Optional(Tier),
            memberIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500 })),
          },
          { minProperties: 1 },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeGroup(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  for (const [path, table] of [
    ['/categories/:id', 'categories'],
    ['/services/:id', 'services'],
    ['/groups/:id', 'support_groups'],
  ] as const satisfies readonly (readonly [string, CatalogTable])[]) {
    app.delete(
      path,
      {
        config,
        schema: {
          tags,
          summary: 'Delete an entry nothing refers to (409 in_use otherwise)',
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await deleteCatalogEntry(ctx, actorOf(request), table, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}
