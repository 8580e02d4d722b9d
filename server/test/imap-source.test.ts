/**
 * The IMAP reader against a real Dovecot: nothing is acknowledged before it is stored, failures
 * come back on the next poll, and TLS certificates are checked unless the admin opts out.
 */
import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeImapError,
  fetchImapMailbox,
  type ImapAccountSettings,
  type ImapMessageMeta,
  testImapConnection,
} from '../modules/mail/imap-source.ts';
import { type DovecotServer, startDovecot } from './dovecot.ts';

let dovecot: DovecotServer;

// One server for the file; every test works in its own folder.
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  if (!dovecot) return;
  // Failed logins and refused certificates are logged as Info; anything louder is a harness or reader problem.
  const problems = (await dovecot.log()).split('\n').filter((line) => /: (Warning|Error|Fatal|Panic):/.test(line));
  await dovecot.stop();
  expect(problems).toEqual([]);
});

function account(overrides: Partial<ImapAccountSettings> = {}): ImapAccountSettings {
  return {
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    user: dovecot.user,
    password: dovecot.password,
    afterImport: 'mark_seen',
    ...overrides,
  };
}

/** A raw message with 8-bit UTF-8 text and CRLF line ends, as servers hand it out. */
function rawMessage(subject: string): Buffer {
  return Buffer.from(
    [
      'From: Customer <customer@example.com>',
      'To: help@example.com',
      `Subject: ${subject}`,
      `Message-ID: <${subject.replace(/\W/g, '-')}-${Math.random().toString(36).slice(2)}@example.com>`,
      'Date: Mon, 01 Jan 2024 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      `Hello, ${subject}. Привет, 你好 — ünïcödé.`,
      '',
    ].join('\r\n'),
  );
}

/** A store that records what it was given. */
function recorder(fail?: (raw: Buffer) => boolean) {
  const stored: { raw: Buffer; meta: ImapMessageMeta }[] = [];
  const store = async (raw: Buffer, meta: ImapMessageMeta): Promise<void> => {
    if (fail?.(raw)) throw new Error('database unavailable');
    stored.push({ raw, meta });
  };
  return { stored, store };
}

const subjectOf = (raw: Buffer): string => /^Subject: (.*)$/m.exec(raw.toString())?.[1]?.trim() ?? '';

