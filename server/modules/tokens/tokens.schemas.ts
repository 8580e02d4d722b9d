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
  lastUsedAt: Nullable(Type.String()),
});

export const CreateTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  userId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Permissions the token may use; omitted or null = everything the owner's role allows, now and later. */
  scopes: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 }))),
});

/** Creating one's own token: it always acts as the caller. */
export const CreateMyTokenBody = Type.Omit(CreateTokenBody, ['userId']);

export const ScopesQuery = Type.Object({ userId: Type.Optional(Type.Integer({ minimum: 1 })) });

/** The permissions a token for that owner may be given, grouped as the role checklist groups them. */
export const ScopeGroupsSchema = Type.Object({
  groups: Type.Array(Type.Object({ key: Type.String(), permissions: Type.Array(Type.String()) })),
});
