import { PERMISSIONS, type Permission } from '../../common/permissions.ts';

/** How the permission checklist is grouped in the admin UI: areas first, then actions. */
export const PERMISSION_GROUPS: readonly { key: string; prefixes: readonly string[] }[] = [
  { key: 'areas', prefixes: ['menu.'] },
  { key: 'tickets', prefixes: ['ticket.'] },
  { key: 'people', prefixes: ['user.', 'api.'] },
  { key: 'administration', prefixes: ['admin.'] },
  { key: 'knowledge', prefixes: ['kb.', 'canned.'] },
];

/** The catalogue split into the groups above; every permission lands in exactly one group. */
export function groupedPermissions(): { key: string; permissions: Permission[] }[] {
  return PERMISSION_GROUPS.map((group) => ({
    key: group.key,
    permissions: PERMISSIONS.filter((p) => group.prefixes.some((prefix) => p.startsWith(prefix))),
  }));
}
