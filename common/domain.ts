/**
 * Domain vocabulary shared by the server and the web app: statuses, priorities,
 * ticket types, channels, message kinds and the ticket fields that field rules govern.
 * Plain `as const` arrays so both sides get literal union types without enums.
 */

export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'waiting_vendor',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still needs work from the support team. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'waiting_customer',
  'waiting_vendor',
];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_TYPES = ['incident', 'service_request', 'change_request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_CHANNELS = ['portal', 'email', 'phone', 'api', 'monitoring'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

export const MESSAGE_KINDS = ['reply', 'note', 'phone', 'email'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_VISIBILITIES = ['public', 'internal'] as const;
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];

/** Queues shown to agents, in display order. */
export const QUEUE_KEYS = ['unassigned', 'mine', 'open', 'waiting', 'resolved'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

/**
 * Ticket fields governed by field rules (hidden / read / write per role).
 * Names are the API field names, so a 403 can name exactly what was refused.
 */
export const TICKET_FIELDS = [
  'subject',
  'priority',
  'type',
  'categoryId',
  'serviceId',
  'ownerId',
  'groupId',
  'requesterId',
  'organizationId',
  'channel',
  'solution',
  'sla',
  'vendor',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

export const FIELD_ACCESS = ['hidden', 'read', 'write'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

export const LOCALES = ['en', 'uk', 'ru', 'ro', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_ROLE_KEYS = ['customer', 'operator', 'engineer', 'manager', 'admin'] as const;
export type DefaultRoleKey = (typeof DEFAULT_ROLE_KEYS)[number];

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'date',
  'checkbox',
  'select',
  'multi_select',
  'user',
  'organization',
  'asset',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Custom fields appear in field rules, history and filters as `cf.<key>`. */
export type CustomFieldName = `cf.${string}`;
export type FieldName = TicketField | CustomFieldName;

/** Prefix of custom field names in field rules and history. */
export const CUSTOM_FIELD_PREFIX = 'cf.';

/** What search finds (ADR 0021); articles are indexed by the knowledge base. */
export const SEARCH_TYPES = ['ticket', 'customer', 'article'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
