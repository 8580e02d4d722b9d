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
  calendars: CalendarTable;
  sla_policies: SlaPolicyTable;
  contracts: ContractTable;
  vendors: VendorTable;
  vendor_contacts: VendorContactTable;
  ticket_statuses: TicketStatusTable;
  ticket_types: TicketTypeTable;
  workflow_transitions: WorkflowTransitionTable;
  mail_accounts: MailAccountTable;
  mail_receipts: MailReceiptTable;
  mail_receipt_bodies: MailReceiptBodyTable;
  mail_threads: MailThreadTable;
  mail_outbound: MailOutboundTable;
  mail_address_status: MailAddressStatusTable;
  ticket_links: TicketLinkTable;
  ticket_cc: TicketCcTable;
  password_resets: PasswordResetTable;
  notification_rules: NotificationRuleTable;
  notifications: NotificationTable;
  ticket_watchers: TicketWatcherTable;
  kb_categories: KbCategoryTable;
  kb_articles: KbArticleTable;
  kb_article_organizations: KbArticleOrganizationTable;
  kb_article_audiences: KbArticleAudienceTable;
  kb_article_tags: KbArticleTagTable;
  kb_article_translations: KbArticleTranslationTable;
  kb_article_versions: KbArticleVersionTable;
  kb_article_files: KbArticleFileTable;
  kb_feedback: KbFeedbackTable;
  kb_deflections: KbDeflectionTable;
  canned_responses: CannedResponseTable;
  search_documents: SearchDocumentTable;
  /** SQLite only: the contentless FTS5 index over our terms (rowid = search_documents.id). */
  search_fts: SearchFtsTable;
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
  /** When the address was proven by a used mailed link, or vouched for by whoever created the user. */
  email_verified_at: string | null;
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
  /** JSON array of permission names; null = everything the owner's role allows (ADR 0024). */
  scopes: string | null;
  /** From this instant the token is refused like a revoked one; null = never (migration 0020). */
  expires_at: string | null;
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
  /** The SLA policy found for the ticket (contract or default) and the contract it came from. */
  sla_policy_id: number | null;
  contract_id: number | null;
  /** SLA snapshot written by every change and by the periodic check (see sla.service.ts). */
  response_due_at: string | null;
  response_warn_at: string | null;
  response_sla_state: string | null;
  resolution_due_at: string | null;
  resolution_warn_at: string | null;
  resolution_sla_state: string | null;
  /** Business minutes left on the resolution clock when it was last computed (shown while paused). */
  resolution_remaining_minutes: number | null;
  /** The next instant at which a warning, breach or vendor reminder falls due; null when none. */
  sla_next_check_at: string | null;
  /** The earliest pending SLA deadline (first response, else resolution); NO_DUE_DATE when none. Queue sort key. */
  due_at: Generated<string>;
  /** Bit set of SLA events already emitted (see SLA_NOTICE in sla.service.ts). */
  sla_notified: Generated<number>;
  /** When the ticket first left the first line (KPI "time to second line"). */
  second_line_at: string | null;
  vendor_id: number | null;
  vendor_reference: string | null;
  vendor_escalated_at: string | null;
  vendor_due_at: string | null;
  vendor_remind_at: string | null;
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
  /** Quoted history and signature cut from an inbound mail (sanitized HTML), kept for "show quoted text". */
  quoted_html: Generated<string | null>;
  /** The From address of an inbound mail. */
  sender_email: Generated<string | null>;
  /** The mail receipt this message came from. */
  receipt_id: Generated<number | null>;
  /** 1 when a mail carried this ticket's tag but came from someone not on the ticket. */
  unverified_sender: Generated<number>;
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

/** A business calendar: weekly working intervals (JSON by weekday), holidays (JSON), IANA zone. */
export interface CalendarTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  week: string;
  holidays: string;
  created_at: string;
  updated_at: string;
}

/** An SLA policy: targets per priority (JSON: priority -> {firstResponse, resolution} minutes). */
export interface SlaPolicyTable {
  id: Generated<number>;
  name: string;
  calendar_id: number;
  targets: string;
  warn_at_percent: number;
  is_default: number;
  created_at: string;
  updated_at: string;
}

