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

/** Which tickets the inherited values are shown for: a business process and/or a service. */
export const SettingsContext = Type.Object({
  ticketType: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
  serviceId: Type.Optional(Nullable(Id)),
});

export const SettingsQuery = Type.Object({
  ticketType: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  serviceId: Type.Optional(Id),
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
  }),
);

export const SettingItem = Type.Object({
  event: Event,
  recipientRole: Role,
  channel: Channel,
  /** What levels 1-2 say for this context; `source` null = no rule (not sent, no choice). */
  inherited: Type.Object({ send: Type.Boolean(), source: Source }),
  /** Whether the deciding admin rule lets the user choose. */
  userOverridable: Type.Boolean(),
  /** The user's own level-3 choice, if any. */
  override: Nullable(Type.Object({ ruleId: Type.Integer(), enabled: Type.Boolean() })),
  /** What the user gets, after their override (only counted where overridable). */
  send: Type.Boolean(),
});

export const SettingsAnswer = Type.Object({
  /** The recipient roles this user can hold on a ticket, in catalogue order. */
  roles: Type.Array(Role),
  context: Type.Object({ ticketType: Nullable(Type.String()), serviceId: Nullable(Type.Integer()) }),
  items: Type.Array(SettingItem),
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
