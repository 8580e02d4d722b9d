import { Type } from 'typebox';

export const FollowersSchema = Type.Object({
  following: Type.Boolean({ description: 'Whether the caller follows the ticket' }),
  watchers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() }), {
    description: 'Everyone following the ticket (agents only; empty for customers)',
  }),
  cc: Type.Array(Type.String(), { description: 'Customer CC addresses (agents and the requester only)' }),
  canManageWatchers: Type.Boolean({ description: 'May add and remove other agents' }),
  canManageCc: Type.Boolean(),
});

export const WatchBody = Type.Object({
  userId: Type.Optional(Type.Integer({ minimum: 1, description: 'Another agent (agents only); default: the caller' })),
});

export const WatchQuery = Type.Object({
  userId: Type.Optional(Type.Integer({ minimum: 1, description: 'Another agent (agents only); default: the caller' })),
});

export const CcBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254, description: 'A CC e-mail address' }),
});

export const CcQuery = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
});
