import { Type } from 'typebox';
import { Nullable } from '../shared.schemas.ts';

/** An active token as listed: never its secret or hash. `scopes: null` = all of the owner's permissions. */
export const TokenSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  userId: Type.Integer(),
  userName: Type.String(),
  scopes: Nullable(Type.Array(Type.String())),
  createdAt: Type.String(),
  /** Recorded at most once a minute per token. */
  lastUsedAt: Nullable(Type.String()),
  /** From this instant the token is refused like a revoked one; null = never. */
  expiresAt: Nullable(Type.String()),
  /** The expiry has passed: the token stays listed (to be revoked) but authenticates nothing. */
  expired: Type.Boolean(),
});

export const CreateTokenBody = Type.Object({
  /** Trimmed; blank is refused naming `name`. */
  name: Type.String({ minLength: 1, maxLength: 100 }),
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Permissions the token may use; omitted or null = everything the owner's role allows, now and later. */
  scopes: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 }))),
  /** When the token stops working: in the future, at most two years away; omitted or null = never. */
  expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
});

/** Creating one's own token: it always acts as the caller. */
export const CreateMyTokenBody = Type.Omit(CreateTokenBody, ['userId']);

export const ScopesQuery = Type.Object({ userId: Type.Optional(Type.Integer({ minimum: 1 })) });

/** The permissions a token for that owner may be given, grouped as the role checklist groups them. */
export const ScopeGroupsSchema = Type.Object({
  groups: Type.Array(Type.Object({ key: Type.String(), permissions: Type.Array(Type.String()) })),
});
