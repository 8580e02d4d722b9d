import { apiRequest, toQueryString } from './client.ts';

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
