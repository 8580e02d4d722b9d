import { Type } from 'typebox';
import {
  CASCADE_LEVELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  RECIPIENT_ROLES,
} from '../../../common/notifications.ts';
import { Nullable } from '../shared.schemas.ts';

const Id = Type.Integer({ minimum: 1 });
const Level = Type.Enum(CASCADE_LEVELS);
const Event = Type.Enum(NOTIFICATION_EVENTS);
const Role = Type.Enum(RECIPIENT_ROLES);
const Channel = Type.Enum(NOTIFICATION_CHANNELS);

/** A rule as admins write it (POST and PUT). Cross-field rules are checked by the service. */
export const RuleBody = Type.Object({
  level: Level,
  ticketType: Nullable(Type.String({ minLength: 1, maxLength: 60 })),
  serviceId: Nullable(Id),
  userId: Nullable(Id),
  event: Event,
  categoryId: Nullable(Id),
  statusTo: Nullable(Type.String({ minLength: 1, maxLength: 60 })),
  recipientRole: Role,
  channel: Channel,
  enabled: Type.Boolean(),
  userOverridable: Type.Boolean(),
});

export const RuleSchema = Type.Object({
  id: Type.Integer(),
  ...RuleBody.properties,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const RuleQuery = Type.Object({
  level: Type.Optional(Level),
  event: Type.Optional(Event),
  serviceId: Type.Optional(Id),
  userId: Type.Optional(Id),
});

export const ExplainBody = Type.Object({
  event: Event,
  ticketId: Type.Optional(Id),
  ticketNumber: Type.Optional(Id),
  ticket: Type.Optional(
    Type.Object({
      type: Nullable(Type.String({ maxLength: 60 })),
      serviceId: Nullable(Id),
      categoryId: Nullable(Id),
      statusTo: Nullable(Type.String({ maxLength: 60 })),
    }),
  ),
  /** With `ticketId`: the new status of the status change being asked about. */
  statusTo: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  userId: Id,
  roles: Type.Array(Role, { minItems: 1, maxItems: RECIPIENT_ROLES.length, uniqueItems: true }),
  channel: Channel,
});

const Specificity = Type.Object({ category: Type.Boolean(), status: Type.Boolean(), typeSpecific: Type.Boolean() });
const Decision = Nullable(
  Type.Object({ level: Level, ruleId: Type.Integer(), recipientRole: Role, specificity: Specificity }),
);

export const ExplainAnswer = Type.Object({
  send: Type.Boolean(),
  decidedBy: Decision,
  /** 1-3, the level of `decidedBy`; null when no rule applies. */
  decidedByLevel: Nullable(Type.Integer()),
  roles: Type.Array(
    Type.Object({
      role: Role,
      send: Type.Boolean(),
      decidedBy: Decision,
      inherited: Type.Object({ send: Type.Boolean(), decidedBy: Decision, userOverridable: Type.Boolean() }),
    }),
  ),
  trace: Type.Array(
    Type.Object({
      ruleId: Type.Integer(),
      level: Level,
      recipientRole: Role,
      enabled: Type.Boolean(),
      userOverridable: Type.Boolean(),
      specificity: Specificity,
      outcome: Type.String(),
      reason: Type.String(),
      /** Machine-readable reason (see TraceCode in cascade.model.ts), translated by the web app. */
      code: Type.String(),
      params: Type.Object({
        ruleId: Type.Optional(Type.Integer()),
        level: Type.Optional(Type.Integer()),
        ruleValue: Type.Optional(Nullable(Type.Union([Type.String(), Type.Integer()]))),
        ticketValue: Type.Optional(Nullable(Type.Union([Type.String(), Type.Integer()]))),
      }),
    }),
  ),
});
