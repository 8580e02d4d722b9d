import { availableParallelism } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** Typed configuration read once from the environment (documented in docs/operations.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** Public base URL, used for links and to decide whether cookies are Secure. */
  publicUrl: string;
  logLevel: string;
  /** Run the background worker in this process. */
  runWorker: boolean;
  sessionTtlHours: number;
  loginRateLimit: number;
  uploadMaxBytes: number;
  /** Directory with the built web app; served when present. */
  webDir: string;
  /** Trust X-Forwarded-For / -Proto (only behind a proxy that sets them). */
  trustProxy: boolean;
  /** SECRET_KEY: the instance secret; unset = a key generated into the data directory. */
  secretKey: string | undefined;
  /** Outgoing mail server (`smtp://user:pass@host:587`, `smtps://…`); unset = the dev mailbox. */
  smtpUrl: string | undefined;
  /** From header of outgoing mail. */
  mailFrom: string;
  /** Port of the inbound SMTP listener; 0 = off. */
  smtpListenPort: number;
  smtpListenHost: string;
  /** Largest inbound message the SMTP listener and pipe accept. */
  mailMaxBytes: number;
  /** How often IMAP accounts are polled. */
  mailPollSeconds: number;
  /** Worker threads that parse inbound mail ahead of filing; 0 = parse on the main thread. */
  mailParseThreads: number;
  /** Days raw inbound mail is kept after it was filed or ignored; 0 = forever. */
  mailRawRetentionDays: number;
  /** How long the worker holds a claimed batch of jobs; a crashed node's jobs run again after it. */
  jobLockSeconds: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The host name of a URL, or null when there is none or it does not parse. */
function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** Reads and validates the environment; throws a message naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR || './data');
  const port = intFrom(env, 'PORT', 3000);
  let databaseUrl = env.DATABASE_URL || `sqlite:${join(dataDir, 'frontdesk.db')}`;
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    if (path !== ':memory:' && !isAbsolute(path)) databaseUrl = `sqlite:${resolve(path)}`;
  }
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL || 'info',
    runWorker: env.RUN_WORKER !== '0' && env.RUN_WORKER !== 'false',
    sessionTtlHours: intFrom(env, 'SESSION_TTL_HOURS', 24 * 14),
    loginRateLimit: intFrom(env, 'LOGIN_RATE_LIMIT', 10),
    uploadMaxBytes: intFrom(env, 'UPLOAD_MAX_BYTES', 20 * 1024 * 1024),
    webDir: resolve(env.WEB_DIR || join(import.meta.dirname, '..', 'web', 'dist')),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    secretKey: env.SECRET_KEY || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `Frontdesk <support@${hostOf(env.PUBLIC_URL) ?? 'frontdesk.localhost'}>`,
    smtpListenPort: intFrom(env, 'SMTP_LISTEN_PORT', 0),
    smtpListenHost: env.SMTP_LISTEN_HOST || '0.0.0.0',
    mailMaxBytes: intFrom(env, 'MAIL_MAX_BYTES', 40 * 1024 * 1024),
    mailPollSeconds: intFrom(env, 'MAIL_POLL_SECONDS', 60),
    mailRawRetentionDays: intFrom(env, 'MAIL_RAW_RETENTION_DAYS', 90),
    jobLockSeconds: intFrom(env, 'JOB_LOCK_SECONDS', 300),
    mailParseThreads: intFrom(env, 'MAIL_PARSE_THREADS', Math.max(0, Math.min(2, availableParallelism() - 1))),
  };
}
