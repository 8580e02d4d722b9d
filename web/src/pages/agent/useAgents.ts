import { useQuery } from '@tanstack/react-query';
import type { User } from '../../api/auth.ts';
import { queryKeys } from '../../api/keys.ts';
import { listUsers } from '../../api/users.ts';

// Staff who can own tickets: second-line engineers and first-line operators.
const OWNER_ROLES = ['engineer', 'operator'] as const;

/** Everyone a ticket may be assigned to, sorted by name. */
export function useAgents(enabled = true) {
  return useQuery({
    queryKey: queryKeys.userList({ role: OWNER_ROLES.join(','), limit: 200 }),
    queryFn: async (): Promise<User[]> => {
      const lists = await Promise.all(OWNER_ROLES.map((role) => listUsers({ role, limit: 200 })));
      const byId = new Map<number, User>();
      for (const user of lists.flatMap((list) => list.items)) if (user.active !== false) byId.set(user.id, user);
      return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}
