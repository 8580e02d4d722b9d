import { isPermission, type Permission } from '../../../common/permissions.ts';
import { groupedPermissions } from '../../authz/permission-groups.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import { parseTokenScopes } from '../../authz/token-scopes.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { requireName } from '../../platform/input.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { loadActor } from '../auth/actor.ts';
import { hashToken, newSecret } from '../auth/tokens.ts';
import { findActiveToken, insertToken, listActiveTokens, revokeToken } from './tokens.repo.ts';

export interface TokenView {
  id: number;
  name: string;
  userId: number;
  userName: string;
  scopes: Permission[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  /** From this instant the token is refused; null = never. */
  expiresAt: string | null;
  /** True once `expiresAt` has passed: the token is listed (to be revoked) but refused. */
  expired: boolean;
}

/** The longest a token may be made to last; a token meant to last forever has no expiry. */
const MAX_TOKEN_LIFETIME_DAYS = 730;
const DAY_MS = 86_400_000;

/**
 * Whose tokens a caller manages: every user's (token administration, `/api-tokens`) or only
 * tokens acting as themselves (`/me/api-tokens`). Both go through the same rules below.
 */
export type TokenReach = 'any' | 'own';

const PERMISSION_FOR: Record<TokenReach, Permission> = { any: 'admin.tokens.manage', own: 'api.tokens.own' };

/** The user whose tokens an `own` call is limited to; undefined = any user. */
const ownerFilter = (actor: Actor, reach: TokenReach) => (reach === 'own' ? actor.id : undefined);

export interface CreateTokenInput {
  name: string;
  userId?: number;
  scopes?: string[] | null;
  /** ISO date-time in the future, at most MAX_TOKEN_LIFETIME_DAYS away; omitted or null = never. */
  expiresAt?: string | null;
}

/** Active tokens: of every user (token administration) or of the caller only. */
export async function listTokens(ctx: AppContext, actor: Actor, reach: TokenReach): Promise<TokenView[]> {
  authorize(actor, PERMISSION_FOR[reach]);
  const now = ctx.clock.now().getTime();
  return (await listActiveTokens(ctx.db.kysely, ownerFilter(actor, reach))).map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    userName: r.user_name,
    scopes: parseTokenScopes(r.scopes),
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    expired: r.expires_at !== null && Date.parse(r.expires_at) <= now,
  }));
}

async function loadOwner(ctx: AppContext, actor: Actor, userId: number | undefined): Promise<Actor> {
  const owner = userId === undefined || userId === actor.id ? actor : await loadActor(ctx.db, userId);
  if (!owner) throw badRequest('The token must act as an active user', ['userId']);
  return owner;
}

/**
 * What a token for `owner` may carry: the owner's role permissions. A caller who came with a
 * scoped token cannot hand out more than its own scopes: that would turn a narrow token into a
 * wide one. (When the owner is that caller, its permissions are already narrowed.)
 */
function grantable(actor: Actor, owner: Actor): Set<Permission> {
  const all = new Set(owner.permissions);
  if (actor.tokenScopes) for (const p of all) if (!actor.permissions.has(p)) all.delete(p);
  return all;
}

/** The scopes a token acting as `userId` (default: the caller) may carry, grouped for a picker. */
export async function grantableScopes(
  ctx: AppContext,
  actor: Actor,
  userId: number | undefined,
  reach: TokenReach,
): Promise<{ key: string; permissions: Permission[] }[]> {
  authorize(actor, PERMISSION_FOR[reach]);
  const allowed = grantable(actor, await loadOwner(ctx, actor, reach === 'own' ? undefined : userId));
  return groupedPermissions()
    .map((g) => ({ key: g.key, permissions: g.permissions.filter((p) => allowed.has(p)) }))
    .filter((g) => g.permissions.length > 0);
}

