import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/keys.ts';
import { listRoles } from '../../api/users.ts';

export function useRoles() {
  return useQuery({ queryKey: queryKeys.roles, queryFn: async () => (await listRoles()).items, staleTime: 5 * 60_000 });
}
