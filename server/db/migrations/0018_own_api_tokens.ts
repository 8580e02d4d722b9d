import { type DialectMigration, grantNewPermissions } from './helpers.ts';

/** Permissions added by this migration and the default roles that receive them. */
const NEW_PERMISSIONS: Record<string, string[]> = {
  'api.tokens.own': ['operator', 'engineer', 'manager', 'admin'],
};

/**
 * Staff manage API tokens acting as themselves (`/me/api-tokens`, ADR 0024 addendum). Only the
 * permission is new: the tokens live in `api_tokens` as before.
 */
export const ownApiTokens: DialectMigration = {
  async up(db) {
    await grantNewPermissions(db, NEW_PERMISSIONS);
  },

  // Like the earlier migrations that grant permissions, down leaves roles alone: a name the
  // catalogue no longer knows grants nothing.
  async down() {},
};
