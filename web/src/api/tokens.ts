import { apiRequest, type ItemList, toQueryString } from './client.ts';
import type { PermissionGroup } from './roles.ts';

/** An active API token as administrators see it; `scopes: null` = all of its user's permissions. */
export interface ApiToken {
  id: number;
  name: string;
  userId: number;
  userName: string;
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreateTokenInput {
  name: string;
  userId?: number;
  /** Omitted or null: everything the token's user may do, now and after role changes. */
  scopes?: string[] | null;
}

export function listTokens(): Promise<ItemList<ApiToken>> {
  return apiRequest<ItemList<ApiToken>>('/api-tokens');
}

/** The permissions a token acting as `userId` (default: yourself) may be limited to, grouped. */
export function fetchTokenScopes(userId?: number): Promise<{ groups: PermissionGroup[] }> {
  return apiRequest<{ groups: PermissionGroup[] }>(`/api-tokens/scopes${toQueryString({ userId })}`);
}

/** Creates a token; the secret in the answer is shown once and never again. */
export function createToken(input: CreateTokenInput): Promise<{ id: number; token: string }> {
  return apiRequest<{ id: number; token: string }>('/api-tokens', { method: 'POST', body: input });
}

export function revokeToken(id: number): Promise<void> {
  return apiRequest<void>(`/api-tokens/${id}`, { method: 'DELETE' });
}
