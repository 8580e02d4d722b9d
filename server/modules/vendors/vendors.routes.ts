import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { changeVendor, createVendor, listVendors, removeVendor, VENDOR_KINDS } from './vendors.service.ts';

const NullableText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);
const Contact = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  email: NullableText(254),
  phone: NullableText(40),
};
const VendorBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  kind: Type.Enum(VENDOR_KINDS),
  email: NullableText(254),
  phone: NullableText(40),
  notes: Type.String({ maxLength: 5000 }),
  slaPolicyId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  active: Type.Boolean(),
  contacts: Type.Array(Type.Object(Contact), { maxItems: 50 }),
});
const VendorSchema = Type.Object({
  ...VendorBody.properties,
  id: Type.Integer(),
  contacts: Type.Array(Type.Object({ id: Type.Integer(), ...Contact })),
});
const NoContent = { 204: Type.Null(), ...errorResponses };

/** Vendors (manufacturers, dealers, suppliers) tickets can be escalated to, with contacts and SLA. */
export async function vendorsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['vendors'];
  const config = { permission: 'admin.vendors.manage' } as const;
  app.get(
    '/vendors',
    {
      config: { permission: ['admin.vendors.manage', 'ticket.escalate.vendor'] },
      schema: {
        tags,
        summary: 'Vendors with their contacts',
        response: { 200: Type.Array(VendorSchema), ...errorResponses },
      },
    },
    async () => listVendors(ctx),
  );
  app.post(
    '/vendors',
    {
      config,
      schema: {
        tags,
        summary: 'Create a vendor',
        body: VendorBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createVendor(ctx, actorOf(request), request.body) }),
  );
  app.put(
    '/vendors/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Replace a vendor and its contacts',
        params: IdParams,
        body: VendorBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await changeVendor(ctx, actorOf(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/vendors/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a vendor no ticket refers to (409 in_use otherwise)',
        params: IdParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await removeVendor(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
