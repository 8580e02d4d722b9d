/**
 * A real Dovecot IMAP server for tests: each call to startDovecot() writes its own configuration
 * into a fresh temporary directory and runs `dovecot -F` as a child process, so tests never share
 * mailboxes and never depend on a system service.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

const run = promisify(execFile);

const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const HOST = '127.0.0.1';

/**
 * Runs `dovecot -F` ($1) for the directory $2 and stops it, then deletes the directory, when its
 * stdin closes: on stop(), but also when the test process dies without cleaning up (a crash, a
 * killed worker), so no orphaned Dovecot keeps running. Prints "exit <code>" if Dovecot stops
 * by itself (a bad configuration).
 */
const SUPERVISOR = `
exec 3<&0
"$1" -F -c "$2/dovecot.conf" </dev/null &
pid=$!
(
  cat <&3 >/dev/null
  kill -TERM "$pid" 2>/dev/null
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  rm -rf "$2"
) &
wait "$pid"
echo "exit $?"
wait
`;

/** One message as the server has it. */
export interface DovecotMessage {
  uid: number;
  /** Flags such as `\Seen`; the session-bound `\Recent` is left out. */
  flags: string[];
  /** The Subject header as stored (not MIME-decoded). */
  subject: string;
}

/** A running Dovecot instance with one user. */
export interface DovecotServer {
  host: string;
  /** Plain IMAP (STARTTLS offered). */
  port: number;
  /** Implicit TLS with a self-signed certificate for `localhost` / 127.0.0.1. */
  tlsPort: number;
  /** PEM of the self-signed certificate, for tests that want to trust it explicitly. */
  tlsCert: string;
  user: string;
  password: string;
  /** Appends a message to a folder (created when missing); returns its UID. */
  append(folder: string, raw: Buffer | string, flags?: string[]): Promise<number>;
  /** The messages in a folder, oldest first ([] when the folder does not exist). */
  list(folder: string): Promise<DovecotMessage[]>;
  /** The user's folder names. */
  folders(): Promise<string[]>;
  createFolder(name: string): Promise<void>;
  /** The server's log so far (for assertions and failure messages). */
  log(): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

interface Identity {
  /** Owner of Dovecot's internal processes (auth workers, stats, ...). */
  internalUser: string;
  /** Group of Dovecot's internal sockets (its default `dovecot` is not ours when not root). */
  internalGroup: string;
  /** Owner of the unauthenticated login processes. */
  loginUser: string;
  /** The mail user's uid/gid: Dovecot refuses mail access as uid 0. */
  mailUid: number;
  mailGid: number;
  root: boolean;
}

/**
 * Starts a fresh Dovecot with user `frontdesk` / a random password, maildir storage, plain IMAP
 * and implicit TLS on free ports of 127.0.0.1. Throws (tests must fail, not skip) when Dovecot
 * is not installed.
 */
export async function startDovecot(): Promise<DovecotServer> {
  if (!existsSync(DOVECOT) || !existsSync(DOVEADM)) {
    throw new Error(
      `Dovecot is not installed (${DOVECOT} / ${DOVEADM} missing). The mail tests need a real IMAP server: ` +
        'run `apt-get install dovecot-imapd` (it does not have to run as a service).',
    );
  }
  // A port picked by the kernel can be taken again before Dovecot binds it: retry a few times.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      lastError = error;
      if (!(error instanceof Error && /Address already in use/.test(error.message))) throw error;
    }
  }
  throw lastError;
}

