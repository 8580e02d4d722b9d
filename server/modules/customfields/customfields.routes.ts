import { Type } from 'typebox';
import { CUSTOM_FIELD_TYPES } from '../../../common/domain.ts';
import type { AppContext } from '../../context.ts';
import type { TypedApp } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { errorResponses, IdParams } from '../shared.schemas.ts';
import { CustomValueSchema } from '../tickets/tickets.schemas.ts';
import {
  createCustomField,
  listVisibleCustomFields,
  removeCustomField,
  updateCustomFieldDefinition,
} from './customfields.service.ts';

/** Text per locale (en, uk, ru, ro, zh); other keys are ignored. */
const Labels = Type.Record(Type.String({ maxLength: 5 }), Type.String({ maxLength: 200 }));
const Option = Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), labels: Type.Optional(Labels) });

const FieldSchema = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String({ description: 'The name in field rules, history and filters: cf.<key>' }),
  type: Type.String(),
  labels: Type.Record(Type.String(), Type.String()),
  help: Type.Record(Type.String(), Type.String()),
  options: Type.Array(Type.Object({ value: Type.String(), labels: Type.Record(Type.String(), Type.String()) })),
  requiredForTypes: Type.Array(Type.String()),
  requiredForStatuses: Type.Array(Type.String()),
  defaultValue: CustomValueSchema,
  portalVisible: Type.Boolean(),
  position: Type.Integer(),
  active: Type.Boolean(),
});

const Definition = {
  labels: Type.Optional(Labels),
  help: Type.Optional(Labels),
  options: Type.Optional(Type.Array(Option, { maxItems: 200 })),
  requiredForTypes: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), { maxItems: 10 })),
  requiredForStatuses: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), { maxItems: 10 })),
  defaultValue: Type.Optional(CustomValueSchema),
  portalVisible: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
};

/** Custom ticket fields: everyone reads the definitions they may see; admins define them. */
export async function customFieldsRoutes(app: TypedApp, ctx: AppContext): Promise<void> {
  const tags = ['custom fields'];
  app.get(
    '/custom-fields',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Custom field definitions (customers: those shown in the portal)',
        response: { 200: Type.Object({ items: Type.Array(FieldSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listVisibleCustomFields(ctx, actorOf(request)) }),
  );

  app.post(
    '/custom-fields',
    {
      config: { permission: 'admin.fields.manage' },
      schema: {
        tags,
        summary: 'Define a custom ticket field',
        body: Type.Object({
          ...Definition,
          key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
          type: Type.Enum(CUSTOM_FIELD_TYPES),
          labels: Labels,
        }),
        response: { 201: FieldSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createCustomField(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/custom-fields/:id',
    {
      config: { permission: 'admin.fields.manage' },
      schema: {
        tags,
        summary: 'Change a custom field (key and type are fixed)',
        params: IdParams,
        body: Type.Object({ ...Definition, active: Type.Optional(Type.Boolean()) }, { minProperties: 1 }),
        response: { 200: FieldSchema, ...errorResponses },
      },
    },
    async (request) => updateCustomFieldDefinition(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/custom-fields/:id',
    {
      config: { permission: 'admin.fields.manage' },
      schema: {
        tags,
        summary: 'Delete an unused field, or retire one that has values',
        params: IdParams,
        response: { 200: Type.Object({ result: Type.String() }), ...errorResponses },
      },
    },
    async (request) => ({ result: await removeCustomField(ctx, actorOf(request), request.params.id) }),
  );
}
