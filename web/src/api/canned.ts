import type { CannedScope } from '../../../common/kb.ts';
import { apiRequest, toQueryString } from './client.ts';

export interface CannedResponse {
  id: number;
  scope: CannedScope;
  groupId: number | null;
  ownerUserId: number | null;
  name: string;
  locale: string;
  bodyHtml: string;
  editable: boolean;
  updatedAt: string;
}

export type CannedInput = Pick<CannedResponse, 'scope' | 'groupId' | 'name' | 'locale' | 'bodyHtml'>;

export const fetchCanned = (locale?: string) =>
  apiRequest<CannedResponse[]>(`/canned-responses${toQueryString({ locale })}`);
export const createCanned = (body: CannedInput) =>
  apiRequest<CannedResponse>('/canned-responses', { method: 'POST', body });
export const updateCanned = (id: number, body: CannedInput) =>
  apiRequest<CannedResponse>(`/canned-responses/${id}`, { method: 'PUT', body });
export const deleteCanned = (id: number) => apiRequest<void>(`/canned-responses/${id}`, { method: 'DELETE' });
export const renderCanned = (id: number, ticketId: number) =>
  apiRequest<{ html: string }>(`/canned-responses/${id}/render`, { method: 'POST', body: { ticketId } });
