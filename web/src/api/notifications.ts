import type {
  SettingsView as MySettings,
  SettingsChange,
  SettingsContext,
} from '../../../common/notification-settings.ts';
import type {
  CascadeLevel,
  NotificationChannel,
  NotificationEvent,
  RecipientRole,
} from '../../../common/notifications.ts';
import { apiRequest, toQueryString } from './client.ts';

// Notification cascade rules (`admin.notifications.manage`) and a person's own settings (anyone).

/** A rule as admins write it; see ADR 0017 for the cascade. */
export interface RuleInput {
  level: CascadeLevel;
  ticketType: string | null;
  serviceId: number | null;
  userId: number | null;
  event: NotificationEvent;
  categoryId: number | null;
  statusTo: string | null;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  enabled: boolean;
  userOverridable: boolean;
}

export interface NotificationRule extends RuleInput {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface Decision {
  level: CascadeLevel;
  ruleId: number;
  recipientRole: RecipientRole;
}

/** Why a rule won or lost, machine-readable (the web app translates it). */
export type TraceCode =
  | 'won_send'
  | 'won_skip'
  | 'outranked_level'
  | 'outranked_type'
  | 'outranked_category'
  | 'outranked_status'
  | 'tied'
  | 'locked_by_rule'
  | 'locked_no_admin'
  | 'no_match_category'
  | 'no_match_status'
  | 'invalid';

export interface TraceEntry {
  ruleId: number;
  level: CascadeLevel;
  recipientRole: RecipientRole;
  enabled: boolean;
  userOverridable: boolean;
  outcome: string;
  reason: string;
  code: TraceCode;
  params: { ruleId?: number; level?: number; ruleValue?: string | number | null; ticketValue?: string | number | null };
}

export interface ExplainInput {
  event: NotificationEvent;
  ticketNumber?: number;
  ticket?: { type: string | null; serviceId: number | null; categoryId: number | null; statusTo: string | null };
  statusTo?: string | null;
  userId: number;
  roles: RecipientRole[];
  channel: NotificationChannel;
}

export interface ExplainAnswer {
  send: boolean;
  decidedBy: Decision | null;
  decidedByLevel: number | null;
  roles: {
    role: RecipientRole;
    send: boolean;
    decidedBy: Decision | null;
    inherited: { send: boolean; decidedBy: Decision | null; userOverridable: boolean };
  }[];
  trace: TraceEntry[];
}

// A person's own settings: the same shape the server builds, kept once in common/.
export type {
  OverrideScope,
  SettingItem,
  SettingSource,
  SettingsChange,
  SettingsContext,
  SettingsView as MySettings,
} from '../../../common/notification-settings.ts';

export const notifyKeys = {
  all: ['notifications'] as const,
  rules: (filter: { level?: CascadeLevel; serviceId?: number }) => ['notifications', 'rules', filter] as const,
  mine: (context: SettingsContext) => ['notifications', 'mine', context] as const,
};

/** Rules of one level (and service, for level 2). */
export function listRules(filter: { level?: CascadeLevel; serviceId?: number }): Promise<NotificationRule[]> {
  return apiRequest<NotificationRule[]>(`/notification-rules${toQueryString(filter)}`);
}

export function createRule(input: RuleInput): Promise<NotificationRule> {
  return apiRequest<NotificationRule>('/notification-rules', { method: 'POST', body: input });
}

export function updateRule(id: number, input: RuleInput): Promise<NotificationRule> {
  return apiRequest<NotificationRule>(`/notification-rules/${id}`, { method: 'PUT', body: input });
}

export function deleteRule(id: number): Promise<void> {
  return apiRequest<void>(`/notification-rules/${id}`, { method: 'DELETE' });
}

/** Would this user get this event on this channel, and which rule decided? */
export function explainNotification(input: ExplainInput): Promise<ExplainAnswer> {
  return apiRequest<ExplainAnswer>('/notification-rules/explain', { method: 'POST', body: input });
}

/** The current user's settings for tickets of the given process and service. */
export function fetchMySettings(context: SettingsContext): Promise<MySettings> {
  return apiRequest<MySettings>(`/me/notification-settings${toQueryString({ ...context })}`);
}

export function saveMySettings(context: SettingsContext, changes: SettingsChange[]): Promise<MySettings> {
  return apiRequest<MySettings>('/me/notification-settings', { method: 'PUT', body: { context, changes } });
}

/** One in-app notification, its text already in the reader's language. */
export interface InboxItem {
  id: number;
  event: string;
  ticketId: number;
  ticketNumber: number;
  /** Null when the reader may not see the subject (field rules). */
  ticketSubject: string | null;
  actorName: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: InboxItem[];
  unreadCount: number;
  nextBefore: number | null;
}

/** Who follows a ticket and its CC addresses, as far as the caller may know. */
export interface Followers {
  following: boolean;
  watchers: { id: number; name: string }[];
  cc: string[];
  canManageWatchers: boolean;
  canManageCc: boolean;
}

/** Query keys: the inbox is its own prefix; followers live under ['ticket', id] so live updates refresh them. */
export const inboxKeys = {
  all: ['notifications'] as const,
  page: (limit: number) => ['notifications', 'page', limit] as const,
  followers: (ticketId: number) => ['ticket', ticketId, 'followers'] as const,
};

export function fetchInbox(limit: number): Promise<InboxPage> {
  return apiRequest<InboxPage>(`/notifications${toQueryString({ limit })}`);
}

export function markNotificationRead(id: number): Promise<{ count: number }> {
  return apiRequest<{ count: number }>(`/notifications/${id}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ count: number }> {
  return apiRequest<{ count: number }>('/notifications/read-all', { method: 'POST' });
}

export function fetchFollowers(ticketId: number): Promise<Followers> {
  return apiRequest<Followers>(`/tickets/${ticketId}/watchers`);
}

/** Follows the ticket (or, for agents, makes another agent follow it). */
export function followTicket(ticketId: number, userId?: number): Promise<Followers> {
  return apiRequest<Followers>(`/tickets/${ticketId}/watch`, { method: 'PUT', body: userId ? { userId } : {} });
}

export function unfollowTicket(ticketId: number, userId?: number): Promise<Followers> {
  return apiRequest<Followers>(`/tickets/${ticketId}/watch${toQueryString({ userId })}`, { method: 'DELETE' });
}

export function addCc(ticketId: number, email: string): Promise<Followers> {
  return apiRequest<Followers>(`/tickets/${ticketId}/cc`, { method: 'POST', body: { email } });
}

export function removeCc(ticketId: number, email: string): Promise<Followers> {
  return apiRequest<Followers>(`/tickets/${ticketId}/cc${toQueryString({ email })}`, { method: 'DELETE' });
}
