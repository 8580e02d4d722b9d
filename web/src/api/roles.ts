import type { FieldAccess, TicketField, TicketStatus, TicketType } from '../../../common/domain.ts';
import { apiRequest, type ItemList, type Page, toQueryString } from './client.ts';
import type { PersonRef } from './tickets.ts';

/**
 * A field governed by field rules: a ticket field, or a custom field (`cf.<key>`) on servers
 * that have them. Kept as a string so rules for fields this build does not know survive a save.
 */
export type RuleField = TicketField | (string & {});

/** One exception to a field's default access, for tickets of some types and/or statuses. */
export interface FieldOverride {
  field: RuleField;
  access: FieldAccess;
  types?: TicketType[];
  statuses?: TicketStatus[];
}

export interface FieldRules {
  default: Partial<Record<RuleField, FieldAccess>>;
  overrides: FieldOverride[];
}

/** A role as administrators manage it (`GET /roles` with `admin.roles.manage`). */
export interface RoleDetail {
  id: number;
  key: string;
  name: string;
  permissions: string[];
  fieldRules: FieldRules;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface PermissionGroup {
  key: string;
  permissions: string[];
}

export interface CreateRoleInput {
  name: string;
  key?: string;
  permissions?: string[];
  fieldRules?: FieldRules;
  copyFromId?: number;
}

export interface UpdateRoleInput {
  name?: string;
  permissions?: string[];
  fieldRules?: FieldRules;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actor: PersonRef | string | null;
  entity: string;
  entityId: number | string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditListParams {
  entity?: string;
  limit?: number;
  cursor?: string | null;
}

/**
 * Field rules as sent by the server. Older servers stored a flat `{field: access}` map; read
 * that as the defaults without overrides so the editor works against either shape.
 */
export function normalizeFieldRules(raw: unknown): FieldRules {
  if (raw && typeof raw === 'object' && 'default' in raw) {
    const rules = raw as Partial<FieldRules>;
    return { default: { ...rules.default }, overrides: [...(rules.overrides ?? [])] };
  }
  return { default: { ...(raw as FieldRules['default'] | null) }, overrides: [] };
}

function normalizeRole(role: RoleDetail): RoleDetail {
  return { ...role, fieldRules: normalizeFieldRules(role.fieldRules) };
}

export async function listRoleDetails(): Promise<RoleDetail[]> {
  const result = await apiRequest<ItemList<RoleDetail>>('/roles');
  return result.items.map(normalizeRole);
}

export function createRole(input: CreateRoleInput): Promise<RoleDetail> {
  return apiRequest<RoleDetail>('/roles', { method: 'POST', body: input }).then(normalizeRole);
}

export function updateRole(id: number, input: UpdateRoleInput): Promise<RoleDetail> {
  return apiRequest<RoleDetail>(`/roles/${id}`, { method: 'PATCH', body: input }).then(normalizeRole);
}

export function deleteRole(id: number): Promise<void> {
  return apiRequest<void>(`/roles/${id}`, { method: 'DELETE' });
}

export function fetchPermissionGroups(): Promise<{ groups: PermissionGroup[] }> {
  return apiRequest<{ groups: PermissionGroup[] }>('/permissions');
}

export function listAudit(params: AuditListParams, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiRequest<Page<AuditEntry>>(`/audit${toQueryString({ ...params })}`, { signal });
}
