import type { DialectMigration } from './helpers.ts';

/**
 * One organization per e-mail domain: customers join an organization by the domain of their
 * address, so two with the same domain would make that ambiguous. The service refuses a taken
 * domain (409 naming `domain`); the index settles two admins saving at the same moment.
 * Organizations could not be created outside seeds before this index, so none share a domain.
 */
export const organizationDomainUnique: DialectMigration = {
  async up(db) {
    await db.schema.createIndex('organizations_domain_idx').on('organizations').column('domain').unique().execute();
  },

  async down(db) {
    await db.schema.dropIndex('organizations_domain_idx').execute();
  },
};