/** A contract of an organization or a single customer, for one service or all, with its SLA. */
export interface ContractTable {
  id: Generated<number>;
  name: string;
  organization_id: number | null;
  customer_id: number | null;
  service_id: number | null;
  sla_policy_id: number;
  /** Calendar dates 'YYYY-MM-DD', inclusive; valid_to null = open-ended. */
  valid_from: string;
  valid_to: string | null;
  created_at: string;
  updated_at: string;
}

/** An outside organization tickets can be escalated to, with its own SLA (underpinning contract). */
export interface VendorTable {
  id: Generated<number>;
  name: string;
  kind: string;
  email: string | null;
  phone: string | null;
  notes: string;
  sla_policy_id: number | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface VendorContactTable {
  id: Generated<number>;
  vendor_id: number;
  name: string;
  email: string | null;
  phone: string | null;
  position: number;
}

/** An admin-defined status. `names` is JSON: locale -> name. */
export interface TicketStatusTable {
  key: string;
  names: string;
  category: string;
  pause_sla: number;
  active: number;
  system: number;
  position: number;
}

export interface TicketTypeTable {
  key: string;
  names: string;
  active: number;
  system: number;
  position: number;
}

/** One allowed move; `ticket_type` null = the default set. JSON columns: role keys, requirements. */
export interface WorkflowTransitionTable {
  id: Generated<number>;
  ticket_type: string | null;
  from_status: string;
  to_status: string;
  by_actor: string;
  roles: string;
  requires: string;
  position: number;
}

/** An inbound mailbox: IMAP (polled) or `inbound` (fed by the SMTP listener or the pipe command). */
export interface MailAccountTable {
  id: Generated<number>;
  name: string;
  kind: string;
  /** The address customers write to; maps SMTP recipients to this account. */
  address: string | null;
  host: string | null;
  port: number | null;
  /** implicit (TLS from the first byte, port 993) | starttls | none (local test servers only). */
  tls: string;
  allow_self_signed: number;
  username: string | null;
  /** AES-256-GCM with the instance secret (see platform/secret.ts). */
  password_enc: string | null;
  folder: string;
  after_import: string;
  move_to: string | null;
  group_id: number | null;
  category_id: number | null;
  service_id: number | null;
  active: number;
  last_polled_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One inbound message exactly as received, stored before the source is acknowledged. */
export interface MailReceiptTable {
  id: Generated<number>;
  account_id: number | null;
  source: string;
  source_ref: string | null;
  /** `mid:<Message-ID>` or `sha:<hash>` when there is none: the same message is stored once. */
  dedupe_key: string;
  message_id: string | null;
  raw_sha256: string;
  size: number;
  /** pending | processed | ignored | failed */
  status: string;
  outcome: string | null;
  error: string | null;
  attempts: number;
  from_address: string | null;
  subject: string | null;
  ticket_id: number | null;
  received_at: string;
  processed_at: string | null;
  /** When the raw bytes (mail_receipt_bodies) were removed by the retention job; null = kept. */
  raw_removed_at: string | null;
}

/** The raw bytes of a receipt, exactly as received. */
export interface MailReceiptBodyTable {
  receipt_id: number;
  raw: Uint8Array;
}

/** A Message-ID of a ticket's thread, inbound or sent by us. */
export interface MailThreadTable {
  id: Generated<number>;
  message_id: string;
  ticket_id: number;
  direction: string;
  created_at: string;
}

/** An outgoing mail, composed after commit and delivered by a job (or kept in the dev mailbox). */
export interface MailOutboundTable {
  id: Generated<number>;
  ticket_id: number | null;
  ticket_message_id: number | null;
  dedupe_key: string;
  template: string;
  to_address: string;
  cc: string;
  subject: string;
  message_id: string;
  in_reply_to: string | null;
  thread_references: string | null;
  body_html: string;
  body_text: string;
  attachment_ids: string;
  automatic: number;
  /** queued | sent | failed | dev | suppressed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MailAddressStatusTable {
  email: string;
  bouncing: number;
  reason: string | null;
  last_bounce_at: string | null;
  bounce_count: number;
}

export interface TicketLinkTable {
  ticket_id: number;
  linked_ticket_id: number;
  kind: string;
  created_at: string;
}

export interface TicketCcTable {
  ticket_id: number;
  email: string;
  created_at: string;
}

export interface PasswordResetTable {
  id: Generated<number>;
  user_id: number;
  /** `reset` (sets a password) or `confirm_email` (proves the address); see ADR 0025. */
  purpose: Generated<string>;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A notification cascade rule; level and scope columns as in cascade.model.ts. Booleans are 0/1. */
export interface NotificationRuleTable {
  id: Generated<number>;
  level: string;
  ticket_type: string | null;
  service_id: number | null;
  user_id: number | null;
  event: string;
  category_id: number | null;
  status_to: string | null;
  recipient_role: string;
  channel: string;
  enabled: number;
  user_overridable: number;
  created_at: string;
  updated_at: string;
}

/** One in-app notification of one person (the inbox). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** Catalogue event key (common/notifications.ts). */
  event: string;
  ticket_id: number | null;
  actor_id: number | null;
  /** JSON object of the values the localized one-line text needs (e.g. the target status). */
  params: string;
  /** Outbox event + person + channel: a re-run handler inserts nothing twice. */
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

/** A person following a ticket (role "watchers" of the notification cascade). */
export interface TicketWatcherTable {
  ticket_id: number;
  user_id: number;
  created_at: string;
}
/** A knowledge-base category; nested through parent_id. visibility: public | customers | staff. */
export interface KbCategoryTable {
  id: Generated<number>;
  parent_id: number | null;
  position: number;
  slug: string;
  name: string;
  visibility: string;
  created_at: string;
  updated_at: string;
}

/** A knowledge-base article. status: draft | published | archived; visibility: public | customers | staff | restricted. */
export interface KbArticleTable {
  id: Generated<number>;
  category_id: number | null;
  status: string;
  visibility: string;
  source_ticket_id: number | null;
  helpful_yes: number;
  helpful_no: number;
  author_id: number;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** Organizations a `customers` article is limited to (none = every customer). */
export interface KbArticleOrganizationTable {
  article_id: number;
  organization_id: number;
}

/** Roles (kind `role`) and support groups (kind `group`) a `restricted` article is shown to. */
export interface KbArticleAudienceTable {
  article_id: number;
  kind: string;
  ref_id: number;
}

export interface KbArticleTagTable {
  article_id: number;
  tag: string;
}

/** The current text of an article in one language (body_html sanitized). */
export interface KbArticleTranslationTable {
  id: Generated<number>;
  article_id: number;
  locale: string;
  title: string;
  body_html: string;
  body_text: string;
  updated_by: number;
  created_at: string;
  updated_at: string;
}

/** Every save of a translation, as a full snapshot. */
export interface KbArticleVersionTable {
  id: Generated<number>;
  article_id: number;
  locale: string;
  version: number;
  title: string;
  body_html: string;
  body_text: string;
  author_id: number;
  created_at: string;
}

/** Images and files of an article (rows of `attachments`). */
export interface KbArticleFileTable {
  article_id: number;
  attachment_id: number;
}

/** One "was this helpful?" vote per voter (`u:<user id>` or `s:<visitor cookie>`). */
export interface KbFeedbackTable {
  id: Generated<number>;
  article_id: number;
  voter_key: string;
  user_id: number | null;
  helpful: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** A suggested article opened from the new-ticket form; converted = a ticket followed. */
export interface KbDeflectionTable {
  id: Generated<number>;
  article_id: number;
  session_key: string;
  user_id: number | null;
  query: string;
  converted: number;
  ticket_id: number | null;
  created_at: string;
}

/** A saved reply. scope: personal (owner_user_id) | group (group_id) | global. */
export interface CannedResponseTable {
  id: Generated<number>;
  scope: string;
  owner_user_id: number | null;
  group_id: number | null;
  name: string;
  locale: string;
  body_html: string;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** One searchable document (ADR 0021). `tsv` exists on PostgreSQL only. */
export interface SearchDocumentTable {
  id: Generated<number>;
  /** ticket | customer | article */
  type: string;
  object_id: number;
  /** all | public | internal: which readers the text is for (internal notes only in `internal`). */
  audience: string;
  /** Articles: public | customers | staff; null for other types. */
  visibility: string | null;
  title: string;
  body: string;
  updated_at: string;
  /** PostgreSQL only: weighted tsvector of our terms (written with SQL in search.repo.ts). */
  tsv?: unknown;
}

/** The FTS5 table (SQLite). Its columns hold our terms separated by spaces. */
export interface SearchFtsTable {
  rowid: number;
  title: string;
  body: string;
  /** The document's scope term, e.g. `_ticket_internal` (search.repo.ts). */
  scope: string;
}
