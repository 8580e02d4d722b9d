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

export interface Catalog {
  types: TicketType[];
  priorities: TicketPriority[];
  statuses: TicketStatus[];
  channels: TicketChannel[];
  categories: CatalogCategory[];
  services: CatalogService[];
  groups: CatalogGroup[];
}

export function fetchCatalog(): Promise<Catalog> {
  return apiRequest<Catalog>('/catalog');
}
