// Queue reads on a large database: 100,000 tickets, measured with app.inject (server time
// only, no network) as an operator (sees everything) and an engineer (group scope).
//
//   npx node bench/queue.bench.ts [--db sqlite|postgres|both]
//   env: BENCH_TICKETS (100000), BENCH_ITERATIONS (200), BENCH_WARMUP_ITERATIONS (20), BENCH_PG_URL
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { prepareDatabase } from '../server/main.ts';
import {
  createScratchPg,
  type Engine,
  enginesFromArgs,
  envInt,
  ms,
  percentile,
  printTable,
  type ScratchPg,
} from './lib.ts';
import { seedQueueData } from './queue-seed.ts';

const TICKETS = envInt('BENCH_TICKETS', 100_000);
const ITERATIONS = envInt('BENCH_ITERATIONS', 200);
const WARMUP = envInt('BENCH_WARMUP_ITERATIONS', 20);
const DEEP_PAGES = 40;
const TARGET_P95_MS = 30;

type App = Awaited<ReturnType<typeof buildApp>>['app'];

export interface QueueRow {
  engine: Engine;
  actor: 'operator' | 'engineer';
  name: string;
  items: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface QueueFigures {
  engine: Engine;
  seedRate: number;
  rows: QueueRow[];
}

interface ListBody {
  items: unknown[];
  nextCursor: string | null;
}

async function get(app: App, cookie: string, url: string): Promise<{ body: string; ms: number }> {
  const start = performance.now();
  const response = await app.inject({ method: 'GET', url, cookies: { fd_session: cookie } });
  const elapsed = performance.now() - start;
  // A failing request would measure the error path; stop instead of printing nonsense.
  if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}: ${response.body}`);
  return { body: response.body, ms: elapsed };
}

/** Warm-up, then ITERATIONS sequential requests; returns the sorted latencies. */
async function timeUrl(app: App, cookie: string, url: string): Promise<{ sorted: number[]; items: number }> {
  let items = 0;
  for (let i = 0; i < WARMUP; i++) {
    const parsed = JSON.parse((await get(app, cookie, url)).body) as Partial<ListBody>;
    items = parsed.items?.length ?? 0;
  }
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) times.push((await get(app, cookie, url)).ms);
  return { sorted: times.sort((a, b) => a - b), items };
}

/** Follows nextCursor up to `pages` pages and returns the URL of the page after that. */
async function deepUrl(app: App, cookie: string, first: string, pages: number): Promise<{ url: string; page: number }> {
  let url = first;
  let page = 1;
  for (; page <= pages; page++) {
    const { nextCursor } = JSON.parse((await get(app, cookie, url)).body) as ListBody;
    if (!nextCursor) break;
    url = `${first}&cursor=${encodeURIComponent(nextCursor)}`;
  }
  return { url, page: Math.min(page, pages + 1) };
}

async function measureActor(app: App, engine: Engine, actor: QueueRow['actor'], cookie: string): Promise<QueueRow[]> {
  const open = '/api/v1/tickets?queue=open&limit=50&sort=-updated';
  const all = '/api/v1/tickets?limit=50&sort=-updated';
  const deepOpen = await deepUrl(app, cookie, open, DEEP_PAGES);
  const deepAll = await deepUrl(app, cookie, all, DEEP_PAGES);
  const cases: [string, string][] = [
    ['(a) open, first page', open],
    [`(b) open, page ${deepOpen.page} via cursor`, deepOpen.url],
    [`(b') all, page ${deepAll.page} via cursor`, deepAll.url],
    ['(c) mine', '/api/v1/tickets?queue=mine&limit=50&sort=-updated'],
    ['(d) queue counts', '/api/v1/tickets/queues'],
    ['(e) open, by due date', '/api/v1/tickets?queue=open&limit=50&sort=due'],
  ];
  const rows: QueueRow[] = [];
  for (const [name, url] of cases) {
    const { sorted, items } = await timeUrl(app, cookie, url);
    rows.push({
      engine,
      actor,
      name,
      items,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    });
  }
  return rows;
}

export async function benchQueues(engine: Engine): Promise<QueueFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), `fd-bench-queue-${engine}-`));
  const scratch: ScratchPg | undefined = engine === 'postgres' ? await createScratchPg('queue') : undefined;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(scratch && { DATABASE_URL: scratch.url }) });
  const db = await prepareDatabase(config);
  try {
    process.stdout.write(`\n=== queues · ${engine} · ${TICKETS.toLocaleString('en')} tickets ===\n`);
    const seeded = await seedQueueData(db, TICKETS);
    const seedRate = seeded.tickets / seeded.seedSeconds;
    process.stdout.write(
      `seeded ${seeded.tickets} tickets in ${seeded.seedSeconds.toFixed(1)} s → ${seedRate.toFixed(0)} tickets/s (then ANALYZE)\n`,
    );
    const { app } = await buildApp({ config, db, logger: false });
    try {
      await app.ready();
      const rows = [
        ...(await measureActor(app, engine, 'operator', seeded.sessions.operator)),
        ...(await measureActor(app, engine, 'engineer', seeded.sessions.engineer)),
      ];
      printRows(rows);
      return { engine, seedRate, rows };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printRows(rows: QueueRow[]): void {
  printTable(
    ['db', 'actor', 'request', 'items', 'p50 ms', 'p95 ms', 'p99 ms', `p95 ≤ ${TARGET_P95_MS}`],
    rows.map((r) => [
      r.engine,
      r.actor,
      r.name,
      String(r.items),
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      r.p95 <= TARGET_P95_MS ? 'yes' : 'NO',
    ]),
  );
}

export function printQueueSummary(all: QueueFigures[]): void {
  process.stdout.write(
    `\nQueue reads (app.inject, ${ITERATIONS} iterations after ${WARMUP} warm-up, ${TICKETS} tickets)\n`,
  );
  printRows(all.flatMap((f) => f.rows));
  for (const f of all) process.stdout.write(`seeding rate ${f.engine}: ${f.seedRate.toFixed(0)} tickets/s\n`);
}

export async function main(argv: string[]): Promise<QueueFigures[]> {
  const all: QueueFigures[] = [];
  for (const engine of enginesFromArgs(argv)) all.push(await benchQueues(engine));
  printQueueSummary(all);
  return all;
}

if (import.meta.main) await main(process.argv.slice(2));
