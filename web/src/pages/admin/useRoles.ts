import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/keys.ts';
import {
  fetchPermissionGroups,
  listAudit,
  listRoleDetails,
  type RoleDetail,
  type UpdateRoleInput,
  updateRole,
} from '../../api/roles.ts';
import { listRoles } from '../../api/users.ts';
import i18n from '../../i18n/index.ts';

export const AUDIT_PAGE_SIZE = 25;

export function useRoles() {
  return useQuery({ queryKey: queryKeys.roles, queryFn: async () => (await listRoles()).items, staleTime: 5 * 60_000 });
}

/** Roles with their rules and user counts, for the role administration screens. */
export function useRoleDetails() {
  return useQuery({ queryKey: queryKeys.roleDetails, queryFn: listRoleDetails });
}

/** Saves part of a role and puts the server's answer straight into the cached list. */
export function useUpdateRole(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRoleInput) => updateRole(id, input),
    onSuccess: (role) => {
      queryClient.setQueryData<RoleDetail[]>(queryKeys.roleDetails, (old) =>
        old?.map((item) => (item.id === role.id ? role : item)),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.roles });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      // Editing one's own role changes what the menus may show.
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
}

export function usePermissionGroups() {
  return useQuery({
    queryKey: queryKeys.permissionGroups,
    queryFn: async () => (await fetchPermissionGroups()).groups,
    staleTime: 10 * 60_000,
  });
}

export function useAuditLog(entity?: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit({ entity }),
    queryFn: ({ pageParam, signal }) => listAudit({ entity, limit: AUDIT_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The name to show for a role. Seeded roles keep their English seed name until an admin renames
 * them; while they do, the translated name (`role.<key>`) is shown instead.
 */
export function roleLabel(role: Pick<RoleDetail, 'key' | 'name'>): string {
  const seeded = i18n.getFixedT('en')(`role.${role.key}`, { defaultValue: '' });
  return seeded && seeded === role.name ? i18n.t(`role.${role.key}`) : role.name;
}
