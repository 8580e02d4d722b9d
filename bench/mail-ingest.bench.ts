// Inbound mail throughput: the Zammad parser corpus (115 real messages: every charset,
// attachments, HTML-only, bounces, a 1.5 MB message) repeated to N messages (10,000), each
// copy with its own Message-ID. Measures storing the receipts (what happens before the source
// is acknowledged) and filing them (parse + thread + write the ticket or message, the job the
// worker runs), on SQLite and PostgreSQL. Target: at least 300 messages/s ingested (store, then
// parse + thread + write) on SQLite. Also shown: the rate until the outbox is empty, which adds
// the work filing queued (agents' notifications, the search index, acknowledgement mails).
//
//   npx node bench/mail-ingest.bench.ts [--db sqlite|postgres|both]
//   env: BENCH_MAIL_MESSAGES (10000), BENCH_PG_URL, MAIL_PARSE_THREADS (the server's default)
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { prepareDatabase } from '../server/main.ts';
import { storeReceipt } from '../server/modules/mail/receipts.service.ts';
import { corporaDir } from '../server/test/corpora.ts';
import { createScratchPg, type Engine, enginesFromArgs, envInt, printTable, type ScratchPg } from './lib.ts';

const MESSAGES = envInt('BENCH_MAIL_MESSAGES', 10_000);
const TARGET_PER_SECOND = 300;
const CORPUS = corporaDir('zammad-mail', 'mail');

export interface MailIngestRow {
  engine: Engine;
  messages: number;
  storeSeconds: number;
  /** Until every receipt was filed (parse + thread + write the ticket or message): the ingest. */
  ingestSeconds: number;
  /** Until the outbox was empty: also the work filing queued (notifications, search index, mail). */
  fileSeconds: number;
  /** CPU milliseconds per message until every receipt was filed: all threads / the main thread. */
  ingestCpuMs: number;
  ingestMainCpuMs: number;
  /** CPU milliseconds per message while filing, all threads (parsing included). */
  fileCpuMs: number;
  /** The same, main thread only (classify, thread, write). */
  fileMainCpuMs: number;
  outcomes: string;
}

/** The corpus messages with their Message-ID header removed (each copy gets its own). */
function loadCorpus(): Buffer[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.box'))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(CORPUS, f)).toString('latin1');
      return Buffer.from(raw.replace(/^Message-ID:[^\n]*\n(?:[ \t][^\n]*\n)*/im, ''), 'latin1');
    });
}

function copyWithId(message: Buffer, n: number): Buffer {
  return Buffer.concat([Buffer.from(`Message-ID: <bench-${n}@bench.test>\r\n`), message]);
}