/** Checks the requested scopes; returns what to store (null = all of the owner's permissions). */
function checkScopes(actor: Actor, requested: string[] | null | undefined, allowed: Set<Permission>): string | null {
  if (requested === undefined || requested === null) {
    if (actor.tokenScopes) throw forbidden('A scoped token may only create tokens with scopes of its own');
    return null;
  }
  const scopes = [...new Set(requested)].sort();
  if (scopes.length === 0) throw badRequest('Choose at least one scope', ['scopes']);
  const unknown = scopes.filter((s) => !isPermission(s));
  if (unknown.length > 0) throw badRequest(`Unknown scopes: ${unknown.join(', ')}`, ['scopes']);
  const beyond = scopes.filter((s) => !allowed.has(s as Permission));
  if (beyond.length > 0) {
    if (actor.tokenScopes) throw forbidden(`This token may not grant: ${beyond.join(', ')}`);
    throw badRequest(`The token's user does not have: ${beyond.join(', ')}`, ['scopes']);
  }
  return JSON.stringify(scopes);
}

/** Checks a requested expiry; returns what to store (null = never). */
function checkExpiry(expiresAt: string | null | undefined, now: Date): string | null {
  if (expiresAt === undefined || expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) throw badRequest('expiresAt must be a date-time', ['expiresAt']);
  if (at <= now.getTime()) throw badRequest('The expiry must be in the future', ['expiresAt']);
  if (at > now.getTime() + MAX_TOKEN_LIFETIME_DAYS * DAY_MS) {
    throw badRequest(`A token may last at most ${MAX_TOKEN_LIFETIME_DAYS} days`, ['expiresAt']);
  }
  return new Date(at).toISOString();
}

/**
 * What the audit log keeps of a token: who it acts as, what it may do, until when. Never its
 * secret or hash.
 */
const auditSnapshot = (t: {
  name: string;
  user_id: number;
  user_name: string;
  scopes: string | null;
  expires_at: string | null;
}) => ({
  name: t.name,
  userId: t.user_id,
  userName: t.user_name,
  scopes: parseTokenScopes(t.scopes),
  expiresAt: t.expires_at,
});

/**
 * Creates a token acting as a user (default, and always for `own`: the caller); the secret is
 * returned once, stored hashed.
 */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor,
  input: CreateTokenInput,
  reach: TokenReach,
): Promise<{ id: number; token: string }> {
  authorize(actor, PERMISSION_FOR[reach]);
  const name = requireName(input.name)!;
  const owner = await loadOwner(ctx, actor, reach === 'own' ? undefined : input.userId);
  const scopes = checkScopes(actor, input.scopes, grantable(actor, owner));
  const now = ctx.clock.now();
  const expiresAt = checkExpiry(input.expiresAt, now);
  const at = now.toISOString();
  const token = newSecret('fd_');
  const id = await inTransaction(ctx, async (trx) => {
    const id = await insertToken(trx, {
      name,
      token_hash: hashToken(token),
      user_id: owner.id,
      created_by: actor.id,
      created_at: at,
      scopes,
      expires_at: expiresAt,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'api_token',
      entityId: id,
      action: 'create',
      before: undefined,
      after: auditSnapshot({ name, user_id: owner.id, user_name: owner.name, scopes, expires_at: expiresAt }),
      at,
    });
    return id;
  });
  return { id, token };
}

/**
 * Revokes an active token; 404 when there is none with that id, or (for `own`) it acts as
 * someone else: another user's token is not even confirmed to exist.
 */
export async function revokeApiToken(ctx: AppContext, actor: Actor, id: number, reach: TokenReach): Promise<void> {
  authorize(actor, PERMISSION_FOR[reach]);
  const at = ctx.clock.now().toISOString();
  const owner = ownerFilter(actor, reach);
  await inTransaction(ctx, async (trx) => {
    const row = await findActiveToken(trx, id, owner);
    // The update re-checks "not revoked": of two revocations at once, one wins and is audited.
    if (!row || !(await revokeToken(trx, id, at, owner))) throw notFound('Token');
    const before = auditSnapshot(row);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'api_token',
      entityId: id,
      action: 'revoke',
      before,
      after: { ...before, revokedAt: at },
      at,
    });
  });
}
