import { isPermission, type Permission } from '../../common/permissions.ts';

/**
 * Reads an API token's stored scopes (ADR 0024). Null means "everything the owner's role
 * allows". Names no longer in the catalogue are dropped, so they grant nothing.
 */
export function parseTokenScopes(stored: string | null): Permission[] | null {
  if (stored === null) return null;
  return (JSON.parse(stored) as string[]).filter(isPermission);
}

/**
 * What a request with a token may do: the owner's current role permissions narrowed to the
 * token's scopes. Reading the role each time means a later role downgrade narrows every token.
 */
export function tokenPermissions(
  rolePermissions: ReadonlySet<Permission>,
  scopes: readonly Permission[] | null,
): Set<Permission> {
  if (scopes === null) return new Set(rolePermissions);
  return new Set(scopes.filter((p) => rolePermissions.has(p)));
}
