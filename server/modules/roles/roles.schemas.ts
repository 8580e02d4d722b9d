import { Type } from 'typebox';
import { FIELD_ACCESS, TICKET_FIELDS } from '../../../common/domain.ts';

const Access = Type.Enum(FIELD_ACCESS);

export const FieldRulesSchema = Type.Object({
  default: Type.Object(Object.fromEntries(TICKET_FIELDS.map((f) => [f, Access]))),
  overrides: Type.Array(
    Type.Object({
      field: Type.Enum(TICKET_FIELDS),
      access: Access,
      types: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), { maxItems: 20 })),
      statuses: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), { maxItems: 20 })),
    }),
    { maxItems: 200 },
  ),
});

/** Field rules as sent back (already validated when stored). */
const FieldRulesView = Type.Object({
  default: Type.Record(Type.String(), Type.String()),
  overrides: Type.Array(
    Type.Object({
      field: Type.String(),
      access: Type.String(),
      types: Type.Optional(Type.Array(Type.String())),
      statuses: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});

export const RoleSchema = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  permissions: Type.Array(Type.String()),
  fieldRules: FieldRulesView,
  userCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CreateRoleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  key: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' })),
  permissions: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 })),
  fieldRules: Type.Optional(FieldRulesSchema),
  copyFromId: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const UpdateRoleBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    permissions: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 200 })),
    fieldRules: Type.Optional(FieldRulesSchema),
  },
  { minProperties: 1 },
);

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  entity: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
