import { apiRequest } from './client.ts';

// Customer organizations, for pickers (`user.directory`, `admin.users.manage` or `admin.sla.manage`).

/** A customer organization; `domain` is the e-mail domain its customers join it by. */
export interface Organization {
  id: number;
  name: string;
  domain: string | null;
}

export const organizationKeys = { all: ['organizations'] as const };

/** Every organization, sorted by name. */
export async function listOrganizations(): Promise<Organization[]> {
  return (await apiRequest<{ items: Organization[] }>('/organizations')).items;
}
