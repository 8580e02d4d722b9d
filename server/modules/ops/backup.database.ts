import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { backup, DatabaseSync } from 'node:sqlite';
import { dialectOf, openDatabase, sqlitePath } from '../../db/kysely.ts';
import { dropAllPostgresObjects, latestMigration, sqliteCopyProblem } from './backup.repo.ts';

/** Splits the password off a PostgreSQL URL so it reaches pg_dump by environment, not argv (`ps`). */
function pgConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs a PostgreSQL client tool; rejects with its own error text, or a clear one when it is not installed. */
function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} was not found on PATH. Install the PostgreSQL client tools (Debian: postgresql-client) of the server's major version or newer.`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/**
 * Writes a consistent copy of the database to `dest` while Frontdesk may be running:
 * SQLite's online backup in one step (one read snapshot; WAL writers are not blocked), or
 * `pg_dump --format=custom`. Returns the newest migration the copy contains.
 */
export async function dumpDatabase(databaseUrl: string, dest: string): Promise<{ migration: string | null }> {
  if (dialectOf(databaseUrl) === 'postgres') {
    const db = openDatabase(databaseUrl, { poolSize: 1 });
    let migration: string | null;
    try {
      migration = await latestMigration(db);
    } finally {
      await db.close();
    }
    const { url, env } = pgConnection(databaseUrl);
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${dest}`, `--dbname=${url}`],
      env,
    );
    return { migration };
  }
  const path = sqlitePath(databaseUrl);
  if (path === ':memory:' || !existsSync(path)) throw new Error(`There is no database at ${path} to back up.`);
  const db = openDatabase(databaseUrl);
  try {
    const migration = await latestMigration(db);
    // One step with every page: a single read transaction, so the copy is one consistent moment.
    await backup(db.sqlite!, dest, { rate: 0x7fffffff });
    return { migration };
  } finally {
    await db.close();
  }
}

/** Checks that a restored SQLite file is intact and holds a Frontdesk schema, before anything is replaced. */
export function checkSqliteCopy(path: string): void {
  let copy: DatabaseSync | undefined;
  try {
    copy = new DatabaseSync(path, { readOnly: true });
    const problem = sqliteCopyProblem(copy);
    if (problem) throw new Error(problem);
  } catch (error) {
    throw new Error(`The database in the backup is not usable: ${(error as Error).message}`);
  } finally {
    copy?.close();
  }
}

/** Checks that a custom-format dump is readable and holds a Frontdesk schema, before anything is dropped. */
export async function checkPostgresDump(path: string): Promise<void> {
  const list = await runPgTool('pg_restore', ['--list', path], process.env).catch((error: Error) => {
    throw new Error(`The database dump in the backup is not usable: ${error.message}`);
  });
  if (!/ TABLE \S+ kysely_migration /.test(list))
    throw new Error('The database dump in the backup has no Frontdesk schema.');
}

/**
 * Replaces the configured database with the copy at `source` (already checked). Frontdesk
 * must be stopped. SQLite: the old WAL and shared-memory files go first, so SQLite cannot
 * replay old pages onto the restored file. PostgreSQL: the current schema is emptied, then
 * `pg_restore` loads the dump in one transaction.
 */
export async function replaceDatabase(databaseUrl: string, source: string): Promise<void> {
  if (dialectOf(databaseUrl) === 'postgres') {
    const db = openDatabase(databaseUrl, { poolSize: 1 });
    try {
      await dropAllPostgresObjects(db);
    } finally {
      await db.close();
    }
    const { url, env } = pgConnection(databaseUrl);
    await runPgTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, source],
      env,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nThe database was emptied before loading; fix the cause and restore again.`);
    });
    return;
  }
  const path = sqlitePath(databaseUrl);
  const incoming = `${path}.restoring`;
  await copyFile(source, incoming);
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
  await rename(incoming, path);
}
