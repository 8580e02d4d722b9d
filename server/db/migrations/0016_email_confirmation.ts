import { sql } from 'kysely';
import { type DialectMigration, instantType } from './helpers.ts';

/**
 * E-mail confirmation (ADR 0025): `users.email_verified_at` records when the address was proven
 * (or vouched for), and `password_resets.purpose` lets the same single-use, hashed, expiring
 * tokens serve confirmation links too. Existing users count as verified, except customers
 * without an organization: some of them registered themselves and still have to prove the
 * address before they join their domain's organization.
 */
export const emailConfirmation: DialectMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('users').addColumn('email_verified_at', instantType(dialect)).execute();
    await sql`update users set email_verified_at = created_at
      where organization_id is not null
         or role_id not in (select id from roles where key = 'customer')`.execute(db);
    await db.schema
      .alterTable('password_resets')
      .addColumn('purpose', 'text', (c) => c.notNull().defaultTo('reset'))
      .execute();
  },

  async down(db) {
    // Without the purpose a confirmation link would read as a password-reset link: drop them.
    await sql`delete from password_resets where purpose <> 'reset'`.execute(db);
    await db.schema.alterTable('password_resets').dropColumn('purpose').execute();
    await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
  },
};
