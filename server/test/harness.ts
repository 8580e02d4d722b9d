import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { type BuiltApp, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { ensureBaseData } from '../db/base-data.ts';
import { type DialectName, openDatabase } from '../db/kysely.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { type Clock, ManualClock } from '../platform/clock.ts';

/** Dialects the API tests run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Runs a suite once per test dialect, naming the dialect in the suite title. */
export function describeEachDialect(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of testDialects()) describe(`${name} [${dialect}]`, () => suite(dialect));
}

export interface TestApp extends BuiltApp {
  clock: ManualClock;
  config: Config;
  close(): Promise<void>;
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `fd_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * A Frontdesk app on a fresh database of the given dialect, with a manual clock, the
 * worker not polling (tests call `ctx.worker.drain()`), and quiet logs.
 */
export async function buildTestApp(
  dialect: DialectName,
  overrides: Partial<Config> & { clock?: Clock } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fd-test-'));
  const pgDb = dialect === 'postgres' ? await createPostgresDatabase() : null;
  const config: Config = {
    ...loadConfig({ DATA_DIR: dataDir }),
    databaseUrl: pgDb ? pgDb.url : `sqlite:${join(dataDir, 'test.db')}`,
    webDir: join(dataDir, 'no-web'),
    // Inline parsing keeps test apps light; parse-pool.test.ts and the crash test use threads.
    mailParseThreads: 0,
    ...overrides,
  };
  const db = openDatabase(config.databaseUrl, { poolSize: 4 });
  await migrateToLatest(db);
  const clock = overrides.clock instanceof ManualClock ? overrides.clock : new ManualClock('2026-03-02T09:00:00.000Z');
  await ensureBaseData(db, clock.now().toISOString());
  const built = await buildApp({ config, db, clock, logger: false });
  await built.app.ready();
  return {
    ...built,
    clock,
    config,
    async close() {
      await built.app.close();
      await db.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
