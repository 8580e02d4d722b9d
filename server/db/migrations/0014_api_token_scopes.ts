import type { DialectMigration } from './helpers.ts';

/**
 * API tokens carry scopes (ADR 0024): `scopes` is a JSON array of permission names the token may
 * use, within its owner's role. NULL means "everything the owner's role allows", which is what
 * every token created before this migration could do, so existing tokens keep working unchanged.
 */
export const apiTokenScopes: DialectMigration = {
  async up(db) {
    await db.schema.alterTable('api_tokens').addColumn('scopes', 'text').execute();
  },

  async down(db) {
    await db.schema.alterTable('api_tokens').dropColumn('scopes').execute();
  },
};
