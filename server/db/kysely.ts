import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { createNodeSqliteDialect, openSqlite } from './sqlite-dialect.ts';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the typed query builder plus what backups and LISTEN need. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** The raw SQLite handle (SQLite only). */
  sqlite?: DatabaseSync;
  /** The connection pool (PostgreSQL only). */
  pool?: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/** The engine a database URL names: `postgres://` or `postgresql://`, otherwise SQLite. */
export function dialectOf(url: string): DialectName {
  return url.startsWith('postgres://') || url.startsWith('postgresql://') ? 'postgres' : 'sqlite';
}

/** The SQLite file a `sqlite:` URL (or a bare path, or `:memory:`) names. */
export function sqlitePath(url: string): string {
  return url.replace(/^sqlite:(\/\/)?/, '');
}

let pgTypesConfigured = false;

/** Makes node-postgres return the same shapes as our SQLite layer. */
function configurePgTypes(): void {
  if (pgTypesConfigured) return;
  pgTypesConfigured = true;
  const toIso = (value: string) => new Date(value).toISOString();
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, toIso);
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value}Z`).toISOString());
  // count(*) and sums are int8; our counts fit comfortably in a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
}

/**
 * Opens the database named by `url`: `postgres://…` for PostgreSQL, otherwise a SQLite
 * file (`sqlite:./path.db`, a bare path, or `:memory:`).
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
  if (dialectOf(url) === 'postgres') {
    configurePgTypes();
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener node-postgres would crash the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    let closing: Promise<void> | undefined;
    // Idempotent: ending a pg pool twice throws.
    const close = () => {
      closing ??= kysely.destroy();
      return closing;
    };
    return { kysely, dialect: 'postgres', pool, url, close };
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = openSqlite(path);
  const kysely = new Kysely<Database>({ dialect: createNodeSqliteDialect(sqlite) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite,
    url,
    close: async () => {
      await kysely.destroy();
      if (sqlite.isOpen) sqlite.close();
    },
  };
}

/** True when the database answers a trivial query (health checks). */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
