import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './kysely.ts';
import { foundation } from './migrations/0001_foundation.ts';
import { auditLog } from './migrations/0002_audit_log.ts';
import { customFields } from './migrations/0003_custom_fields.ts';
import { slaEscalation } from './migrations/0004_sla_escalation.ts';
import { workflow } from './migrations/0005_workflow.ts';
import { mail } from './migrations/0006_mail.ts';
import { notifications } from './migrations/0007_notifications.ts';
import { notificationDelivery } from './migrations/0008_notification_delivery.ts';
import { search } from './migrations/0009_search.ts';
import { kb } from './migrations/0010_kb.ts';
import { mailOutboundMessageId } from './migrations/0011_mail_outbound_message_id.ts';
import { searchNarrowHeap } from './migrations/0012_search_narrow_heap.ts';
import { mailRawRetention } from './migrations/0013_mail_raw_retention.ts';
import { apiTokenScopes } from './migrations/0014_api_token_scopes.ts';
import { dropKbSearchText } from './migrations/0015_drop_kb_search_text.ts';
import { emailConfirmation } from './migrations/0016_email_confirmation.ts';
import { organizationDomainUnique } from './migrations/0017_organization_domain_unique.ts';
import { ownApiTokens } from './migrations/0018_own_api_tokens.ts';
import { receivedMailRule } from './migrations/0019_received_mail_rule.ts';
import { apiTokenExpiry } from './migrations/0020_api_token_expiry.ts';
import type { DialectMigration } from './migrations/helpers.ts';

/** Every migration, in order. Names sort lexically; never rename a shipped one. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001_foundation': foundation,
  '0002_audit_log': auditLog,
  '0003_custom_fields': customFields,
  '0004_sla_escalation': slaEscalation,
  '0005_workflow': workflow,
  '0006_mail': mail,
  '0007_notifications': notifications,
  '0008_notification_delivery': notificationDelivery,
  '0009_search': search,
  '0010_kb': kb,
  '0011_mail_outbound_message_id': mailOutboundMessageId,
  '0012_search_narrow_heap': searchNarrowHeap,
  '0013_mail_raw_retention': mailRawRetention,
  '0014_api_token_scopes': apiTokenScopes,
  '0015_drop_kb_search_text': dropKbSearchText,
  '0016_email_confirmation': emailConfirmation,
  '0017_organization_domain_unique': organizationDomainUnique,
  '0018_own_api_tokens': ownApiTokens,
  '0019_received_mail_rule': receivedMailRule,
  '0020_api_token_expiry': apiTokenExpiry,
};

/** The migrations bound to the database's dialect, for Kysely's Migrator. */
function migrator(db: Db): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        out[name] = {
          up: (k) => migration.up(k, db.dialect),
          down: (k) => migration.down(k, db.dialect),
        };
      }
      return out;
    },
  };
  return new Migrator({ db: db.kysely, provider });
}

/** Brings the schema up to date. Safe to run on every start and from several nodes. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes the newest applied migration; returns its name (tests of older schemas). */
export async function migrateDownOne(db: Db): Promise<string | undefined> {
  const { error, results } = await migrator(db).migrateDown();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results?.find((r) => r.status === 'Success')?.migrationName;
}
