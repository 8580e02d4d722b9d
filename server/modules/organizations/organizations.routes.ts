import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import {
  ChangeOrganizationBody,
  CreateOrganizationBody,
  OrganizationDetailSchema,
  OrganizationSchema,
} from './organizations.schemas.ts';
import {
  changeOrganization,
  createOrganization,
  getOrganization,
  listOrganizationViews,
  removeOrganization,
} from './organizations.service.ts';

/**
 * Customer organizations: the list for pickers (contracts, users, articles) and their
 * administration. Members join and leave through `PATCH /users/:id` (`organizationId`).
 */
export async function organizationsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['people'];
  const config = { permission: 'admin.users.manage' } as const;

  app.get(
    '/organizations',
    {
      config: { permission: ['user.directory', 'admin.users.manage', 'admin.sla.manage'] },
      schema: {
        tags,
        summary: 'Customer organizations (name, e-mail domain, sharing, member count)',
        response: { 200: Type.Object({ items: Type.Array(OrganizationSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await listOrganizationViews(ctx) }),
  );

  app.post(
    '/organizations',
    {
      config,
      schema: {
        tags,
        summary: 'Create an organization (admins); 409 naming `domain` when another has the domain',
        body: CreateOrganizationBody,
        response: { 201: OrganizationSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/organizations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One organization with its members (admins)',
        params: IdParams,
        response: { 200: OrganizationDetailSchema, ...errorResponses },
      },
    },
    async (request) => getOrganization(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename an organization, change its domain or ticket sharing (admins)',
        params: IdParams,
        body: ChangeOrganizationBody,
        response: { 200: OrganizationSchema, ...errorResponses },
      },
    },
    async (request) => changeOrganization(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/organizations/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete an organization without members, tickets or contracts (409 in_use naming them otherwise)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeOrganization(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
