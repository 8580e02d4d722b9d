import { apiRequest, type ItemList, toQueryString } from './client.ts';
import { queryKeys } from './keys.ts';
import type { PermissionGroup } from './roles.ts';

/** An active API token as administrators see it; `scopes: null` = all of its user's permissions. */
export interface ApiToken {
  id: number;
  name: string;
  userId: number;
  userName: string;
  scopes: string[] | null;
  createdAt: string;
  /** Recorded at most once a minute. */
  lastUsedAt: string | null;
  /** null = never expires. */
  expiresAt: string | null;
  /** The expiry has passed: the token is refused but stays listed until revoked. */
  expired: boolean;
}

export interface CreateTokenInput {
  name: string;
  userId?: number;
  /** Omitted or null: everything the token's user may do, now and after role changes. */
  scopes?: string[] | null;
  /** ISO date-time in the future, at most two years away; omitted or null = never. */
  expiresAt?: string | null;
}

/**
 * Whose tokens a screen manages: every user's (token administration, `admin.tokens.manage`) or
 * the signed-in user's own (`api.tokens.own`). The two share the screens and the server rules.
 */
export type TokenReach = 'any' | 'own';

const BASE: Record<TokenReach, string> = { any: '/api-tokens', own: '/me/api-tokens' };

/** Query keys per reach, so one screen's changes never show up as the other's cache. */
export const tokenQueryKeys = {
  any: { list: queryKeys.apiTokens, scopes: queryKeys.tokenScopes },
  own: { list: queryKeys.myApiTokens, scopes: queryKeys.myTokenScopes },
} as const;

export function listTokens(reach: TokenReach): Promise<ItemList<ApiToken>> {
  return apiRequest<ItemList<ApiToken>>(BASE[reach]);
}

/** The permissions a token acting as `userId` (default, and always for `own`: yourself) may be limited to. */
export function fetchTokenScopes(reach: TokenReach, userId?: number): Promise<{ groups: PermissionGroup[] }> {
  const query = reach === 'any' ? toQueryString({ userId }) : '';
  return apiRequest<{ groups: PermissionGroup[] }>(`${BASE[reach]}/scopes${query}`);
}

/** Creates a token; the secret in the answer is shown once and never again. */
export function createToken(reach: TokenReach, input: CreateTokenInput): Promise<{ id: number; token: string }> {
  return apiRequest<{ id: number; token: string }>(BASE[reach], { method: 'POST', body: input });
}

export function revokeToken(reach: TokenReach, id: number): Promise<void> {
  return apiRequest<void>(`${BASE[reach]}/${id}`, { method: 'DELETE' });
}