describe('fetchImapMailbox', () => {
  it('stores every unseen message with its exact bytes, then marks it seen', async () => {
    const sent = [rawMessage('first'), rawMessage('second'), rawMessage('third')];
    for (const raw of sent) await dovecot.append('INBOX', raw);
    await dovecot.append('INBOX', rawMessage('already read'), ['\\Seen']);

    const { stored, store } = recorder();
    const result = await fetchImapMailbox(account(), store);

    expect(result).toEqual({ fetched: 3, acknowledged: 3, failed: 0 });
    expect(stored.map((s, i) => s.raw.equals(sent[i]))).toEqual([true, true, true]);
    expect(stored.map((s) => s.meta.folder)).toEqual(['INBOX', 'INBOX', 'INBOX']);
    const onServer = await dovecot.list('INBOX');
    expect(onServer).toHaveLength(4);
    for (const message of onServer) expect(message.flags).toContain('\\Seen');
    expect(stored.map((s) => s.meta.uid)).toEqual(onServer.slice(0, 3).map((m) => m.uid));

    const again = recorder();
    expect(await fetchImapMailbox(account(), again.store)).toEqual({ fetched: 0, acknowledged: 0, failed: 0 });
    expect(again.stored).toHaveLength(0);
  });

  it('leaves a message whose store failed unseen and hands it over again on the next poll', async () => {
    const folder = 'Retry';
    for (const subject of ['retry 1', 'retry 2', 'retry 3']) await dovecot.append(folder, rawMessage(subject));

    const first = recorder((raw) => subjectOf(raw) === 'retry 2');
    expect(await fetchImapMailbox(account({ folder }), first.store)).toEqual({
      fetched: 3,
      acknowledged: 2,
      failed: 1,
    });
    expect(first.stored.map((s) => subjectOf(s.raw))).toEqual(['retry 1', 'retry 3']);
    const flags = Object.fromEntries((await dovecot.list(folder)).map((m) => [m.subject, m.flags]));
    expect(flags['retry 1']).toContain('\\Seen');
    expect(flags['retry 2']).toEqual([]);
    expect(flags['retry 3']).toContain('\\Seen');

    const second = recorder();
    expect(await fetchImapMailbox(account({ folder }), second.store)).toEqual({
      fetched: 1,
      acknowledged: 1,
      failed: 0,
    });
    expect(second.stored.map((s) => subjectOf(s.raw))).toEqual(['retry 2']);
    for (const message of await dovecot.list(folder)) expect(message.flags).toContain('\\Seen');
  });

  it("moves stored messages (seen or not) into the 'move' folder, creating it", async () => {
    const folder = 'MoveSource';
    await dovecot.append(folder, rawMessage('move 1'));
    await dovecot.append(folder, rawMessage('move 2'), ['\\Seen']);
    await dovecot.append(folder, rawMessage('move 3'));
    expect(await dovecot.folders()).not.toContain('Processed');

    const { stored, store } = recorder((raw) => subjectOf(raw) === 'move 3');
    const settings = account({ folder, afterImport: 'move', moveTo: 'Processed' });
    expect(await fetchImapMailbox(settings, store)).toEqual({ fetched: 3, acknowledged: 2, failed: 1 });
    expect(stored.map((s) => subjectOf(s.raw))).toEqual(['move 1', 'move 2']);
    expect((await dovecot.list(folder)).map((m) => m.subject)).toEqual(['move 3']);
    expect((await dovecot.list('Processed')).map((m) => m.subject)).toEqual(['move 1', 'move 2']);

    expect(await fetchImapMailbox(settings, recorder().store)).toEqual({ fetched: 1, acknowledged: 1, failed: 0 });
    expect(await dovecot.list(folder)).toEqual([]);
    expect((await dovecot.list('Processed')).map((m) => m.subject)).toEqual(['move 1', 'move 2', 'move 3']);
  });

  it("expunges stored messages with 'delete' and keeps the one whose store failed", async () => {
    const folder = 'DeleteSource';
    await dovecot.append(folder, rawMessage('delete 1'), ['\\Seen']);
    await dovecot.append(folder, rawMessage('delete 2'));
    await dovecot.append(folder, rawMessage('delete 3'));

    const settings = account({ folder, afterImport: 'delete' });
    const first = recorder((raw) => subjectOf(raw) === 'delete 2');
    expect(await fetchImapMailbox(settings, first.store)).toEqual({ fetched: 3, acknowledged: 2, failed: 1 });
    const left = await dovecot.list(folder);
    expect(left.map((m) => m.subject)).toEqual(['delete 2']);
    expect(left[0].flags).not.toContain('\\Deleted');

    const second = recorder();
    expect(await fetchImapMailbox(settings, second.store)).toEqual({ fetched: 1, acknowledged: 1, failed: 0 });
    expect(second.stored.map((s) => subjectOf(s.raw))).toEqual(['delete 2']);
    expect(await dovecot.list(folder)).toEqual([]);
  });

  it('imports a large mailbox completely, in batches and within the per-poll limit', async () => {
    const folder = 'Bulk';
    const count = 200;
    for (let i = 1; i <= count; i++) await dovecot.append(folder, rawMessage(`bulk ${i}`));

    const { stored, store } = recorder();
    expect(await fetchImapMailbox(account({ folder }), store, { limit: 50 })).toEqual({
      fetched: 50,
      acknowledged: 50,
      failed: 0,
    });
    expect(await fetchImapMailbox(account({ folder }), store)).toEqual({ fetched: 150, acknowledged: 150, failed: 0 });

    const subjects = stored.map((s) => subjectOf(s.raw));
    expect(new Set(subjects).size).toBe(count);
    expect(subjects).toEqual(Array.from({ length: count }, (_, i) => `bulk ${i + 1}`));
    const onServer = await dovecot.list(folder);
    expect(onServer.filter((m) => m.flags.includes('\\Seen'))).toHaveLength(count);
  });

  it("refuses 'move' without a target folder", async () => {
    await expect(fetchImapMailbox(account({ afterImport: 'move' }), recorder().store)).rejects.toThrow(/moveTo/);
  });

  it('rejects with a readable error when the login fails', async () => {
    const failure = await fetchImapMailbox(account({ password: 'wrong' }), recorder().store).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect(describeImapError(failure)).toBe('Authentication failed: wrong user name or password');
    expect(describeImapError(failure)).toBe((failure as Error).message);
  });
});

