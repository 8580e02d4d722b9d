import { describe, expect, it } from 'vitest';
import { openDatabase } from './kysely.ts';
import { migrateToLatest } from './migrate.ts';

describe('node:sqlite dialect', () => {
  it('migrates, writes and reads back the shapes the domain expects', async () => {
    const db = openDatabase('sqlite::memory:');
    expect(await migrateToLatest(db)).toEqual([
      '0001_foundation',
      '0002_audit_log',
      '0003_custom_fields',
      '0004_sla_escalation',
      '0005_workflow',
      '0006_mail',
      '0007_notifications',
      '0008_notification_delivery',
      '0009_search',
      '0010_kb',
      '0011_mail_outbound_message_id',
      '0012_search_narrow_heap',
      '0013_mail_raw_retention',
      '0014_api_token_scopes',
      '0015_drop_kb_search_text',
      '0016_email_confirmation',
      '0017_organization_domain_unique',
      '0018_own_api_tokens',
      '0019_received_mail_rule',
      '0020_api_token_expiry',
    ]);
    expect(await migrateToLatest(db)).toEqual([]);
    const at = '2026-01-02T03:04:05.678Z';
    await db.kysely
      .insertInto('organizations')
      .values({ name: 'Ünïcødé 公司', domain: null, shared_tickets: 1, created_at: at })
      .execute();
    const row = await db.kysely.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({ id: 1, name: 'Ünïcødé 公司', domain: null, shared_tickets: 1, created_at: at });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'k', value: '1' }).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.kysely.selectFrom('settings').selectAll().execute()).toEqual([]);
    await db.close();
  });
});
