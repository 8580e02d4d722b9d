import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../kysely.ts';
import { migrateToLatest } from '../migrate.ts';
import { receivedMailRule } from './0019_received_mail_rule.ts';

describe('migration 0019: the received-mail rule', () => {
  it('adds the rule where an older 0008 left it out, and never a second one', async () => {
    const db = openDatabase('sqlite::memory:');
    const received = () =>
      db.kysely
        .selectFrom('notification_rules')
        .select(['enabled', 'user_overridable'])
        .where('level', '=', 'workflow')
        .where('event', '=', 'ticket.created')
        .where('recipient_role', '=', 'requester')
        .where('channel', '=', 'email')
        .execute();
    try {
      await migrateToLatest(db);
      expect(await received()).toHaveLength(1);
      // An installation whose 0008 ran before the rule was added to it.
      await db.kysely
        .deleteFrom('notification_rules')
        .where('event', '=', 'ticket.created')
        .where('recipient_role', '=', 'requester')
        .execute();
      await receivedMailRule.up(db.kysely as unknown as Kysely<unknown>, 'sqlite');
      expect(await received()).toEqual([{ enabled: 1, user_overridable: 1 }]);
      await receivedMailRule.up(db.kysely as unknown as Kysely<unknown>, 'sqlite');
      expect(await received()).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
