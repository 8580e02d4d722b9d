// Ticket intake throughput: a real `frontdesk serve` process under autocannon, a logged-in
// customer POSTing /api/v1/tickets over HTTP. Prints tickets/s, latency and errors, then
// checks that every 2xx response left exactly one ticket in the database.
//
//   npx node bench/ticket-create.bench.ts [--db sqlite|postgres|both]
//   env: BENCH_DURATION (s, 20), BENCH_CONNECTIONS (32), BENCH_WARMUP (s, 3), BENCH_PG_URL
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { createScratchPg, type Engine, enginesFromArgs, envInt, ms, printTable, type ScratchPg } from './lib.ts';

const ROOT = join(import.meta.dirname, '..');
const DURATION = envInt('BENCH_DURATION', 20);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const TARGET_SQLITE = 1000;
const CUSTOMER = { email: 'customer@bench.example', password: 'bench-password-1' };
const ADMIN = { email: 'admin@bench.example', password: 'bench-password-1' };

// A realistic portal submission; [<id>] makes every subject unique (autocannon idReplacement).
const BODY = JSON.stringify({
  subject: 'Laptop cannot reach the VPN from home [<id>]',
  body:
    'Since this morning the VPN client says "authentication failed" although my password works ' +
    'for e-mail. I restarted the laptop twice. Error code 809. Could you have a look? I need ' +
    'access to the finance share before noon.',
});

export interface CreateFigures {
  engine: Engine;
  ticketsPerSec: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  stored: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs the CLI with the pinned Node (process.execPath is the Node 24 `npx node` started). */
function cli(env: NodeJS.ProcessEnv, args: string[]): void {
  execFileSync(process.execPath, ['server/cli.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy within 60 s');
}

/** Logs in once (the login route is rate-limited) and returns the headers for POSTs. */
async function login(base: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(CUSTOMER),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const session = response.headers.getSetCookie().find((c) => c.startsWith('fd_session='));
  if (!session) throw new Error('login returned no fd_session cookie');
  return { 'content-type': 'application/json', cookie: session.split(';')[0], 'x-csrf-token': csrfToken };
}

/** Counts straight from the database, independent of the server under test. */
async function countRows(engine: Engine, dataDir: string, pgUrl: string | undefined) {
  const query = `select (select count(*) from tickets) as tickets, (select count(*) from ticket_messages) as messages`;
  if (engine === 'sqlite') {
    const db = new DatabaseSync(join(dataDir, 'frontdesk.db'), { readOnly: true });
    try {
      const row = db.prepare(query).get() as { tickets: number; messages: number };
      return { tickets: Number(row.tickets), messages: Number(row.messages) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tickets: string; messages: string }>(query);
    return { tickets: Number(rows[0].tickets), messages: Number(rows[0].messages) };
  } finally {
    await client.end();
  }
}

function fire(base: string, headers: Record<string, string>, duration: number): Promise<Result> {
  return autocannon({
    url: `${base}/api/v1/tickets`,
    method: 'POST',
    headers,
    body: BODY,
    idReplacement: true,
    connections: CONNECTIONS,
    duration,
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * autocannon drops the requests still in flight when the duration ends (at most one per
 * connection); the server commits them anyway, so stored may exceed 2xx by up to that many.
 */
function verdict(extra: number): string {
  if (extra === 0) return '(equal: none lost)';
  if (extra > 0 && extra <= CONNECTIONS) return `(none lost; ${extra} requests were in flight when autocannon stopped)`;
  return extra < 0 ? '(TICKETS LOST)' : '(more stored than sent: check the run)';
}

export async function benchTicketCreate(engine: Engine): Promise<CreateFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), `fd-bench-create-${engine}-`));
  const scratch: ScratchPg | undefined = engine === 'postgres' ? await createScratchPg('create') : undefined;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...(scratch && { DATABASE_URL: scratch.url }),
  };
  let child: ChildProcess | undefined;
  try {
    process.stdout.write(`\n=== ticket create · ${engine} · ${CONNECTIONS} connections · ${DURATION} s ===\n`);
    cli(env, [
      'user',
      'create',
      '--email',
      ADMIN.email,
      '--name',
      'Bench Admin',
      '--role',
      'admin',
      '--password',
      ADMIN.password,
    ]);
    cli(env, [
      'user',
      'create',
      '--email',
      CUSTOMER.email,
      '--name',
      'Bench Customer',
      '--role',
      'customer',
      '--password',
      CUSTOMER.password,
    ]);
    child = spawn(process.execPath, ['server/cli.ts', 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(base, child);
    const headers = await login(base);

    // Warm-up so JIT, statement caches and pools are hot; its tickets are excluded below.
    if (WARMUP > 0) await fire(base, headers, WARMUP);
    await new Promise((r) => setTimeout(r, 500));
    const before = await countRows(engine, dataDir, scratch?.url);
    const result = await fire(base, headers, DURATION);
    // Let requests still in flight when autocannon stopped commit before counting.
    await new Promise((r) => setTimeout(r, 1000));
    const after = await countRows(engine, dataDir, scratch?.url);

    const ok = result['2xx'];
    const stored = after.tickets - before.tickets;
    const figures: CreateFigures = {
      engine,
      ticketsPerSec: ok / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      stored,
    };
    const codes = Object.entries(result.statusCodeStats)
      .map(([code, s]) => `${code}×${s.count}`)
      .join(' ');
    const lines = [
      `tickets/s (2xx/s):   ${figures.ticketsPerSec.toFixed(0)}` +
        (engine === 'sqlite' ? `   (target ≥ ${TARGET_SQLITE})` : ''),
      `latency ms:          p50 ${ms(result.latency.p50)}  p99 ${ms(result.latency.p99)}  max ${ms(result.latency.max)}  mean ${ms(result.latency.average)}`,
      `responses:           ${codes || 'none'}  (non-2xx ${result.non2xx})`,
      `errors:              ${result.errors} connection errors, ${result.timeouts} timeouts`,
      `2xx responses:       ${ok}`,
      `tickets stored:      ${stored}  (messages stored: ${after.messages - before.messages})`,
      `difference:          ${stored - ok}  ${verdict(stored - ok)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return figures;
  } finally {
    if (child) await stop(child);
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printCreateSummary(all: CreateFigures[]): void {
  process.stdout.write('\nTicket creation (POST /api/v1/tickets over HTTP)\n');
  printTable(
    ['db', 'tickets/s', 'p50 ms', 'p99 ms', '2xx', 'stored', 'non-2xx', 'errors', 'timeouts'],
    all.map((f) => [
      f.engine,
      f.ticketsPerSec.toFixed(0),
      ms(f.p50),
      ms(f.p99),
      String(f.ok),
      String(f.stored),
      String(f.non2xx),
      String(f.errors),
      String(f.timeouts),
    ]),
  );
}

export async function main(argv: string[]): Promise<CreateFigures[]> {
  const all: CreateFigures[] = [];
  for (const engine of enginesFromArgs(argv)) all.push(await benchTicketCreate(engine));
  printCreateSummary(all);
  return all;
}

if (import.meta.main) await main(process.argv.slice(2));
