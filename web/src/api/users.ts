import type { User } from './auth.ts';
import { apiRequest, type ItemList, toQueryString } from './client.ts';

export interface Role {
  key: string;
  name: string;
  permissions: string[];
}

export interface UserListParams {
  q?: string;
  /** One role key, or several (`role=a&role=b`). */
  role?: string | string[];
  /** Only active agents (roles with `menu.agent`). */
  agents?: boolean;
  limit?: number;
}

export interface CreateUserInput {
  name: string;
  email: string;
  role: string;
  password: string;
  locale?: string;
}

export interface UpdateUserInput {
  name?: string;
  role?: string;
  active?: boolean;
  locale?: string;
  /** The customer organization; null takes the user out of theirs. */
  organizationId?: number | null;
}

export function listUsers(params: UserListParams = {}): Promise<ItemList<User>> {
  return apiRequest<ItemList<User>>(`/users${toQueryString({ ...params })}`);
}

export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest<User | { user: User }>('/users', { method: 'POST', body: input }).then(unwrapUser);
}

export function updateUser(id: number, input: UpdateUserInput): Promise<User> {
  return apiRequest<User | { user: User }>(`/users/${id}`, { method: 'PATCH', body: input }).then(unwrapUser);
}

export function resetPassword(id: number): Promise<{ temporaryPassword: string }> {
  return apiRequest<{ temporaryPassword: string }>(`/users/${id}/reset-password`, { method: 'POST', body: {} });
}

export function listRoles(): Promise<ItemList<Role>> {
  return apiRequest<ItemList<Role>>('/roles');
}

// The contract does not say whether user writes answer `user` or `{user}`; accept both.
function unwrapUser(result: User | { user: User }): User {
  return 'user' in result ? result.user : result;
}
