/**
 * Notification catalogue shared by the server and the web app: the events a rule can name,
 * the recipient roles relative to a ticket, the delivery channels and the three cascade levels.
 * Plain `as const` arrays so both sides get literal union types without enums. The cascade
 * semantics live with the resolver in `server/modules/notifications/cascade.ts`.
 */

export const NOTIFICATION_EVENTS = [
  'ticket.created',
  'ticket.assigned_to_me',
  'ticket.assigned_to_group',
  'ticket.customer_replied',
  'ticket.agent_replied',
  'ticket.note_added',
  'ticket.status_changed',
  'ticket.resolved',
  'ticket.confirmed',
  'ticket.rejected',
  'ticket.closed',
  'ticket.escalated',
  'ticket.escalated_vendor',
  'ticket.sla_warning',
  'ticket.sla_breached',
  'ticket.vendor_deadline_near',
  'ticket.mention',
  'announcement.published',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/**
 * Events whose rules may name a target status (`statusTo`). Only a status change has one; a
 * rule with a status on any other event is invalid (rejected on save, never matched).
 */
export const STATUS_FILTERED_EVENTS = ['ticket.status_changed'] as const satisfies readonly NotificationEvent[];

/** Who a rule addresses, relative to the ticket. One person may hold several roles at once. */
export const RECIPIENT_ROLES = [
  'requester',
  'organization_contacts',
  'owner',
  'group_members',
  'watchers',
  'managers',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const NOTIFICATION_CHANNELS = ['email', 'in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Cascade levels from the general to the particular: 1 workflow (defaults per business
 * process, i.e. ticket type), 2 service (overrides for one service), 3 user (a person's own
 * overrides, where the admin allows them).
 */
export const CASCADE_LEVELS = ['workflow', 'service', 'user'] as const;
export type CascadeLevel = (typeof CASCADE_LEVELS)[number];

/** Level number shown to admins ("level 2 decided"); higher is more specific. */
export const CASCADE_LEVEL_NUMBER = { workflow: 1, service: 2, user: 3 } as const satisfies Record<
  CascadeLevel,
  number
>;

const EVENT_SET: ReadonlySet<string> = new Set(NOTIFICATION_EVENTS);
const ROLE_SET: ReadonlySet<string> = new Set(RECIPIENT_ROLES);
const CHANNEL_SET: ReadonlySet<string> = new Set(NOTIFICATION_CHANNELS);
const LEVEL_SET: ReadonlySet<string> = new Set(CASCADE_LEVELS);
const STATUS_EVENT_SET: ReadonlySet<string> = new Set(STATUS_FILTERED_EVENTS);

/** True when `x` is one of the catalogue's event keys (for values read from the database or a request). */
export function isNotificationEvent(x: unknown): x is NotificationEvent {
  return typeof x === 'string' && EVENT_SET.has(x);
}

/** True when `x` is a recipient role key. */
export function isRecipientRole(x: unknown): x is RecipientRole {
  return typeof x === 'string' && ROLE_SET.has(x);
}

/** True when `x` is a channel key. */
export function isNotificationChannel(x: unknown): x is NotificationChannel {
  return typeof x === 'string' && CHANNEL_SET.has(x);
}

/** True when `x` is a cascade level key. */
export function isCascadeLevel(x: unknown): x is CascadeLevel {
  return typeof x === 'string' && LEVEL_SET.has(x);
}

/** True when rules for `event` may filter on the target status (only `ticket.status_changed`). */
export function eventTakesStatusFilter(event: NotificationEvent): boolean {
  return STATUS_EVENT_SET.has(event);
}
