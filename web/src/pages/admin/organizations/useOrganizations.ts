import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/keys.ts';
import { getOrganization, organizationKeys } from '../../../api/organizations.ts';

export function useOrganization(id: number | null) {
  return useQuery({
    queryKey: organizationKeys.one(id ?? 0),
    queryFn: () => getOrganization(id ?? 0),
    enabled: id !== null,
  });
}

/**
 * After any organization change: refetch the organizations (lists, pickers, member lists), the
 * users (their organization changed) and the audit log that records the change.
 */
export function useOrganizationsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}
