/**
 * Reads an IMAP mailbox without losing mail: every message is handed to the caller's `store`
 * first, and only once that resolved is it acknowledged on the server (marked seen, moved or
 * deleted). A message whose store fails stays as it was and comes back on the next poll, so
 * delivery is at least once; the store deduplicates.
 */
import { AuthenticationFailure, ImapFlow } from 'imapflow';

/** What happens to a message on the server once it is safely stored. */
export type ImapAfterImport = 'mark_seen' | 'move' | 'delete';

/** Connection and behaviour of one polled IMAP mailbox. */
export interface ImapAccountSettings {
  host: string;
  port: number;
  /** Implicit TLS (usually port 993). */
  secure: boolean;
  /** On a non-secure port: require STARTTLS (true) or speak cleartext (false/unset), never guess. */
  startTls?: boolean;
  /** Accept certificates that do not verify (self-signed, wrong name). Default false. */
  allowSelfSigned?: boolean;
  user: string;
  password: string;
  /** Folder to read; default INBOX. */
  folder?: string;
  afterImport: ImapAfterImport;
  /** Target folder for `move`; created when missing. */
  moveTo?: string;
}

/** Where a raw message came from. */
export interface ImapMessageMeta {
  uid: number;
  folder: string;
}

/** Persists one raw message; must resolve only once the message is durably stored. */
export type StoreRawMessage = (raw: Buffer, meta: ImapMessageMeta) => Promise<void>;

/** The part of a pino/Fastify logger this module uses. */
export interface ImapSourceLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface ImapConnectOptions {
  /** Budget for TCP/TLS connect and, separately, for the server greeting. Default 15 s. */
  timeoutMs?: number;
}

export interface FetchImapOptions extends ImapConnectOptions {
  /** At most this many messages per poll; the rest wait for the next one. */
  limit?: number;
  log?: ImapSourceLogger;
}

export interface FetchImapResult {
  /** Messages downloaded and handed to `store`. */
  fetched: number;
  /** Messages stored and then acknowledged on the server. */
  acknowledged: number;
  /** Messages whose store failed; left untouched for the next poll. */
  failed: number;
}

/** UIDs per size lookup; also the most messages held in memory at once. */
const CHUNK = 25;
/** Most message bytes downloaded in one FETCH; a larger single message is fetched alone. */
const BATCH_BYTES = 16 * 1024 * 1024;
/** A store that keeps failing (database down) should not download the whole mailbox for nothing. */
const MAX_CONSECUTIVE_FAILURES = 10;

/**
 * Imports the not yet imported messages of one IMAP folder: UNSEEN ones for `mark_seen`, every
 * (undeleted) one for `move` and `delete`. Each message's raw source goes to `store`; after
 * `store` resolves the message is acknowledged, and if it throws the message stays untouched and
 * counts as failed. Connection, authentication and protocol errors reject (with a readable
 * message, see describeImapError); messages acknowledged before that stay acknowledged.
 */
export async function fetchImapMailbox(
  account: ImapAccountSettings,
  store: StoreRawMessage,
  options: FetchImapOptions = {},
): Promise<FetchImapResult> {
  const folder = account.folder || 'INBOX';
  const log = options.log;
  const result: FetchImapResult = { fetched: 0, acknowledged: 0, failed: 0 };
  const moveTo = account.moveTo?.trim() ?? '';
  if (account.afterImport === 'move' && (moveTo === '' || moveTo === folder)) {
    throw new Error(`afterImport 'move' needs a moveTo folder other than ${folder}`);
  }

  const client = createClient(account, options.timeoutMs, log);
  try {
    await client.connect();
    if (account.afterImport === 'move') await client.mailboxCreate(moveTo); // no-op when it exists

    const lock = await client.getMailboxLock(folder);
    try {
      // \Deleted messages were either acknowledged by an earlier poll whose expunge did not
      // complete, or deleted by a person: neither is new mail.
      const query = account.afterImport === 'mark_seen' ? { seen: false, deleted: false } : { deleted: false };
      const found = await client.search(query, { uid: true });
      if (!Array.isArray(found)) throw new Error(`SEARCH in ${folder} failed`);
      const uids = found.sort((a, b) => a - b).slice(0, options.limit ?? found.length);

      let consecutiveFailures = 0;
      for (let i = 0; i < uids.length && consecutiveFailures < MAX_CONSECUTIVE_FAILURES; i += CHUNK) {
        for (const batch of await sizedBatches(client, uids.slice(i, i + CHUNK))) {
          // Only this batch's sources are in memory; messages expunged meanwhile simply do not come back.
          const messages = await client.fetchAll(batch.join(','), { uid: true, source: true }, { uid: true });
          messages.sort((a, b) => a.uid - b.uid);
          for (const message of messages) {
            if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) break;
            if (!message.source) continue;
            result.fetched++;
            try {
              await store(message.source, { uid: message.uid, folder });
            } catch (error) {
              result.failed++;
              consecutiveFailures++;
              log?.warn({ err: error, folder, uid: message.uid }, 'storing IMAP message failed; left on the server');
              continue;
            }
            consecutiveFailures = 0;
            await acknowledge(client, account.afterImport, message.uid, moveTo);
            result.acknowledged++;
          }
        }
      }
      if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
        log?.warn({ folder, failed: result.failed }, 'IMAP poll stopped early: storing keeps failing');
      }
    } finally {
      lock.release();
    }
  } catch (error) {
    const readable = new Error(describeImapError(error), { cause: error });
    described.add(readable);
    throw readable;
  } finally {
    await closeClient(client);
  }
  if (result.fetched > 0) log?.info({ folder, ...result }, 'IMAP mailbox polled');
  return result;
}

