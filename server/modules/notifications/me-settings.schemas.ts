import { Type } from 'typebox';
import {
  CASCADE_LEVELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  RECIPIENT_ROLES,
} from '../../../common/notifications.ts';
import { Nullable } from '../shared.schemas.ts';

const Id = Type.Integer({ minimum: 1 });
const Event = Type.Enum(NOTIFICATION_EVENTS);
const Role = Type.Enum(RECIPIENT_ROLES);
const Channel = Type.Enum(NOTIFICATION_CHANNELS);

const Key = Type.String({ minLength: 1, maxLength: 60 });

/**
 * Which tickets the settings are about: a business process and/or a service (they choose the
 * inherited values shown), a ticket group and a target status (they also scope the choices
 * written; the status only on `ticket.status_changed`).
 */
export const SettingsContext = Type.Object({
  ticketType: Type.Optional(Nullable(Key)),
  serviceId: Type.Optional(Nullable(Id)),
  categoryId: Type.Optional(Nullable(Id)),
  statusTo: Type.Optional(Nullable(Key)),
});

export const SettingsQuery = Type.Object({
  ticketType: Type.Optional(Key),
  serviceId: Type.Optional(Id),
  categoryId: Type.Optional(Id),
  statusTo: Type.Optional(Key),
});

const Source = Nullable(
  Type.Object({
    level: Type.Enum(CASCADE_LEVELS),
    ruleId: Type.Integer(),
    /** Level 1: the process's ticket type; null = the default process. */
    ticketType: Nullable(Type.String()),
    /** Level 2: the service and its name. */
    serviceId: Nullable(Type.Integer()),
    serviceName: Nullable(Type.String()),
    /** The ticket group and target status the rule is narrowed to (null = any). */
    categoryId: Nullable(Type.Integer()),
    statusTo: Nullable(Type.String()),
  }),
);

export const SettingItem = Type.Object({
  event: Event,
  recipientRole: Role,
  channel: Channel,
  /**
   * What decides without the user's choice in exactly this scope: levels 1-2, or a broader choice
   * of their own (level 3, e.g. for any group); `source` null = no rule (not sent, no choice).
   */
  inherited: Type.Object({ send: Type.Boolean(), source: Source }),
  /** Whether the deciding admin rule lets the user choose. */
  userOverridable: Type.Boolean(),
  /** The user's own level-3 choice in exactly this scope (group, and status on a status change), if any. */
  override: Nullable(Type.Object({ ruleId: Type.Integer(), enabled: Type.Boolean() })),
  /** What the user gets, after their override (only counted where overridable). */
  send: Type.Boolean(),
});

export const SettingsAnswer = Type.Object({
  /** The recipient roles this user can hold on a ticket, in catalogue order. */
  roles: Type.Array(Role),
  context: Type.Object({
    ticketType: Nullable(Type.String()),
    serviceId: Nullable(Type.Integer()),
    categoryId: Nullable(Type.Integer()),
    statusTo: Nullable(Type.String()),
  }),
  items: Type.Array(SettingItem),
  /** Every ticket group / target status combination the user has choices of their own for, with how many. */
  overrideScopes: Type.Array(
    Type.Object({ categoryId: Nullable(Type.Integer()), statusTo: Nullable(Type.String()), count: Type.Integer() }),
  ),
});

export const SettingsChange = Type.Object({
  event: Event,
  recipientRole: Role,
  channel: Channel,
  /** true/false = override; null = drop the override and inherit again. */
  enabled: Nullable(Type.Boolean()),
});

export const SettingsBody = Type.Object({
  context: Type.Optional(SettingsContext),
  changes: Type.Array(SettingsChange, { minItems: 1, maxItems: 500 }),
});