async function startOnce(): Promise<DovecotServer> {
  const id = identity();
  const dir = await mkdtemp(join(tmpdir(), 'fd-dovecot-'));
  // mkdtemp makes the directory 0700; the mail user and Dovecot's unprivileged processes must
  // traverse it when we run as root.
  await chmod(dir, 0o711);
  const user = 'frontdesk';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const [port, tlsPort] = await freePorts(2);
  const mailDir = join(dir, 'mail');
  await mkdir(mailDir);
  if (id.root) await chown(mailDir, id.mailUid, id.mailGid);
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  const certArgs = 'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=localhost';
  await run('openssl', [
    ...certArgs.split(' '),
    ...['-addext', `subjectAltName=DNS:localhost,IP:${HOST}`],
    ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
  ]);
  const conf = join(dir, 'dovecot.conf');
  await writeFile(conf, configText(dir, id, port, tlsPort));

  const child = spawn('sh', ['-c', SUPERVISOR, 'dovecot-supervisor', DOVECOT, dir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // stdout carries the supervisor's "exit <code>" line, written when Dovecot itself stops.
  const died = new Promise<string>((resolve) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^exit (\d+)$/m.exec(stdout);
      if (match) resolve(match[1]);
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnFailed = new Promise<never>((_resolve, reject) => child.once('error', reject));

  const readLog = async (): Promise<string> => {
    try {
      return await readFile(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };

  try {
    await Promise.race([
      waitForGreeting(port, 10_000),
      spawnFailed,
      died.then(async (code) => {
        throw new Error(`dovecot exited with code ${code} during start:\n${output}\n${await readLog()}`);
      }),
    ]);
  } catch (error) {
    await stopSupervisor(child, exited);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const doveadm = async (args: string[]): Promise<string> => {
    const { stdout } = await run(DOVEADM, ['-c', conf, ...args]);
    return stdout;
  };

  // One IMAP connection for appends, opened on first use: APPEND keeps the exact bytes and
  // takes flags, and a single connection makes hundreds of appends cheap.
  let imap: ImapFlow | null = null;
  const client = async (): Promise<ImapFlow> => {
    if (imap?.usable) return imap;
    imap = new ImapFlow({
      host: HOST,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    // An unhandled 'error' event (say, the server stopped first) would crash the test run.
    imap.on('error', () => {});
    await imap.connect();
    return imap;
  };
  const existing = async (): Promise<string[]> =>
    (await doveadm(['mailbox', 'list', '-u', user])).split('\n').filter((line) => line !== '');
  // Folders known to exist, so a burst of appends does not run doveadm each time.
  const ensured = new Set(['INBOX']);

  let stopped = false;
  return {
    host: HOST,
    port,
    tlsPort,
    tlsCert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    user,
    password,
    async append(folder, raw, flags = []) {
      if (!ensured.has(folder)) {
        if (!(await existing()).includes(folder)) await doveadm(['mailbox', 'create', '-u', user, folder]);
        ensured.add(folder);
      }
      const result = await (await client()).append(folder, raw, flags);
      if (!result || result.uid === undefined) throw new Error(`APPEND to ${folder} failed`);
      return result.uid;
    },
    async list(folder) {
      const out = await doveadm(['-f', 'json', 'fetch', '-u', user, 'uid flags hdr.subject', 'mailbox', folder, 'all']);
      return parseFetch(out);
    },
    folders: existing,
    async createFolder(name) {
      await doveadm(['mailbox', 'create', '-u', user, name]);
    },
    log: readLog,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (imap) {
        imap.close();
      }
      await stopSupervisor(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The users Dovecot runs as: root gets the Debian service accounts, anyone else runs everything as themselves. */
function identity(): Identity {
  const me = userInfo();
  const entries = (file: string): string[][] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.split(':'));
  const groupName = (gid: number): string =>
    entries('/etc/group').find((fields) => Number(fields[2]) === gid)?.[0] ?? String(gid);
  if (me.uid !== 0) {
    return {
      internalUser: me.username,
      internalGroup: groupName(me.gid),
      loginUser: me.username,
      mailUid: me.uid,
      mailGid: me.gid,
      root: false,
    };
  }
  const account = (name: string): { uid: number; gid: number } | null => {
    const fields = entries('/etc/passwd').find((f) => f[0] === name);
    return fields ? { uid: Number(fields[2]), gid: Number(fields[3]) } : null;
  };
  // Root: Dovecot refuses mail access as uid 0, so use the service accounts dovecot-core creates
  // (`dovecot`, `dovenull`), falling back to `nobody` elsewhere.
  const internal = account('dovecot') ? 'dovecot' : 'nobody';
  const mail = account(internal) ?? { uid: 65534, gid: 65534 };
  return {
    internalUser: internal,
    internalGroup: groupName(mail.gid),
    loginUser: account('dovenull') ? 'dovenull' : internal,
    mailUid: mail.uid,
    mailGid: mail.gid,
    root: true,
  };
}

function configText(dir: string, id: Identity, port: number, tlsPort: number): string {
  // Login processes chroot only when started as root; a non-root Dovecot must not try.
  const chroot = id.root ? '' : '  chroot =\n';
  return `# Generated by server/test/dovecot.ts for one test run.
instance_name = fd-test-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = ${HOST}
default_internal_user = ${id.internalUser}
default_internal_group = ${id.internalGroup}
default_login_user = ${id.loginUser}
first_valid_uid = ${id.mailUid}
first_valid_gid = ${id.mailGid}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
# Tests log in with wrong passwords on purpose: no 2 s failure delay (see also service anvil).
auth_failure_delay = 0
ssl = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
mail_location = maildir:~/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${id.mailUid} gid=${id.mailGid} home=${dir}/mail/%u
}
service imap-login {
${chroot}  inet_listener imap {
    address = ${HOST}
    port = ${port}
  }
  inet_listener imaps {
    address = ${HOST}
    port = ${tlsPort}
    ssl = yes
  }
}
service anvil {
${chroot}  # Auth can not reach this socket, so it switches off its per-IP penalty, which otherwise
  # delays every login from 127.0.0.1 by up to 15 s after a failed one.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
`;
}

function parseFetch(json: string): DovecotMessage[] {
  const rows: unknown = JSON.parse(json === '' ? '[]' : json);
  if (!Array.isArray(rows)) throw new Error(`unexpected doveadm output: ${json}`);
  return rows.map((row: unknown) => {
    const r = (row ?? {}) as Record<string, unknown>;
    return {
      uid: Number(r.uid),
      flags: String(r.flags ?? '')
        .split(' ')
        .filter((flag) => flag !== '' && flag !== '\\Recent'),
      subject: String(r['hdr.subject'] ?? ''),
    };
  });
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, HOST, () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Resolves once the IMAP port sends its `* OK` greeting. */
async function waitForGreeting(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, HOST);
      const done = (ok: boolean): void => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(1000, () => done(false));
      socket.once('data', (data: Buffer) => done(data.toString().startsWith('* OK')));
      socket.once('error', () => done(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not answer on ${HOST}:${port} within ${timeoutMs} ms`);
}

/** Closing the supervisor's stdin stops Dovecot; the supervisor exits once the directory is gone. */
async function stopSupervisor(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
