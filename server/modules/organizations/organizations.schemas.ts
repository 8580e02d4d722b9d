import { Type } from 'typebox';

const Name = Type.String({ minLength: 1, maxLength: 120 });
/** An e-mail domain (`example.com`); null or "" for none. The service checks the format. */
const Domain = Type.Union([Type.String({ maxLength: 253 }), Type.Null()]);

/** One organization in lists and answers. */
export const OrganizationSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  domain: Type.Union([Type.String(), Type.Null()]),
  /** Members see each other's tickets. */
  sharedTickets: Type.Boolean(),
  memberCount: Type.Integer(),
  createdAt: Type.String(),
});

const OrganizationMemberSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  email: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
});

export const OrganizationDetailSchema = Type.Intersect([
  OrganizationSchema,
  Type.Object({ members: Type.Array(OrganizationMemberSchema) }),
]);

export const CreateOrganizationBody = Type.Object({
  name: Name,
  domain: Type.Optional(Domain),
  sharedTickets: Type.Optional(Type.Boolean()),
});

export const ChangeOrganizationBody = Type.Object(
  { name: Type.Optional(Name), domain: Type.Optional(Domain), sharedTickets: Type.Optional(Type.Boolean()) },
  { minProperties: 1 },
);
