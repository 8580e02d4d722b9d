import type { Permission } from '../../../common/permissions.ts';
import { isPermission } from '../../../common/permissions.ts';
import { parseFieldRules } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { Db } from '../../db/kysely.ts';
import { findGroupIdsOfUser, findUserWithRoleById } from './auth.repo.ts';

/**
 * Loads the actor for a user id, with role permissions and field rules read fresh from the
 * database (so a role change takes effect on the next request). Inactive users get null.
 */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const row = await findUserWithRoleById(db, userId);
  if (row?.active !== 1) return null;
  const permissions = new Set<Permission>((JSON.parse(row.permissions) as string[]).filter(isPermission));
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roleKey: row.role_key,
    locale: row.locale,
    organizationId: row.organization_id,
    organizationSharesTickets: row.shared_tickets === 1,
    groupIds: await findGroupIdsOfUser(db, row.id),
    permissions,
    fieldRules: parseFieldRules(row.field_rules),
  };
}
