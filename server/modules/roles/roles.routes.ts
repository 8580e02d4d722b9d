import { Type } from 'typebox';
import { groupedPermissions } from '../../authz/permission-groups.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { CreateRoleBody, RoleSchema, UpdateRoleBody } from './roles.schemas.ts';
import { createRole, deleteRole, listRoleDetails, updateRoleDefinition } from './roles.service.ts';

/** Roles as data: the permission catalogue, and role administration with field rules. */
export async function rolesRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['roles'];

  app.get(
    '/permissions',
    {
      config: { permission: 'admin.roles.manage' },
      schema: {
        tags,
        summary: 'The permission catalogue, grouped as the product shows it',
        response: {
          200: Type.Object({
            groups: Type.Array(Type.Object({ key: Type.String(), permissions: Type.Array(Type.String()) })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({ groups: groupedPermissions() }),
  );

  app.get(
    '/roles',
    {
      config: { permission: ['user.directory', 'admin.roles.manage'] },
      schema: {
        tags,
        summary: 'Roles with permissions, field rules and user counts',
        response: { 200: Type.Object({ items: Type.Array(RoleSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await listRoleDetails(ctx) }),
  );

  app.post(
    '/roles',
    {
      config: { permission: 'admin.roles.manage' },
      schema: {
        tags,
        summary: 'Create a role, or copy one with copyFromId',
        body: CreateRoleBody,
        response: { 201: RoleSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createRole(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/roles/:id',
    {
      config: { permission: 'admin.roles.manage' },
      schema: {
        tags,
        summary: 'Rename a role or replace its permissions or field rules (effective on the next request)',
        params: IdParams,
        body: UpdateRoleBody,
        response: { 200: RoleSchema, ...errorResponses },
      },
    },
    async (request) => updateRoleDefinition(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/roles/:id',
    {
      config: { permission: 'admin.roles.manage' },
      schema: {
        tags,
        summary: 'Delete a role nobody holds',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteRole(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
