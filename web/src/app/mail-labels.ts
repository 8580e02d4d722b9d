/**
 * How codes of the mail channel read in the interface: each function returns the translation
 * key for a code, or null for a code this version does not know (the screen then shows the code).
 */

/** What became of an inbound mail (the receipt's `outcome`). */
export const RECEIPT_OUTCOMES = [
  'created',
  'appended',
  'agent_note',
  'confirmed',
  'rejected',
  'follow_up',
  'unverified_ticket',
  'unverified_note',
  'auto_reply',
  'bounce',
  'list',
  'own_mail',
] as const;
export type ReceiptOutcome = (typeof RECEIPT_OUTCOMES)[number];

/** Mails Frontdesk sends, by template. */
export const MAIL_TEMPLATES = [
  'received',
  'reply',
  'resolved',
  'closed',
  'password_reset',
  'email_confirmation',
  'registration_notice',
] as const;

/** Where an inbound mail came in. */
export const RECEIPT_SOURCES = ['imap', 'smtp', 'pipe'] as const;

/** Why two tickets are linked. */
export const LINK_REASONS = ['closed', 'unverified_sender'] as const;

/** Which side of the link this ticket is on: the follow-up, or the ticket that was followed. */
export const LINK_DIRECTIONS = ['follow_up_of', 'followed_by'] as const;
export type LinkDirection = (typeof LINK_DIRECTIONS)[number];

const known = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);

export function outcomeKey(outcome: string | null | undefined): string | null {
  return known(RECEIPT_OUTCOMES, outcome) ? `mailAdmin.outcome.${outcome}` : null;
}

export function templateKey(template: string | null | undefined): string | null {
  // Notification mails to staff are `notify:<event>` (notifications/delivery.service.ts).
  if (template?.startsWith('notify:')) return 'inbox.notificationMail';
  return known(MAIL_TEMPLATES, template) ? `mailAdmin.template.${template}` : null;
}

export function sourceKey(source: string | null | undefined): string | null {
  return known(RECEIPT_SOURCES, source) ? `mailAdmin.source.${source}` : null;
}

export interface LinkKindKeys {
  /** "Follow-up of" / "Followed by"; null for a kind this version does not know. */
  direction: string | null;
  /** "closed ticket" / "unverified sender"; null when there is no (known) reason. */
  reason: string | null;
}

/** Splits a link kind such as `follow_up_of:closed` into translation keys of its two parts. */
export function linkKindKeys(kind: string): LinkKindKeys {
  const at = kind.indexOf(':');
  const direction = at < 0 ? kind : kind.slice(0, at);
  const reason = at < 0 ? null : kind.slice(at + 1);
  return {
    direction: known(LINK_DIRECTIONS, direction) ? `ticketMail.link.${direction}` : null,
    reason: known(LINK_REASONS, reason) ? `ticketMail.reason.${reason}` : null,
  };
}

/** Badge colours of inbound statuses. */
export const RECEIPT_STATUS_COLORS: Record<string, string> = {
  pending: 'blue',
  processed: 'green',
  ignored: 'gray',
  failed: 'red',
};

/** Badge colours of outgoing statuses: `dev` is kept in the dev mailbox instead of being sent. */
export const OUTBOUND_STATUS_COLORS: Record<string, string> = {
  queued: 'blue',
  sent: 'green',
  failed: 'red',
  dev: 'violet',
  suppressed: 'gray',
  bounced: 'orange',
};

/**
 * The `before` cursor for the next page of a log listed newest first: the last id when the page
 * was full, otherwise undefined (there is no more).
 */
export function nextBefore(items: readonly { id: number }[], limit: number): number | undefined {
  return items.length >= limit && items.length > 0 ? items[items.length - 1].id : undefined;
}
