import type { CascadeLevel, NotificationChannel, NotificationEvent, RecipientRole } from './notifications.ts';

/**
 * The shape of a person's own notification settings (`/me/notification-settings`), shared by the
 * server, which builds it, and the web app, which shows and changes it.
 */

/**
 * Which tickets the personal settings are about. Type and service only choose the inherited
 * values shown (level-3 rules have neither); ticket group and target status are also where the
 * person's own choices are stored.
 */
export interface SettingsContext {
  ticketType: string | null;
  serviceId: number | null;
  /** Ticket group; null = any group. */
  categoryId: number | null;
  /** Target status; only `ticket.status_changed` takes one (as in the admin matrix). */
  statusTo: string | null;
}

/**
 * The rule that decides when the person has no choice of their own in exactly this scope
 * (level 3 = a broader choice of their own).
 */
export interface SettingSource {
  level: CascadeLevel;
  ruleId: number;
  ticketType: string | null;
  serviceId: number | null;
  serviceName: string | null;
  categoryId: number | null;
  statusTo: string | null;
}

/** One event × role × channel cell: what is inherited, whether it may be changed, the own choice. */
export interface SettingItem {
  event: NotificationEvent;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  inherited: { send: boolean; source: SettingSource | null };
  userOverridable: boolean;
  override: { ruleId: number; enabled: boolean } | null;
  send: boolean;
}

/** A ticket group / target status combination the person has choices of their own for. */
export interface OverrideScope {
  categoryId: number | null;
  statusTo: string | null;
  count: number;
}

/** The whole answer of `GET`/`PUT /me/notification-settings`. */
export interface SettingsView {
  roles: RecipientRole[];
  context: SettingsContext;
  items: SettingItem[];
  overrideScopes: OverrideScope[];
}

/** One cell to set (`enabled` true/false) or clear (`null` = back to the inherited value). */
export interface SettingsChange {
  event: NotificationEvent;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  enabled: boolean | null;
}
