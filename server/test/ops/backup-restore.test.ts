import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Config } from '../../config.ts';
import { type DialectName, openDatabase } from '../../db/kysely.ts';
import { migrateDownOne } from '../../db/migrate.ts';
import { type CommandOutput, EXIT, runBackup, runRestore } from '../../modules/ops/backup.cli.ts';
import { type Client, loginAs, makeUser, openTicket } from '../factories.ts';
import { buildTestApp, createPostgresDatabase, type TestApp } from '../harness.ts';

/** PostgreSQL runs too when there is a test server and the client tools the commands need. */
function dialects(): DialectName[] {
  const tools = ['pg_dump', 'pg_restore'].every((tool) => spawnSync(tool, ['--version']).status === 0);
  return process.env.TEST_DATABASE_URL && tools ? ['sqlite', 'postgres'] : ['sqlite'];
}

function captured(): CommandOutput & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
}

async function upload(t: TestApp, client: Client, filename: string, bytes: Buffer): Promise<number> {
  const boundary = `----fd${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/attachments',
    headers: {
      cookie: `fd_session=${client.cookie}`,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: { id: number }[] }).items[0].id;
}

for (const dialect of dialects()) {
  describe(`frontdesk backup / restore [${dialect}]`, () => {
    let t: TestApp;
    let backups: string;
    const cleanups: (() => Promise<void>)[] = [];

    beforeEach(async () => {
      t = await buildTestApp(dialect);
      backups = mkdtempSync(join(tmpdir(), 'fd-backups-'));
    });
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup();
      await t.close();
      rmSync(backups, { recursive: true, force: true });
    });

    /** Stops the "server": closes the app and its database connection, as before a restore. */
    async function stop(): Promise<void> {
      await t.app.close();
      await t.ctx.db.close();
    }

    /** Starts a new app on the (restored) installation and returns it as a TestApp. */
    async function start(config: Config): Promise<TestApp> {
      const db = openDatabase(config.databaseUrl, { poolSize: 2 });
      const built = await buildApp({ config, db, clock: t.clock, logger: false });
      await built.app.ready();
      cleanups.push(async () => {
        await built.app.close();
        await db.close();
      });
      return { ...t, ...built, config };
    }

    async function customerWithTicket() {
      const customer = await makeUser(t, 'customer');
      const client = await loginAs(t, customer);
      const bytes = randomBytes(70_000);
      const fileId = await upload(t, client, 'dump.bin', bytes);
      const ticket = await openTicket(client, { subject: 'Server room is hot', attachmentIds: [fileId] });
      return { customer, client, bytes, fileId, ticket };
    }

    it('backs up while the server runs; restore brings back the ticket, the attachment bytes and the secret', async () => {
      const { customer, client, bytes, fileId, ticket } = await customerWithTicket();
      const secretPath = join(t.config.dataDir, 'secret.key');
      const secret = readFileSync(secretPath);
      const out = join(backups, 'nightly.tar.gz');

      const backup = captured();
      expect(await runBackup(t.config, { out }, backup)).toBe(EXIT.ok);
      expect(backup.stdout).toContain(`Backup written to ${out}`);
      expect(backup.stdout).toMatch(/attachments: 1 files/);
      expect(backup.stdout).toContain('instance secret');
      // The system tar reads it: the format is a plain .tar.gz.
      const listing = spawnSync('tar', ['-tzf', out], { encoding: 'utf8' });
      expect(listing.stdout.split('\n')).toEqual(
        expect.arrayContaining([
          'frontdesk-backup.json',
          'secret.key',
          expect.stringMatching(/^attachments\/..\/..\//),
        ]),
      );
      expect(await runBackup(t.config, { out }, captured())).toBe(EXIT.failed); // never overwrites a file

      // Life goes on after the backup: a new ticket, lost files, a new secret.
      const later = await openTicket(client, { subject: 'Written after the backup' });
      rmSync(join(t.config.dataDir, 'attachments'), { recursive: true });
      writeFileSync(secretPath, 'another secret');
      await stop();

      const restore = captured();
      expect(await runRestore(t.config, out, { yes: true }, restore)).toBe(EXIT.ok);
      expect(restore.stdout).toContain('Replaced: the database');

      const restored = await start(t.config);
      const again = await loginAs(restored, customer);
      expect((await again.get(`/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ subject: 'Server room is hot' });
      expect((await again.get(`/api/v1/tickets/${later.id}`)).statusCode).toBe(404);
      const file = await again.get(`/api/v1/attachments/${fileId}`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(bytes)).toBe(true);
      expect(readFileSync(secretPath).equals(secret)).toBe(true);
      expect(readdirSync(t.config.dataDir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
    });

    it('refuses to overwrite existing data without --yes, and changes nothing', async () => {
      const { client } = await customerWithTicket();
      const out = join(backups, 'b.tar.gz');
      expect(await runBackup(t.config, { out }, captured())).toBe(EXIT.ok);
      const later = await openTicket(client, { subject: 'Written after the backup' });
      await stop();

      const restore = captured();
      expect(await runRestore(t.config, out, {}, restore)).toBe(EXIT.refused);
      expect(restore.stderr).toMatch(/Restore refused: .*the database .*1 stored attachments.*--yes/);

      const same = await start(t.config);
      const again = await loginAs(same, client.actor);
      expect((await again.get(`/api/v1/tickets/${later.id}`)).statusCode).toBe(200);
    });

    it('refuses a damaged, truncated or foreign file, naming the problem, and changes nothing', async () => {
      const { client, bytes, fileId } = await customerWithTicket();
      const out = join(backups, 'b.tar.gz');
      expect(await runBackup(t.config, { out }, captured())).toBe(EXIT.ok);
      const later = await openTicket(client, { subject: 'Written after the backup' });
      await stop();

      const archive = readFileSync(out);
      const damaged = Buffer.from(archive);
      for (let i = 0; i < 16; i += 1) damaged[Math.floor(archive.length / 2) + i] ^= 0xff;
      const files = {
        damaged: damaged,
        truncated: archive.subarray(0, Math.floor(archive.length * 0.7)),
        foreign: Buffer.from('%PDF-1.7 not a backup at all'),
      };
      for (const [name, content] of Object.entries(files)) {
        const path = join(backups, `${name}.tar.gz`);
        writeFileSync(path, content);
        const io = captured();
        expect(await runRestore(t.config, path, { yes: true }, io), name).toBe(EXIT.failed);
        expect(io.stderr, name).toContain(`${path} is not a Frontdesk backup or is damaged`);
      }
      const missing = captured();
      expect(await runRestore(t.config, join(backups, 'nope.tar.gz'), { yes: true }, missing)).toBe(EXIT.failed);
      expect(missing.stderr).toContain('No such file');

      expect(readdirSync(t.config.dataDir).filter((name) => name.startsWith('.restore-'))).toEqual([]);
      const same = await start(t.config);
      const again = await loginAs(same, client.actor);
      expect((await again.get(`/api/v1/tickets/${later.id}`)).statusCode).toBe(200);
      expect((await again.get(`/api/v1/attachments/${fileId}`)).rawPayload.equals(bytes)).toBe(true);
    });

    it('restores an older backup into an empty installation and brings its schema up to date', async () => {
      const { customer, ticket } = await customerWithTicket();
      // Make this database look like one from before the newest migration.
      const newest = await migrateDownOne(t.ctx.db);
      const { rows } = await sql<{ name: string }>`select max(name) as name from kysely_migration`.execute(
        t.ctx.db.kysely,
      );
      const out = join(backups, 'old.tar.gz');
      const backup = captured();
      expect(await runBackup(t.config, { out }, backup)).toBe(EXIT.ok);
      expect(backup.stdout).toContain(`schema ${rows[0].name}`);

      const dataDir = mkdtempSync(join(tmpdir(), 'fd-fresh-'));
      const pg = dialect === 'postgres' ? await createPostgresDatabase() : null;
      cleanups.push(async () => {
        await pg?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const fresh: Config = {
        ...t.config,
        dataDir,
        databaseUrl: pg ? pg.url : `sqlite:${join(dataDir, 'frontdesk.db')}`,
      };
      const restore = captured();
      expect(await runRestore(fresh, out, {}, restore)).toBe(EXIT.ok);
      expect(restore.stdout).toContain(`Brought the schema up to date: ${newest}`);
      expect(existsSync(join(dataDir, 'secret.key'))).toBe(true);

      const restored = await start(fresh);
      const admin = await loginAs(restored, await makeUser(restored, 'admin'));
      expect((await admin.get('/api/v1/mail/receipts')).statusCode).toBe(200);
      const again = await loginAs(restored, customer);
      expect((await again.get(`/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ subject: 'Server room is hot' });
    });

    if (dialect === 'postgres') {
      it('says so clearly when pg_dump is not installed', async () => {
        const path = process.env.PATH;
        process.env.PATH = join(backups, 'no-tools-here');
        try {
          const io = captured();
          expect(await runBackup(t.config, { out: join(backups, 'b.tar.gz') }, io)).toBe(EXIT.failed);
          expect(io.stderr).toContain('pg_dump was not found on PATH');
        } finally {
          process.env.PATH = path;
        }
        expect(readdirSync(backups)).toEqual([]);
      });
    }

    if (dialect === 'sqlite') {
      it('refuses a backup of the other kind of database', async () => {
        const out = join(backups, 'b.tar.gz');
        expect(await runBackup(t.config, { out }, captured())).toBe(EXIT.ok);
        const io = captured();
        const other: Config = { ...t.config, databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
        expect(await runRestore(other, out, { yes: true }, io)).toBe(EXIT.failed);
        expect(io.stderr).toContain('holds a sqlite database, but DATABASE_URL points at postgres');
      });
    }
  });
}
