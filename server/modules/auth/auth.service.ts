import type { Actor } from '../../authz/policy.ts';
import { parseTokenScopes, tokenPermissions } from '../../authz/token-scopes.ts';
import type { AppContext, Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import { AppError } from '../../platform/errors.ts';
import type { UserView } from '../users/users.presenter.ts';
import { presentUser } from '../users/users.presenter.ts';
import { findUserById } from '../users/users.repo.ts';
import { normalizeEmail } from '../users/users.service.ts';
import { loadActor } from './actor.ts';
import {
  deleteSession,
  findActiveApiToken,
  findCredentialsByEmail,
  findSession,
  insertSession,
  touchApiToken,
} from './auth.repo.ts';
import { verifyPassword } from './password.ts';
import { hashToken, newSecret } from './tokens.ts';

/** A new session's secrets: the cookie's token (stored hashed) and its CSRF token. */
export interface SessionSecrets {
  token: string;
  csrfToken: string;
}

export interface SessionResult extends SessionSecrets {
  user: UserView;
}

// Verifying against a fixed hash for unknown e-mails keeps response times alike, so the
// login form does not reveal which addresses exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0FdS8T2Q9nVkYl0n6hOg0r6bJ8ZC8gqZ1m2m8v1b2sM';

/**
 * Opens a session for a user through `db`, the caller's transaction when the session belongs
 * with a change (a used confirmation link signs its owner in).
 */
export async function openSession(ctx: AppContext, db: Db['kysely'] | Trx, userId: number): Promise<SessionSecrets> {
  const token = newSecret();
  const csrfToken = newSecret();
  const now = ctx.clock.now();
  await insertSession(db, {
    token_hash: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString(),
  });
  return { token, csrfToken };
}

async function startSession(ctx: AppContext, userId: number): Promise<SessionResult> {
  const secrets = await openSession(ctx, ctx.db.kysely, userId);
  return { user: presentUser((await findUserById(ctx.db, userId))!), ...secrets };
}

/** Checks e-mail and password; on success opens a session. 401 otherwise (same for every cause). */
export async function login(ctx: AppContext, email: string, password: string): Promise<SessionResult> {
  const credentials = await findCredentialsByEmail(ctx.db, normalizeEmail(email));
  const ok = await verifyPassword(password, credentials?.password_hash ?? DUMMY_HASH);
  if (!credentials || !ok || credentials.active !== 1 || !credentials.password_hash) {
    throw new AppError(401, 'invalid_credentials', 'E-mail or password is wrong');
  }
  return startSession(ctx, credentials.id);
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, hashToken(token));
}

/** Resolves a session cookie to its actor and CSRF token, or null when invalid or expired. */
export async function actorFromSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const session = await findSession(ctx.db, hashToken(token), ctx.clock.now().toISOString());
  if (!session) return null;
  const actor = await loadActor(ctx.db, session.user_id);
  return actor ? { actor, csrfToken: session.csrf_token } : null;
}

// Last use is recorded at most once a minute per token, so a busy integration's reads do not
// each become a write as well.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a bearer API token to its actor, or null when unknown, revoked or expired. The
 * actor's permissions are its owner's current role permissions narrowed to the token's scopes;
 * field rules stay the role's.
 */
export async function actorFromApiToken(ctx: AppContext, token: string): Promise<Actor | null> {
  const now = ctx.clock.now();
  const row = await findActiveApiToken(ctx.db, hashToken(token), now.toISOString());
  if (!row) return null;
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  if (row.last_used_at === null || row.last_used_at < staleBefore) {
    await touchApiToken(ctx.db, row.id, now.toISOString(), staleBefore);
  }
  const actor = await loadActor(ctx.db, row.user_id);
  const scopes = parseTokenScopes(row.scopes);
  if (!actor || scopes === null) return actor;
  return { ...actor, permissions: tokenPermissions(actor.permissions, scopes), tokenScopes: new Set(scopes) };
}
