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
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
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
  };
}
