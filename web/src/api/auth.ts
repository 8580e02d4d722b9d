import type { Locale, TicketField } from '../../../common/domain.ts';
import type { Permission } from '../../../common/permissions.ts';
import { apiRequest, isApiError, setCsrfToken } from './client.ts';

export interface User {
  id: number;
  email: string;
  name: string;
  role: string;
  organizationId: number | null;
  locale: string;
  active: boolean;
  /** The address is confirmed (a mailed link was used) or was vouched for by an admin. */
  emailVerified: boolean;
  createdAt: string;
}

export interface Me {
  user: User;
  permissions: Permission[];
  /** Default access to ticket fields; absent = hidden. */
  fields?: Partial<Record<TicketField, 'read' | 'write'>>;
  csrfToken: string;
}

interface SessionResponse {
  user: User;
  csrfToken: string;
}

export interface RegisterInput {
  name: string;
  email: string;
  password: string;
  locale?: Locale;
}

export async function login(email: string, password: string): Promise<User> {
  const result = await apiRequest<SessionResponse>('/auth/login', { method: 'POST', body: { email, password } });
  setCsrfToken(result.csrfToken);
  return result.user;
}

/**
 * Registers a customer. The answer is the same (202 "check your mailbox", nobody signed in)
 * whether or not the address has an account: the mailbox gets either the link that confirms the
 * address and signs in, or a notice on how to sign in to the existing account.
 */
export async function register(input: RegisterInput): Promise<void> {
  await apiRequest<{ status: 'check_mailbox' }>('/auth/register', { method: 'POST', body: input });
}

export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

/** Asks for a password reset link; answers the same (202) whether or not the address is known. */
export function requestPasswordReset(email: string): Promise<void> {
  return apiRequest<void>('/auth/password-reset', { method: 'POST', body: { email } });
}

/**
 * Sets a new password with the token from the reset mail. A 400 names `token` (the link is
 * invalid or expired) or `password` (too short).
 */
export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return apiRequest<void>('/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
}

/**
 * Confirms an e-mail address with the token from the mailed link and the password chosen at
 * registration, and signs its owner in (the session cookie replaces any other in this browser;
 * the account's other sessions end). A 400 naming `token` means the link is unknown, used or
 * expired; naming `password`, that the password is wrong (the link stays usable).
 * `joinedOrganization`: the customer now sees their organization's shared requests.
 */
export async function confirmEmail(
  token: string,
  password: string,
): Promise<{ joinedOrganization: boolean; user: User }> {
  const result = await apiRequest<SessionResponse & { joinedOrganization: boolean }>(
    '/auth/email-confirmation/confirm',
    { method: 'POST', body: { token, password } },
  );
  setCsrfToken(result.csrfToken);
  return { joinedOrganization: result.joinedOrganization, user: result.user };
}

/** Mails the signed-in user a new confirmation link (202; nothing is sent once confirmed). */
export function resendEmailConfirmation(): Promise<void> {
  return apiRequest<void>('/auth/email-confirmation', { method: 'POST', body: {} });
}

/** The signed-in user with permissions, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function updateMe(input: { name?: string; locale?: Locale }): Promise<User> {
  const result = await apiRequest<{ user: User }>('/me', { method: 'PATCH', body: input });
  return result.user;
}