describe('TLS', () => {
  it('refuses the self-signed certificate on the implicit TLS port unless allowed', async () => {
    const tls = account({ port: dovecot.tlsPort, secure: true, folder: 'Secure' });
    await dovecot.append('Secure', rawMessage('over tls'));

    expect(await testImapConnection(tls)).toEqual({
      ok: false,
      error: expect.stringMatching(/^TLS certificate rejected: the server's certificate is self-signed/),
    });
    await expect(fetchImapMailbox(tls, recorder().store)).rejects.toThrow(/certificate is self-signed/);
    expect((await dovecot.list('Secure'))[0].flags).toEqual([]);

    const trusting = { ...tls, allowSelfSigned: true };
    expect(await testImapConnection(trusting)).toEqual({ ok: true, messages: 1 });
    const { stored, store } = recorder();
    expect(await fetchImapMailbox(trusting, store)).toEqual({ fetched: 1, acknowledged: 1, failed: 0 });
    expect(subjectOf(stored[0].raw)).toBe('over tls');
  });

  it('checks the certificate after STARTTLS too', async () => {
    const startTls = account({ startTls: true });
    expect(await testImapConnection(startTls)).toEqual({
      ok: false,
      error: expect.stringMatching(/^TLS certificate rejected/),
    });
    expect(await testImapConnection({ ...startTls, allowSelfSigned: true })).toMatchObject({ ok: true });
  });
});

describe('testImapConnection', () => {
  it('reports the message count of the folder', async () => {
    await dovecot.append('Counted', rawMessage('count 1'));
    await dovecot.append('Counted', rawMessage('count 2'));
    expect(await testImapConnection(account({ folder: 'Counted' }))).toEqual({ ok: true, messages: 2 });
  });

  it('explains a wrong password, a missing folder and a closed port', async () => {
    const wrong = await testImapConnection(account({ password: 'not-the-password' }));
    expect(wrong).toEqual({ ok: false, error: expect.stringMatching(/^Authentication failed/) });

    const missing = await testImapConnection(account({ folder: 'No such folder' }));
    expect(missing).toEqual({ ok: false, error: 'Folder "No such folder" does not exist' });

    const closed = await testImapConnection(account({ port: 1 }));
    expect(closed).toEqual({ ok: false, error: expect.stringMatching(/^Connection refused/) });

    const tlsOnPlainPort = await testImapConnection(account({ secure: true }));
    expect(tlsOnPlainPort).toEqual({ ok: false, error: expect.stringMatching(/does not speak TLS/) });
  });

  it('gives up on a server that accepts but never greets', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const started = Date.now();
      expect(await testImapConnection(account({ port }), { timeoutMs: 300 })).toEqual({
        ok: false,
        error: expect.stringMatching(/no IMAP greeting/),
      });
      await expect(fetchImapMailbox(account({ port }), recorder().store, { timeoutMs: 300 })).rejects.toThrow(
        /no IMAP greeting/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
