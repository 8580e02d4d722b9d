import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ensureBaseData } from '../base-data.ts';
import { openDatabase } from '../kysely.ts';
import { migrateToLatest } from '../migrate.ts';
import { ownApiTokens } from './0018_own_api_tokens.ts';

describe('migration 0018: own API tokens', () => {
  it('grants api.tokens.own to the staff default roles of an upgraded installation, not to customers', async () => {
    const db = openDatabase('sqlite::memory:');
    try {
      await migrateToLatest(db);
      await ensureBaseData(db, '2026-01-01T00:00:00.000Z');
      // Roles as an installation before 0018 had them: without the permission.
      const roles = await db.kysely.selectFrom('roles').select(['id', 'permissions']).execute();
      for (const role of roles) {
        const without = (JSON.parse(role.permissions) as string[]).filter((p) => p !== 'api.tokens.own');
        await db.kysely
          .updateTable('roles')
          .set({ permissions: JSON.stringify(without) })
          .where('id', '=', role.id)
          .execute();
      }
      await ownApiTokens.up(db.kysely as unknown as Kysely<unknown>, 'sqlite');
      const after = await db.kysely.selectFrom('roles').select(['key', 'permissions']).orderBy('key').execute();
      const holders = after.filter((r) => (JSON.parse(r.permissions) as string[]).includes('api.tokens.own'));
      expect(holders.map((r) => r.key)).toEqual(['admin', 'engineer', 'manager', 'operator']);
    } finally {
      await db.close();
    }
  });
});
