import type { SearchType } from '../../../common/domain.ts';
import { apiRequest, toQueryString } from './client.ts';

/** One result. `snippet` is escaped text with `<mark>` around matches (render with HighlightedText). */
export interface SearchItem {
  type: SearchType;
  id: number;
  title: string;
  snippet: string;
  score: number;
  number?: number;
  status?: string;
}

export interface SearchParams {
  q: string;
  type?: SearchType;
  limit?: number;
  status?: string[];
  ticketType?: string;
  owner?: number;
  from?: string;
  to?: string;
}

/** Ranked search over what the signed-in user may see (GET /search). */
export function searchApi(params: SearchParams): Promise<{ items: SearchItem[] }> {
  return apiRequest<{ items: SearchItem[] }>(`/search${toQueryString({ ...params })}`);
}
