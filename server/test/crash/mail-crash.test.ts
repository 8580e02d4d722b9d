import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInstanceSecret, sealSecret } from '../../platform/secret.ts';
import { type DovecotServer, startDovecot } from '../dovecot.ts';
import { rawMail } from '../mail-fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MESSAGES = 1000;
const SECRET = 'crash-test-secret';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The loss-proof promise under the worst case: the server is killed with SIGKILL while it is
 * importing 1,000 messages from a real IMAP server; after a restart every message is in the
 * database exactly once, and every message on the server is acknowledged.
 */
describe('mail ingest survives SIGKILL', () => {
  let dovecot: DovecotServer;
  let dataDir: string;
  let server: ChildProcess | null = null;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dataDir = mkdtempSync(join(tmpdir(), 'fd-crash-'));
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await dovecot.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('files every message exactly once after a crash mid-import', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SECRET_KEY: SECRET,
      MAIL_POLL_SECONDS: '1',
      JOB_LOCK_SECONDS: '2',
      LOG_LEVEL: 'error',
    };
    const start = () => {
      const child = spawn(process.execPath, [join(ROOT, 'server', 'cli.ts'), 'serve'], {
        env,
        cwd: ROOT,
        stdio: 'ignore',
      });
      server = child;
      return child;
    };
    const healthy = async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      } catch {
        return false;
      }
    };
    const first = start();
    await waitFor('the server to start', healthy, 60_000);

    for (let i = 0; i < MESSAGES; i++) {
      await dovecot.append(
        'INBOX',
        rawMail({
          from: `crash${i}@customer.test`,
          subject: `Crash ${i}`,
          body: `Message ${i}`,
          messageId: `crash-${i}@customer.test`,
        }),
      );
    }
    const db = new DatabaseSync(join(dataDir, 'frontdesk.db'));
    db.exec('PRAGMA busy_timeout = 5000');
    const count = (query: string) => Number((db.prepare(query).get() as { n: number }).n);
    const password = sealSecret(loadInstanceSecret(dataDir, SECRET), dovecot.password);
    const at = new Date().toISOString();
    db.prepare(
      `insert into mail_accounts (name, kind, address, host, port, tls, allow_self_signed, username, password_enc,
        folder, after_import, active, created_at, updated_at)
       values ('Crash', 'imap', 'crash@frontdesk.test', ?, ?, 'none', 0, ?, ?, 'INBOX', 'mark_seen', 1, ?, ?)`,
    ).run(dovecot.host, dovecot.port, dovecot.user, password, at, at);

    // Kill while messages are both being stored and being filed.
    await waitFor(
      'filing to be under way',
      () => count('select count(*) as n from tickets') >= 50 || count('select count(*) as n from mail_receipts') >= 600,
      60_000,
    );
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const storedAtKill = count('select count(*) as n from mail_receipts');
    const ticketsAtKill = count('select count(*) as n from tickets');
    expect(storedAtKill).toBeLessThan(MESSAGES);

    start();
    await waitFor('the server to restart', healthy, 60_000);
    await waitFor(
      'every message to be filed',
      () =>
        count("select count(*) as n from mail_receipts where status = 'processed'") === MESSAGES &&
        count('select count(*) as n from tickets') >= MESSAGES,
      180_000,
    );
    const seen = (await dovecot.list('INBOX')).filter((m) => m.flags.includes('\\Seen')).length;

    console.log(`killed with ${storedAtKill} of ${MESSAGES} messages stored and ${ticketsAtKill} filed`);
    expect(count('select count(*) as n from mail_receipts')).toBe(MESSAGES);
    expect(count('select count(distinct message_id) as n from mail_receipts')).toBe(MESSAGES);
    expect(count('select count(*) as n from tickets')).toBe(MESSAGES);
    expect(count('select count(*) as n from ticket_messages where receipt_id is not null')).toBe(MESSAGES);
    expect(count('select count(distinct receipt_id) as n from ticket_messages where receipt_id is not null')).toBe(
      MESSAGES,
    );
    expect(count("select count(*) as n from users where email like 'crash%@customer.test'")).toBe(MESSAGES);
    expect(seen).toBe(MESSAGES);
    db.close();
  });
});
