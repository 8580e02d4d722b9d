import type { TicketListParams } from './tickets.ts';
import type { UserListParams } from './users.ts';

/**
 * TanStack Query keys in one place, shaped so that prefixes invalidate together:
 * ['tickets'] covers every list and the queue counts; ['ticket', id] covers a ticket with its
 * messages and history.
 */
export const queryKeys = {
  me: ['me'] as const,
  catalog: ['catalog'] as const,
  // Under ['catalog'], so every catalogue change refreshes member lists too.
  groupMembers: (id: number) => ['catalog', 'groups', id, 'members'] as const,
  roles: ['roles'] as const,
  roleDetails: ['roles', 'details'] as const,
  permissionGroups: ['permissions'] as const,
  customFields: ['custom-fields'] as const,
  settings: ['settings'] as const,
  audit: (params: { entity?: string }) => ['audit', params] as const,
  tickets: ['tickets'] as const,
  queueCounts: ['tickets', 'queues'] as const,
  ticketList: (params: Omit<TicketListParams, 'cursor'>) => ['tickets', 'list', params] as const,
  ticket: (id: number) => ['ticket', id] as const,
  messages: (id: number) => ['ticket', id, 'messages'] as const,
  history: (id: number) => ['ticket', id, 'history'] as const,
  // Under ['ticket', id], so a live update of the ticket refreshes them too.
  ticketMail: (id: number) => ['ticket', id, 'mail'] as const,
  ticketLinks: (id: number) => ['ticket', id, 'links'] as const,
  users: ['users'] as const,
  apiTokens: ['api-tokens'] as const,
  tokenScopes: ['api-tokens', 'scopes'] as const,
  myApiTokens: ['my-api-tokens'] as const,
  myTokenScopes: ['my-api-tokens', 'scopes'] as const,
  userList: (params: UserListParams) => ['users', 'list', params] as const,
};
