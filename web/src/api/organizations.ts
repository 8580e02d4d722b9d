import { apiRequest } from './client.ts';
import { updateUser } from './users.ts';

// Customer organizations: the list for pickers (`user.directory`, `admin.users.manage` or
// `admin.sla.manage`) and their administration (`admin.users.manage`).

/** A customer organization; `domain` is the e-mail domain its customers join it by. */
export interface Organization {
  id: number;
  name: string;
  domain: string | null;
  /** Members see each other's tickets. */
  sharedTickets: boolean;
  memberCount: number;
  createdAt: string;
}

export interface OrganizationMember {
  id: number;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

export interface OrganizationDetail extends Organization {
  members: OrganizationMember[];
}

export interface OrganizationInput {
  name: string;
  domain: string | null;
  sharedTickets: boolean;
}

export const organizationKeys = {
  all: ['organizations'] as const,
  one: (id: number) => ['organizations', id] as const,
};

/** Every organization, sorted by name. */
export async function listOrganizations(): Promise<Organization[]> {
  return (await apiRequest<{ items: Organization[] }>('/organizations')).items;
}

export function getOrganization(id: number): Promise<OrganizationDetail> {
  return apiRequest<OrganizationDetail>(`/organizations/${id}`);
}

export function createOrganization(input: OrganizationInput): Promise<Organization> {
  return apiRequest<Organization>('/organizations', { method: 'POST', body: input });
}

export function updateOrganization(id: number, input: Partial<OrganizationInput>): Promise<Organization> {
  return apiRequest<Organization>(`/organizations/${id}`, { method: 'PATCH', body: input });
}

export function deleteOrganization(id: number): Promise<void> {
  return apiRequest<void>(`/organizations/${id}`, { method: 'DELETE' });
}

/** Puts a user into an organization, or (null) takes them out: the user's own setting. */
export async function setUserOrganization(userId: number, organizationId: number | null): Promise<void> {
  await updateUser(userId, { organizationId });
}
