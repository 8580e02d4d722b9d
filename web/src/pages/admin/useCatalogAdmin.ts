import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../api/auth.ts';
import { type CatalogGroup, fetchGroupMembers } from '../../api/catalog.ts';
import { isApiError } from '../../api/client.ts';
import { queryKeys } from '../../api/keys.ts';
import { listUsers } from '../../api/users.ts';

// Roles whose users work tickets and so may belong to a support group.
const STAFF_ROLES = ['operator', 'engineer', 'manager', 'admin'];
const STAFF_PARAMS = { role: STAFF_ROLES, limit: 200 };

/**
 * After any catalogue change: refetch `/catalog` (the ticket forms read it), the member lists
 * kept under it, and the audit log that records the change.
 */
export function useCatalogChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.catalog });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

/** Active staff users, sorted by name: the people a group can have as members. */
export function useStaffUsers(enabled = true) {
  return useQuery({
    queryKey: queryKeys.userList(STAFF_PARAMS),
    queryFn: async (): Promise<User[]> => {
      const { items } = await listUsers(STAFF_PARAMS);
      return items.filter((user) => user.active !== false).sort((a, b) => a.name.localeCompare(b.name));
    },
    enabled,
  });
}

export function useGroupMembers(groupId: number | null) {
  return useQuery({
    queryKey: queryKeys.groupMembers(groupId ?? 0),
    queryFn: async () => (await fetchGroupMembers(groupId ?? 0)).userIds,
    enabled: groupId !== null,
  });
}

/** How many members each group has, by group id (absent while loading). */
export function useMemberCounts(groups: CatalogGroup[]): Map<number, number> {
  const results = useQueries({
    queries: groups.map((group) => ({
      queryKey: queryKeys.groupMembers(group.id),
      queryFn: async () => (await fetchGroupMembers(group.id)).userIds,
    })),
  });
  const counts = new Map<number, number>();
  results.forEach((result, index) => {
    const group = groups[index];
    if (group && result.data) counts.set(group.id, result.data.length);
  });
  return counts;
}

/** True for the server's refusal to delete an entry that tickets or services still use. */
export function isInUse(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'in_use';
}

/** True when a 400 names the given input field (e.g. `parentId`, `memberIds`). */
export function isFieldError(error: unknown, field: string): boolean {
  return isApiError(error) && error.status === 400 && error.fields.includes(field);
}