export async function benchMailIngest(engine: Engine): Promise<MailIngestRow> {
  const corpus = loadCorpus();
  const dataDir = mkdtempSync(join(tmpdir(), `fd-bench-mail-${engine}-`));
  const scratch: ScratchPg | undefined = engine === 'postgres' ? await createScratchPg('mail') : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(scratch && { DATABASE_URL: scratch.url }),
    // The default (one less than the cores, at most 2) unless the environment says otherwise.
    ...(process.env.MAIL_PARSE_THREADS && { MAIL_PARSE_THREADS: process.env.MAIL_PARSE_THREADS }),
  });
  const db = await prepareDatabase(config);
  const { app, ctx } = await buildApp({ config, db, logger: false, mailPollEveryMs: 0 });
  try {
    process.stdout.write(
      `\n=== Mail ingest · ${engine} · ${MESSAGES.toLocaleString('en')} messages (${corpus.length} corpus mails repeated) ===\n`,
    );
    const storeStart = performance.now();
    for (let n = 0; n < MESSAGES; n++) {
      await storeReceipt(ctx, copyWithId(corpus[n % corpus.length], n), { kind: 'pipe', accountId: null, ref: null });
    }
    const storeSeconds = (performance.now() - storeStart) / 1000;
    // CPU time per message while filing (all threads, and the main thread alone): steadier than
    // rates on a shared machine, and shows whether parsing or the database work is the limit.
    const cpu0 = process.cpuUsage();
    const mainCpu0 = process.threadCpuUsage();
    const fileStart = performance.now();
    // Filing jobs were queued before anything they cause, and the worker takes rows in order, so
    // the last receipt is filed before the downstream work runs: watch for it between batches.
    let ingestSeconds = 0;
    let ingestCpu = { user: 0, system: 0 };
    let ingestMainCpu = { user: 0, system: 0 };
    const watch = setInterval(() => {
      void pendingReceipts(ctx).then((left) => {
        if (left > 0 || ingestSeconds > 0) return;
        ingestSeconds = (performance.now() - fileStart) / 1000;
        ingestCpu = process.cpuUsage(cpu0);
        ingestMainCpu = process.threadCpuUsage(mainCpu0);
      });
    }, 100);
    await ctx.worker.drain();
    clearInterval(watch);
    const fileSeconds = (performance.now() - fileStart) / 1000;
    if (ingestSeconds === 0) ingestSeconds = fileSeconds;
    const cpu = process.cpuUsage(cpu0);
    const mainCpu = process.threadCpuUsage(mainCpu0);
    const outcomes = await ctx.db.kysely
      .selectFrom('mail_receipts')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    const row: MailIngestRow = {
      engine,
      messages: MESSAGES,
      storeSeconds,
      ingestSeconds,
      fileSeconds,
      ingestCpuMs: (ingestCpu.user + ingestCpu.system) / 1000 / MESSAGES,
      ingestMainCpuMs: (ingestMainCpu.user + ingestMainCpu.system) / 1000 / MESSAGES,
      fileCpuMs: (cpu.user + cpu.system) / 1000 / MESSAGES,
      fileMainCpuMs: (mainCpu.user + mainCpu.system) / 1000 / MESSAGES,
      outcomes: outcomes.map((o) => `${o.status} ${Number(o.n)}`).join(', '),
    };
    printMailSummary([row]);
    return row;
  } finally {
    await app.close();
    await db.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Receipts not yet filed. */
async function pendingReceipts(ctx: AppContext): Promise<number> {
  const row = await ctx.db.kysely
    .selectFrom('mail_receipts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Prints the figures of each engine as one table. */
export function printMailSummary(rows: MailIngestRow[]): void {
  const rate = (n: number, s: number) => (n / s).toFixed(0);
  printTable(
    [
      'engine',
      'messages',
      'store msg/s',
      'file msg/s',
      'ingest msg/s',
      `target ≥${TARGET_PER_SECOND}`,
      'with downstream msg/s',
      'ingest CPU ms/msg (all / main)',
      'with downstream CPU ms/msg (all / main)',
      'receipts',
    ],
    rows.map((r) => [
      r.engine,
      r.messages.toLocaleString('en'),
      rate(r.messages, r.storeSeconds),
      rate(r.messages, r.ingestSeconds),
      rate(r.messages, r.storeSeconds + r.ingestSeconds),
      r.engine === 'sqlite'
        ? r.messages / (r.storeSeconds + r.ingestSeconds) >= TARGET_PER_SECOND
          ? 'met'
          : 'MISSED'
        : '-',
      rate(r.messages, r.storeSeconds + r.fileSeconds),
      `${r.ingestCpuMs.toFixed(2)} / ${r.ingestMainCpuMs.toFixed(2)}`,
      `${r.fileCpuMs.toFixed(2)} / ${r.fileMainCpuMs.toFixed(2)}`,
      r.outcomes,
    ]),
  );
}

export async function main(argv: string[]): Promise<MailIngestRow[]> {
  const rows: MailIngestRow[] = [];
  for (const engine of enginesFromArgs(argv)) rows.push(await benchMailIngest(engine));
  return rows;
}

if (import.meta.main) await main(process.argv.slice(2));
