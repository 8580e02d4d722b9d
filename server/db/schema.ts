import type { Generated } from 'kysely';

/**
 * Table types. Timestamps are ISO-8601 UTC strings on both databases (the PostgreSQL
 * driver is configured to return them that way); flags are 0/1 integers on both, so the
 * domain sees one shape whichever engine runs underneath.
 */
export interface Database {
  organizations: OrganizationTable;
  roles: RoleTable;
  users: UserTable;
  support_groups: SupportGroupTable;
  group_members: GroupMemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  categories: CategoryTable;
  services: ServiceTable;
  tickets: TicketTable;
  ticket_messages: TicketMessageTable;
  attachments: AttachmentTable;
  ticket_history: TicketHistoryTable;
  outbox: OutboxTable;
  settings: SettingTable;
  counters: CounterTable;
  schedule_leases: ScheduleLeaseTable;
  audit_log: AuditLogTable;
  custom_fields: CustomFieldTable;
  ticket_field_values: TicketFieldValueTable;
}

export interface OrganizationTable {
  id: Generated<number>;
  name: string;
  domain: string | null;
  shared_tickets: number;
  created_at: string;
}

export interface RoleTable {
  id: Generated<number>;
  key: string;
  name: string;
  /** JSON array of permission names. */
  permissions: string;
  /** JSON object: ticket field -> hidden | read | write. */
  field_rules: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  role_id: number;
  organization_id: number | null;
  locale: string;
  active: number;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupportGroupTable {
  id: Generated<number>;
  name: string;
  tier: number;
  created_at: string;
}

export interface GroupMemberTable {
  group_id: number;
  user_id: number;
}

export interface SessionTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  user_id: number;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface CategoryTable {
  id: Generated<number>;
  name: string;
  parent_id: number | null;
  created_at: string;
}

export interface ServiceTable {
  id: Generated<number>;
  name: string;
  description: string;
  group_id: number | null;
  created_at: string;
}

export interface TicketTable {
  id: Generated<number>;
  number: number;
  subject: string;
  status: string;
  priority: string;
  type: string;
  channel: string;
  requester_id: number;
  owner_id: number | null;
  group_id: number | null;
  category_id: number | null;
  service_id: number | null;
  organization_id: number | null;
  solution: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  closed_at: string | null;
  first_response_at: string | null;
}

export interface TicketMessageTable {
  id: Generated<number>;
  ticket_id: number;
  author_id: number;
  kind: string;
  visibility: string;
  body_html: string;
  body_text: string;
  created_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  ticket_id: number | null;
  message_id: number | null;
  uploader_id: number;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface TicketHistoryTable {
  id: Generated<number>;
  ticket_id: number;
  actor_id: number | null;
  field: string;
  old_value: string | null;
  new_value: string | null;
  created_at: string;
}

/** Events and jobs written in the same transaction as the change they describe. */
export interface OutboxTable {
  id: Generated<number>;
  type: string;
  payload: string;
  status: string;
  attempts: number;
  run_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface ScheduleLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
  last_run_at: string | null;
}

/** Who changed which configuration, when, from what to what (JSON snapshots). */
export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before: string | null;
  after: string | null;
  created_at: string;
}

/** A custom ticket field's definition. JSON columns: labels/help per locale, options, requirement lists. */
export interface CustomFieldTable {
  id: Generated<number>;
  key: string;
  type: string;
  labels: string;
  help: string;
  options: string;
  required_types: string;
  required_statuses: string;
  default_value: string | null;
  portal_visible: number;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

/** One value of a custom field on a ticket (several rows for a multi-select). */
export interface TicketFieldValueTable {
  ticket_id: number;
  field_id: number;
  position: number;
  value_text: string | null;
  value_number: number | null;
}
