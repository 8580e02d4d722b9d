import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { errorResponses } from '../shared.schemas.ts';
import { listOrganizations } from './organizations.repo.ts';

const OrganizationSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  domain: Type.Union([Type.String(), Type.Null()]),
});

/** Customer organizations, for pickers (contracts, users). Managing them comes with the CRM work. */
export async function organizationsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  app.get(
    '/organizations',
    {
      config: { permission: ['user.directory', 'admin.users.manage', 'admin.sla.manage'] },
      schema: {
        tags: ['people'],
        summary: 'Customer organizations (id, name, e-mail domain)',
        response: { 200: Type.Object({ items: Type.Array(OrganizationSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: await listOrganizations(ctx.db.kysely) }),
  );
}
