import type { UserRow } from './users.repo.ts';

/** The public shape of a user (never the password hash). */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: string;
  organizationId: number | null;
  locale: string;
  active: boolean;
  /** The address is proven (a mailed link was used) or was vouched for by whoever created the user. */
  emailVerified: boolean;
  createdAt: string;
}

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role_key,
    organizationId: row.organization_id,
    locale: row.locale,
    active: row.active === 1,
    emailVerified: row.email_verified_at !== null,
    createdAt: row.created_at,
  };
}
