// Helpers shared by the benchmarks: which databases to run, throw-away PostgreSQL
// databases, a seeded random generator, percentiles and table printing.
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

/** `--db sqlite|postgres|both` (default both). */
export function enginesFromArgs(argv: string[]): Engine[] {
  const index = argv.indexOf('--db');
  const value = index >= 0 ? argv[index + 1] : (argv.find((a) => a.startsWith('--db='))?.slice(5) ?? 'both');
  if (value === 'sqlite' || value === 'postgres') return [value];
  if (value === 'both') return ['sqlite', 'postgres'];
  throw new Error(`--db must be sqlite, postgres or both, got "${value}"`);
}

/** A positive integer from the environment, or the fallback. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** mulberry32: a tiny seeded PRNG, so every run (and both databases) sees the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where to create scratch databases; the server under test gets its own database on it. */
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchPg {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty PostgreSQL database named fd_bench_<label>_<timestamp>. */
export async function createScratchPg(label: string): Promise<ScratchPg> {
  const name = `fd_bench_${label}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      try {
        // WITH (FORCE) ends connections a crashed run may have left behind (PostgreSQL 13+).
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Prints rows as an aligned text table (first column left, the rest right-aligned). */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

export function ms(value: number): string {
  return value.toFixed(value < 10 ? 2 : 1);
}
