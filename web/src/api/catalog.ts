import type { TicketChannel, TicketPriority, TicketStatus, TicketType } from '../../../common/domain.ts';
import { apiRequest } from './client.ts';

export interface CatalogCategory {
  id: number;
  name: string;
  parentId?: number | null;
}

export interface CatalogService {
  id: number;
  name: string;
  description?: string | null;
  groupId?: number | null;
}

export interface CatalogGroup {
  id: number;
  name: string;
  tier?: number;
}

/** A status as configured by admins; built-in ones may have no names (the UI translates them). */
export interface StatusDef {
  key: string;
  names: Record<string, string>;
  category: 'new' | 'open' | 'pending' | 'resolved' | 'closed';
  pauseSla: boolean;
  active: boolean;
}

export interface TypeDef {
  key: string;
  names: Record<string, string>;
  active: boolean;
}

export interface Catalog {
  types: TicketType[];
  priorities: TicketPriority[];
  statuses: TicketStatus[];
  channels: TicketChannel[];
  categories: CatalogCategory[];
  services: CatalogService[];
  groups: CatalogGroup[];
  statusDefs?: StatusDef[];
  typeDefs?: TypeDef[];
}

export function fetchCatalog(): Promise<Catalog> {
  return apiRequest<Catalog>('/catalog');
}

// Administration of the catalogue (`admin.catalog.manage`). Writes answer 201 `{id}` or 204.

export interface CategoryInput {
  name?: string;
  parentId?: number | null;
}

export interface ServiceInput {
  name?: string;
  description?: string;
  groupId?: number | null;
}

export interface GroupInput {
  name?: string;
  tier?: number;
  memberIds?: number[];
}

/** The three kinds of catalogue entries, named as their API paths. */
export type CatalogEntryKind = 'categories' | 'services' | 'groups';

export function createCategory(input: CategoryInput & { name: string }): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/categories', { method: 'POST', body: input });
}

export function updateCategory(id: number, input: CategoryInput): Promise<void> {
  return apiRequest<void>(`/categories/${id}`, { method: 'PATCH', body: input });
}

export function createService(input: ServiceInput & { name: string }): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/services', { method: 'POST', body: input });
}

export function updateService(id: number, input: ServiceInput): Promise<void> {
  return apiRequest<void>(`/services/${id}`, { method: 'PATCH', body: input });
}

export function createGroup(input: { name: string; tier: number }): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/groups', { method: 'POST', body: input });
}

export function updateGroup(id: number, input: GroupInput): Promise<void> {
  return apiRequest<void>(`/groups/${id}`, { method: 'PATCH', body: input });
}

export function fetchGroupMembers(id: number): Promise<{ userIds: number[] }> {
  return apiRequest<{ userIds: number[] }>(`/groups/${id}/members`);
}

/** Deletes an entry nothing refers to; 409 `in_use` while tickets (or services) still do. */
export function deleteCatalogEntry(kind: CatalogEntryKind, id: number): Promise<void> {
  return apiRequest<void>(`/${kind}/${id}`, { method: 'DELETE' });
}
