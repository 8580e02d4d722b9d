import { Type } from 'typebox';

/** The error body every 4xx/5xx carries. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Array(Type.String())),
  }),
});

/** Standard error responses, merged into each route's `response`. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
};

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  organizationId: Type.Union([Type.Integer(), Type.Null()]),
  locale: Type.String(),
  active: Type.Boolean(),
  emailVerified: Type.Boolean(),
  createdAt: Type.String(),
});
