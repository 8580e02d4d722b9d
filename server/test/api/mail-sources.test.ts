import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpListener } from '../../modules/mail/smtp-listener.ts';
import { type DovecotServer, startDovecot } from '../dovecot.ts';
import { type Client, loginAs, makeUser } from '../factories.ts';
import { buildTestApp, describeEachDialect, type TestApp } from '../harness.ts';
import { rawMail, ticketsOf } from '../mail-fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A mail account body for the admin API. */
function account(overrides: Record<string, unknown>) {
  return {
    name: 'Support',
    kind: 'inbound',
    address: 'support@frontdesk.test',
    host: null,
    port: null,
    tls: 'implicit',
    allowSelfSigned: false,
    username: null,
    password: null,
    folder: 'INBOX',
    afterImport: 'mark_seen',
    moveTo: null,
    groupId: null,
    categoryId: null,
    serviceId: null,
    active: true,
    ...overrides,
  };
}

describeEachDialect('mail sources: IMAP, SMTP listener, pipe', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let dovecot: DovecotServer;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot.stop();
  });
  beforeEach(async () => {
    t = await buildTestApp(dialect);
    admin = await loginAs(t, await makeUser(t, 'admin'));
  });
  afterEach(async () => {
    await t.close();
  });

  it('polls an IMAP mailbox configured by an admin, and acknowledges only what it stored', async () => {
    const folder = `INBOX.${dialect}`;
    const created = await admin.post(
      '/api/v1/mail/accounts',
      account({
        name: 'IMAP support',
        kind: 'imap',
        host: dovecot.host,
        port: dovecot.port,
        tls: 'none',
        username: dovecot.user,
        password: dovecot.password,
        folder,
        address: `imap-${dialect}@frontdesk.test`,
      }),
    );
    expect(created.statusCode).toBe(201);
    const body = created.json() as { id: number; hasPassword: boolean; password?: string };
    expect(body.hasPassword).toBe(true);
    expect(body).not.toHaveProperty('password');
    const stored = await t.ctx.db.kysely.selectFrom('mail_accounts').select('password_enc').executeTakeFirstOrThrow();
    expect(stored.password_enc).not.toContain(dovecot.password);

    await dovecot.createFolder(folder);
    expect((await admin.post(`/api/v1/mail/accounts/${body.id}/test`)).json()).toEqual({ ok: true, messages: 0 });
    await dovecot.append(folder, rawMail({ from: 'imap1@customer.test', subject: 'From IMAP 1', body: 'one' }));
    await dovecot.append(folder, rawMail({ from: 'imap2@customer.test', subject: 'From IMAP 2', body: 'two' }));
    const poll = await admin.post(`/api/v1/mail/accounts/${body.id}/poll`);
    expect(poll.json()).toMatchObject({ fetched: 2, acknowledged: 2, failed: 0, error: null });
    expect((await dovecot.list(folder)).map((m) => m.flags.includes('\\Seen'))).toEqual([true, true]);
    await t.ctx.worker.drain();
    expect((await ticketsOf(t, 'imap1@customer.test')).map((x) => x.subject)).toEqual(['From IMAP 1']);
    expect((await ticketsOf(t, 'imap2@customer.test')).map((x) => x.subject)).toEqual(['From IMAP 2']);

    const wrong = await admin.put(
      `/api/v1/mail/accounts/${body.id}`,
      account({ ...created.json(), kind: 'imap', password: 'wrong-password' }),
    );
    expect(wrong.statusCode).toBe(200);
    const test = (await admin.post(`/api/v1/mail/accounts/${body.id}/test`)).json() as { ok: boolean; error: string };
    expect(test.ok).toBe(false);
    expect(test.error).toMatch(/authentication/i);
  });

  it('validates accounts field by field', async () => {
    const res = await admin.post('/api/v1/mail/accounts', account({ kind: 'imap', host: '', port: null }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual(['host', 'port', 'username', 'password']);
    const bad = await admin.post('/api/v1/mail/accounts', account({ address: 'not an address' }));
    expect(bad.json().error.fields).toEqual(['address']);
    expect((await admin.post('/api/v1/mail/accounts', account({}))).statusCode).toBe(201);
    const twice = await admin.post('/api/v1/mail/accounts', account({ name: 'Other' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields).toEqual(['address']);
    expect(await t.ctx.db.kysely.selectFrom('mail_accounts').select('id').execute()).toHaveLength(1);
  });

  it('takes mail over SMTP for account addresses only, answering 250 after it is stored', async () => {
    const created = await admin.post('/api/v1/mail/accounts', account({}));
    expect(created.statusCode).toBe(201);
    let listener: SMTPServer | null = null;
    try {
      listener = await startSmtpListener(t.ctx, 0, '127.0.0.1');
      const port = (listener.server.address() as { port: number }).port;
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({
        from: 'Smith <smith@customer.test>',
        to: 'support@frontdesk.test',
        subject: 'By SMTP',
        text: 'Hello over SMTP',
      });
      expect(info.accepted).toEqual(['support@frontdesk.test']);
      const receipts = await t.ctx.db.kysely.selectFrom('mail_receipts').select(['source', 'account_id']).execute();
      expect(receipts).toEqual([{ source: 'smtp', account_id: created.json().id }]);
      await expect(
        transport.sendMail({ from: 'smith@customer.test', to: 'someone@elsewhere.test', subject: 'x', text: 'y' }),
      ).rejects.toThrow(/550/);
      await t.ctx.worker.drain();
      expect((await ticketsOf(t, 'smith@customer.test')).map((x) => x.subject)).toEqual(['By SMTP']);
      transport.close();
    } finally {
      await new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
    }
  });
});

// The pipe command is one process per message against the database in DATABASE_URL; the
// database engine is exercised by the suites above, so this runs once, on SQLite.
describe('mail ingest command', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp('sqlite');
  });
  afterEach(async () => {
    await t.close();
  });

  it('stores a message piped to `frontdesk mail ingest` and exits 0 (EX_DATAERR for an empty one)', async () => {
    const env = { ...process.env, DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl, LOG_LEVEL: 'warn' };
    const cli = (input: Buffer | string) =>
      spawnSync(process.execPath, [join(ROOT, 'server', 'cli.ts'), 'mail', 'ingest'], { input, env, cwd: ROOT });
    const raw = rawMail({ from: 'piped@customer.test', subject: 'Piped', body: 'From the MTA' });
    const first = cli(raw);
    expect(first.stderr.toString()).toBe('');
    expect(first.status).toBe(0);
    expect(cli(raw).stdout.toString()).toMatch(/Already stored/);
    expect(cli('').status).toBe(65);
    // The CLI stamped its job with the real time; bring the test clock past it.
    t.clock.set(new Date(Date.now() + 60_000));
    await t.ctx.worker.drain();
    expect((await ticketsOf(t, 'piped@customer.test')).map((x) => x.subject)).toEqual(['Piped']);
  });
});
