import type { Kysely } from 'kysely';
import type { DialectMigration } from './helpers.ts';
import { type DefaultRule, insertDefaultRules } from './helpers.ts';

/** The "we received your request" mail as a level-1 rule (ADR 0019). */
export const RECEIVED_MAIL_RULE: DefaultRule = {
  event: 'ticket.created',
  recipientRole: 'requester',
  channel: 'email',
  enabled: true,
  userOverridable: true,
};

/**
 * The received mail is decided by the notification cascade, and a missing rule means "do not
 * send". Migration 0008 gained this rule after some databases had already run it: those get it
 * here. Where any default-process rule for it exists (new installations, or an admin's choice),
 * nothing changes.
 */
export const receivedMailRule: DialectMigration = {
  async up(db) {
    const k = db as unknown as Kysely<{ notification_rules: Record<string, string | number | null> }>;
    const existing = await k
      .selectFrom('notification_rules')
      .select('id')
      .where('level', '=', 'workflow')
      .where('ticket_type', 'is', null)
      .where('service_id', 'is', null)
      .where('user_id', 'is', null)
      .where('category_id', 'is', null)
      .where('status_to', 'is', null)
      .where('event', '=', RECEIVED_MAIL_RULE.event)
      .where('recipient_role', '=', RECEIVED_MAIL_RULE.recipientRole)
      .where('channel', '=', RECEIVED_MAIL_RULE.channel)
      .executeTakeFirst();
    if (!existing) await insertDefaultRules(db, [RECEIVED_MAIL_RULE], new Date().toISOString());
  },

  // The rule may have come from 0008 or from an admin: it stays.
  async down() {},
};
