import type { DatabaseSync } from 'node:sqlite';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/kysely.ts';
import type { Database } from '../../db/schema.ts';

/** Tables of the current PostgreSQL schema, read through `executor` (a transaction too). */
async function postgresTables(executor: Kysely<Database>): Promise<string[]> {
  const result = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(executor);
  return result.rows.map((r) => r.name);
}

/** Names of the tables in the database (SQLite) or in the current schema (PostgreSQL). */
export async function listTables(db: Db): Promise<string[]> {
  if (db.dialect === 'postgres') return postgresTables(db.kysely);
  const result = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db.kysely);
  return result.rows.map((r) => r.name);
}

/** The newest migration applied, or null when the database has none (empty or not ours). */
export async function latestMigration(db: Db): Promise<string | null> {
  if (!(await listTables(db)).includes('kysely_migration')) return null;
  const result = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
    db.kysely,
  );
  return result.rows[0]?.name ?? null;
}

/**
 * Empties the current PostgreSQL schema (tables, then the sequences left, e.g. the ticket
 * number sequence) in one transaction, so a restore starts from nothing even when the
 * database has tables of a newer version than the backup.
 */
export async function dropAllPostgresObjects(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    for (const name of await postgresTables(trx)) await sql`drop table if exists ${sql.id(name)} cascade`.execute(trx);
    const sequences = await sql<{ name: string }>`
      select sequencename as name from pg_sequences where schemaname = current_schema()`.execute(trx);
    for (const { name } of sequences.rows) await sql`drop sequence if exists ${sql.id(name)} cascade`.execute(trx);
  });
}

/**
 * What is wrong with a SQLite copy opened on its own (not through Kysely: it is checked before
 * it replaces anything): SQLite's quick integrity check, then whether it holds our schema.
 * Null when it is usable.
 */
export function sqliteCopyProblem(copy: DatabaseSync): string | null {
  const check = copy.prepare('pragma quick_check').get() as { quick_check?: string } | undefined;
  if (check?.quick_check !== 'ok') return `integrity check says: ${check?.quick_check}`;
  const ours = copy.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  return ours ? null : 'it has no Frontdesk schema';
}