/**
 * Logs in and checks that the folder exists (for the admin's "test connection" button).
 * Never throws: failures come back as a readable `error`.
 */
export async function testImapConnection(
  account: ImapAccountSettings,
  options: ImapConnectOptions = {},
): Promise<{ ok: true; messages: number } | { ok: false; error: string }> {
  const folder = account.folder || 'INBOX';
  const client = createClient(account, options.timeoutMs);
  try {
    await client.connect();
    const status = await client.status(folder, { messages: true });
    if (!status) return { ok: false, error: `Folder "${folder}" does not exist` };
    return { ok: true, messages: status.messages ?? 0 };
  } catch (error) {
    if (error instanceof Error && errorCode(error) === 'NotFound') {
      return { ok: false, error: `Folder "${folder}" does not exist` };
    }
    return { ok: false, error: describeImapError(error) };
  } finally {
    await closeClient(client);
  }
}

/** Errors fetchImapMailbox already rewrote, so describing them again keeps their text. */
const described = new WeakSet<Error>();

/** Turns an imapflow, TLS or socket error into one line an administrator can act on. */
export function describeImapError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (described.has(error)) return error.message;
  const e = error as Error & { responseText?: unknown; response?: unknown; mailboxMissing?: unknown };
  const code = errorCode(error);
  const rawText =
    typeof e.responseText === 'string' ? e.responseText : typeof e.response === 'string' ? e.response : '';
  // Dovecot appends timings: "Mailbox doesn't exist: X (0.001 + 0.000 secs)."
  const serverText = rawText.replace(/\s*\([\d.]+(?: \+ [\d.]+)* secs\)\.?$/, '').trim();
  if (error instanceof AuthenticationFailure || (e as { authenticationFailed?: unknown }).authenticationFailed) {
    const generic = /^(\[\w+\] )?authentication failed\.?$/i.test(serverText) || serverText === '';
    return `Authentication failed: wrong user name or password${generic ? '' : ` (server says: ${serverText})`}`;
  }
  const tls = TLS_REASONS[code];
  if (tls) return `TLS certificate rejected: ${tls}. Allow self-signed certificates only if you trust this server.`;
  if (e.mailboxMissing || code === 'NotFound') return `Folder does not exist${serverText ? ` (${serverText})` : ''}`;
  if (code === 'ECONNREFUSED') return `Connection refused (${error.message})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Host not found (${error.message})`;
  if (code === 'ECONNRESET') return `The server closed the connection (${error.message})`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return 'TLS handshake failed: this port does not speak TLS (turn implicit TLS off, or use STARTTLS)';
  }
  if (code === 'GREETING_TIMEOUT') {
    return 'The server sent no IMAP greeting in time (if this port expects TLS, usually 993, turn TLS on)';
  }
  if (code === 'CONNECT_TIMEOUT' || code === 'ETIMEOUT' || code === 'UPGRADE_TIMEOUT') {
    return `Timed out talking to the IMAP server (${code})`;
  }
  // OpenSSL messages run over several lines of internals: the first says what happened.
  const message = error.message.split('\n')[0].trim();
  return serverText && !message.includes(serverText) ? `${message}: ${serverText}` : message;
}

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "the server's certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the server's certificate chain ends in a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server's certificate is not signed by a trusted authority",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the server's certificate is not signed by a trusted authority",
  CERT_HAS_EXPIRED: "the server's certificate has expired",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "the server's certificate is for a different host name",
};

/** The error code, also when imapflow wrapped the socket's error. */
function errorCode(error: Error): string {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    current = (current as { _err?: unknown })._err ?? current.cause;
  }
  return '';
}

function createClient(account: ImapAccountSettings, timeoutMs = 15_000, log?: ImapSourceLogger): ImapFlow {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    // Explicit either way: imapflow's default (upgrade if offered) would silently switch a
    // cleartext account to TLS, and fail it on a self-signed certificate.
    doSTARTTLS: account.secure ? undefined : account.startTls === true,
    tls: { rejectUnauthorized: account.allowSelfSigned !== true },
    auth: { user: account.user, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    // A dead or silent server must fail the poll, not hang the worker.
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 5 * 60_000,
  });
  // Without a listener a late socket error would crash the process.
  client.on('error', (error: Error) => log?.warn({ err: error, host: account.host }, 'IMAP connection error'));
  return client;
}

/** Splits UIDs into groups whose total size stays under BATCH_BYTES. */
async function sizedBatches(client: ImapFlow, uids: number[]): Promise<number[][]> {
  if (uids.length === 0) return [];
  const sizes = await client.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true });
  sizes.sort((a, b) => a.uid - b.uid);
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const { uid, size = 0 } of sizes) {
    if (current.length > 0 && bytes + size > BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(uid);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

async function acknowledge(client: ImapFlow, mode: ImapAfterImport, uid: number, moveTo: string): Promise<void> {
  let ok: boolean;
  if (mode === 'mark_seen') {
    ok = await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  } else if (mode === 'move') {
    ok = (await client.messageMove(String(uid), moveTo, { uid: true })) !== false;
  } else {
    // \Deleted + UID EXPUNGE of just this message (UIDPLUS), leaving other clients' flags alone.
    ok = await client.messageDelete(String(uid), { uid: true });
  }
  // The message is stored but still looks new on the server: the next poll hands it over again.
  if (!ok) throw new Error(`IMAP server refused to ${mode.replace('_', ' ')} message UID ${uid}`);
}

async function closeClient(client: ImapFlow): Promise<void> {
  if (!client.usable) {
    client.close();
    return;
  }
  try {
    await client.logout();
  } catch {
    client.close();
  }
}
