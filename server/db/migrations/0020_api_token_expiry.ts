import { type DialectMigration, instantType } from './helpers.ts';

/**
 * API tokens may expire (ADR 0024, addendum "expiry, audit, last use"): `expires_at` is the
 * instant from which the token is refused. NULL means "never", which is what every token made
 * before this migration was, so existing tokens keep working unchanged.
 */
export const apiTokenExpiry: DialectMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('api_tokens').addColumn('expires_at', instantType(dialect)).execute();
  },

  async down(db) {
    await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  },
};
