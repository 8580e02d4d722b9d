// Search on a large generated corpus in five languages (en, uk, ru, ro, zh): N ticket messages
// (1,000,000; five per ticket) and N/100 articles (10,000). Measures the index build (reindex of
// the tickets, then of the articles seeded into the knowledge base) and the search service (SQL, ranking
// and snippets) as an agent who sees every ticket: one-word, two-word and Chinese queries.
//
//   npx node bench/search.bench.ts [--db sqlite|postgres|both]
//   env: SEARCH_BENCH_MESSAGES (1000000), SEARCH_BENCH_ARTICLES (messages / 100), SEARCH_BENCH_QUERIES (200), SEARCH_BENCH_KEEP (1: keep the PG database),
//        SEARCH_BENCH_REUSE (the URL a kept run printed: queries only, no build), BENCH_PG_URL
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp } from '../server/app.ts';
import type { Actor } from '../server/authz/policy.ts';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { prepareDatabase } from '../server/main.ts';
import { loadActor } from '../server/modules/auth/actor.ts';
import { search } from '../server/modules/search/search.service.ts';
import { reindex } from '../server/modules/search/search-index.service.ts';
import { createScratchPg, type Engine, enginesFromArgs, envInt, ms, percentile, printTable, prng } from './lib.ts';

const MESSAGES = envInt('SEARCH_BENCH_MESSAGES', 1_000_000);
const ARTICLES = envInt('SEARCH_BENCH_ARTICLES', Math.max(1, Math.round(MESSAGES / 100)));
const QUERIES = envInt('SEARCH_BENCH_QUERIES', 200);
const PER_TICKET = 5;
const TARGET_P95_MS = 100;
const BATCH = 500;
const OPERATOR_EMAIL = 'agent@bench.test';

const SYLLABLES: Record<string, string[]> = {
  en: [
    'pri',
    'nt',
    'er',
    'net',
    'work',
    'con',
    'fig',
    'serv',
    'ice',
    'lap',
    'top',
    'mail',
    'pass',
    'word',
    'dis',
    'play',
  ],
  uk: ['при', 'нт', 'ер', 'ме', 'ре', 'жа', 'ко', 'мп', 'ютер', 'па', 'роль', 'по', 'шта', 'сер', 'вер', 'ї'],
  ru: ['при', 'нт', 'ер', 'се', 'ть', 'ко', 'мп', 'ьютер', 'па', 'роль', 'по', 'чта', 'сер', 'вер', 'ы', 'ой'],
  ro: ['im', 'pri', 'man', 'ta', 're', 'țea', 'ser', 'vi', 'ciu', 'pa', 'ro', 'lă', 'poș', 'ta', 'ș', 'ă'],
};
const VOCAB_SIZE = 3000;
/** Common Han characters (a contiguous block is enough for the index's behaviour). */
const HAN = Array.from({ length: 1500 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7) % 20000)));
const LANGS = ['en', 'uk', 'ru', 'ro', 'zh'] as const;

/** Per language: a vocabulary of generated words, used with a Zipf-like rank distribution. */
function vocabularies(): Record<string, string[]> {
  const random = prng(7);
  const out: Record<string, string[]> = {};
  for (const [lang, syllables] of Object.entries(SYLLABLES)) {
    const words = new Set<string>();
    while (words.size < VOCAB_SIZE) {
      const n = 2 + Math.floor(random() * 3);
      let w = '';
      for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
      words.add(w);
    }
    out[lang] = [...words];
  }
  const zh = new Set<string>();
  while (zh.size < VOCAB_SIZE) zh.add(HAN[Math.floor(random() * HAN.length)] + HAN[Math.floor(random() * HAN.length)]);
  out.zh = [...zh];
  return out;
}

/** A rank 0..n-1 with probability roughly 1/(rank+1). */
function zipf(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

function sentence(random: () => number, lang: string, vocab: string[], words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(vocab[zipf(random, vocab.length)]);
  return lang === 'zh' ? `${out.join('')}。` : `${out.join(' ')}.`;
}

/** Seeds users, tickets and their messages with plain inserts (the services would take hours). */
async function seed(ctx: AppContext, vocab: Record<string, string[]>): Promise<number> {
  const k = ctx.db.kysely;
  const at = '2026-03-01T09:00:00.000Z';
  const role = async (key: string) =>
    (await k.selectFrom('roles').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  const customerRole = await role('customer');
  const operatorRole = await role('operator');
  const user = (email: string, roleId: number) => ({
    email,
    name: email.split('@')[0],
    role_id: roleId,
    locale: 'en',
    active: 1,
    created_at: at,
    updated_at: at,
  });
  const operator = await k
    .insertInto('users')
    .values(user(OPERATOR_EMAIL, operatorRole))
    .returning('id')
    .executeTakeFirstOrThrow();
  const customers = await k
    .insertInto('users')
    .values(Array.from({ length: 200 }, (_, i) => user(`customer${i}@bench.test`, customerRole)))
    .returning('id')
    .execute();
  const random = prng(42);
  const tickets = Math.ceil(MESSAGES / PER_TICKET);
  for (let start = 0; start < tickets; start += BATCH) {
    await k.transaction().execute(async (trx) => {
      const rows = [];
      const langs: string[] = [];
      for (let i = start; i < Math.min(start + BATCH, tickets); i++) {
        const lang = LANGS[i % LANGS.length];
        langs.push(lang);
        const requester = customers[i % customers.length].id;
        rows.push({
          number: 10_001 + i,
          subject: sentence(random, lang, vocab[lang], 4 + Math.floor(random() * 4)),
          status: i % 4 === 0 ? 'resolved' : 'new',
          priority: 'normal',
          type: 'incident',
          channel: 'portal',
          requester_id: requester,
          created_by: requester,
          created_at: at,
          updated_at: at,
        });
      }
      const ids = await trx.insertInto('tickets').values(rows).returning(['id', 'requester_id']).execute();
      const messages = ids.flatMap((t, n) =>
        Array.from({ length: PER_TICKET }, (_, j) => {
          const text = sentence(random, langs[n], vocab[langs[n]], 15 + Math.floor(random() * 40));
          return {
            ticket_id: t.id,
            author_id: j % 2 === 0 ? t.requester_id : operator.id,
            kind: j === 3 ? 'note' : 'reply',
            visibility: j === 3 ? 'internal' : 'public',
            body_html: `<p>${text}</p>`,
            body_text: text,
            created_at: at,
          };
        }),
      );
      // Under PostgreSQL's 65,535 parameters per statement.
      for (let i = 0; i < messages.length; i += 1000)
        await trx
          .insertInto('ticket_messages')
          .values(messages.slice(i, i + 1000))
          .execute();
    });
  }
  return operator.id;
}

/**
 * Generated published articles (every third staff-only) written into the knowledge base's tables;
 * `reindex` then builds their documents as the outbox handler would.
 */
async function seedArticles(ctx: AppContext, vocab: Record<string, string[]>, authorId: number): Promise<void> {
  const random = prng(99);
  const at = new Date().toISOString();
  for (let start = 0; start < ARTICLES; start += BATCH) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + BATCH, ARTICLES); i++) {
        const lang = LANGS[i % LANGS.length];
        const title = sentence(random, lang, vocab[lang], 5);
        const body = Array.from({ length: 8 }, () => sentence(random, lang, vocab[lang], 20)).join(' ');
        const { id } = await trx
          .insertInto('kb_articles')
          .values({
            category_id: null,
            status: 'published',
            visibility: i % 3 === 0 ? 'staff' : 'public',
            source_ticket_id: null,
            helpful_yes: 0,
            helpful_no: 0,
            author_id: authorId,
            created_at: at,
            updated_at: at,
            published_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('kb_article_translations')
          .values({
            article_id: id,
            locale: lang,
            title,
            body_html: `<p>${body}</p>`,
            body_text: body,
            updated_by: authorId,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
    });
  }
}

export interface SearchBenchRow {
  engine: Engine;
  scenario: string;
  n: number;
  p50: number;
  p95: number;
  hitsAvg: number;
}

/** Query strings of each kind, drawn from the vocabularies with the corpus's own distribution. */
function queries(vocab: Record<string, string[]>): Record<string, string[]> {
  const random = prng(1234);
  const pick = (lang: string) => vocab[lang][zipf(random, vocab[lang].length)];
  const latin = ['en', 'uk', 'ru', 'ro'];
  const oneWord: string[] = [];
  const twoWord: string[] = [];
  const prefix: string[] = [];
  const chinese: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const lang = latin[i % latin.length];
    oneWord.push(pick(lang));
    twoWord.push(`${pick(lang)} ${pick(lang)}`);
    prefix.push([...pick(lang)].slice(0, 4).join(''));
    chinese.push(i % 2 === 0 ? pick('zh') : `${pick('zh')} ${pick('zh')}`);
  }
  return {
    'one word': oneWord,
    'two words': twoWord,
    'prefix (4 letters)': prefix,
    'Chinese (1-2 words)': chinese,
    'articles, one word': oneWord,
  };
}

export interface SearchBenchResult {
  rows: SearchBenchRow[];
  build: { engine: Engine; messages: number; seconds: number; articlesSeconds: number }[];
}

export async function benchSearch(engine: Engine): Promise<SearchBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), `fd-bench-search-${engine}-`));
  // A kept PostgreSQL database can be queried again without the ten-minute build.
  const reuse = engine === 'postgres' ? process.env.SEARCH_BENCH_REUSE : undefined;
  const scratch = engine === 'postgres' && !reuse ? await createScratchPg('search') : undefined;
  const databaseUrl = reuse ?? scratch?.url;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  });
  const db = await prepareDatabase(config);
  const { app, ctx } = await buildApp({ config, db, logger: false });
  try {
    process.stdout.write(
      `\n=== Search · ${engine} · ${MESSAGES.toLocaleString('en')} messages, ${ARTICLES.toLocaleString('en')} articles ===\n`,
    );
    const vocab = vocabularies();
    if (reuse) {
      const operator = await db.kysely
        .selectFrom('users')
        .select('id')
        .where('email', '=', OPERATOR_EMAIL)
        .executeTakeFirstOrThrow();
      const rows = await runQueries(ctx, engine, operator.id, vocab);
      return { rows, build: [] };
    }
    let t0 = performance.now();
    const operatorId = await seed(ctx, vocab);
    process.stdout.write(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    t0 = performance.now();
    let lastTenth = -1;
    await reindex(ctx, ['ticket'], (_type, done, total) => {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stdout.write(`  indexed ${done}/${total} tickets, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      }
    });
    const seconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await seedArticles(ctx, vocab, operatorId);
    t0 = performance.now();
    await reindex(ctx, ['article']);
    const articlesSeconds = (performance.now() - t0) / 1000;
    if (engine === 'postgres') await sql`analyze`.execute(db.kysely);
    else db.sqlite?.exec(`insert into search_fts(search_fts) values('optimize')`);
    process.stdout.write(
      `index build: ${(MESSAGES / seconds).toFixed(0)} messages/s (${seconds.toFixed(1)} s), articles ${articlesSeconds.toFixed(1)} s\n`,
    );
    const rows = await runQueries(ctx, engine, operatorId, vocab);
    return { rows, build: [{ engine, messages: MESSAGES, seconds, articlesSeconds }] };
  } finally {
    await app.close();
    await db.close();
    // SEARCH_BENCH_KEEP=1 leaves the database for EXPLAIN (the URL is printed).
    if (process.env.SEARCH_BENCH_KEEP === '1') process.stdout.write(`kept ${config.databaseUrl}\n`);
    else await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs every query scenario as the operator and prints the figures; then the one-word queries
 * again for readers from whom field rules hide the subject on one ticket type (change requests,
 * none in the corpus; incidents, all of it): their search matches titles only where the subject
 * is shown, which looks matches up in `tickets` instead of ranking from the index alone (ADR 0021).
 */
async function runQueries(
  ctx: AppContext,
  engine: Engine,
  operatorId: number,
  vocab: Record<string, string[]>,
): Promise<SearchBenchRow[]> {
  const actor = (await loadActor(ctx.db, operatorId))!;
  // The subject hidden on change requests (none in the corpus) or on incidents (all of it).
  const hidingSubjectOn = (type: string): Actor => ({
    ...actor,
    fieldRules: {
      ...actor.fieldRules,
      overrides: [...actor.fieldRules.overrides, { field: 'subject', access: 'hidden', types: [type] }],
    },
  });
  const lists = queries(vocab);
  const scenarios: [string, string[], Actor][] = [
    ...Object.entries(lists).map(([scenario, list]): [string, string[], Actor] => [scenario, list, actor]),
    ['one word, subject hidden on a type', lists['one word'], hidingSubjectOn('change_request')],
    ['one word, subject hidden on every ticket', lists['one word'], hidingSubjectOn('incident')],
  ];
  const rows: SearchBenchRow[] = [];
  for (const [scenario, list, reader] of scenarios) {
    const times: number[] = [];
    let hits = 0;
    // Warm-up: the first queries load pages and prepare statements.
    // Tickets, as the results page asks (one type per tab), except the article scenario.
    const type = scenario.startsWith('articles') ? 'article' : 'ticket';
    for (const q of list.slice(0, 5)) await search(ctx, reader, { q, type });
    for (const q of list) {
      const start = performance.now();
      const result = await search(ctx, reader, { q, type });
      times.push(performance.now() - start);
      hits += result.items.length;
    }
    times.sort((a, b) => a - b);
    rows.push({
      engine,
      scenario,
      n: list.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      hitsAvg: hits / list.length,
    });
  }
  printRows(rows);
  return rows;
}

function printRows(rows: SearchBenchRow[]): void {
  printTable(
    ['db', 'query', 'n', 'p50 ms', 'p95 ms', 'results avg', `p95 ≤ ${TARGET_P95_MS} ms`],
    rows.map((r) => [
      r.engine,
      r.scenario,
      String(r.n),
      ms(r.p50),
      ms(r.p95),
      r.hitsAvg.toFixed(1),
      r.p95 <= TARGET_P95_MS ? 'yes' : 'NO',
    ]),
  );
}

export function printSearchSummary(result: SearchBenchResult): void {
  process.stdout.write(`\nSearch (${MESSAGES} messages, ${ARTICLES} articles)\n`);
  printTable(
    ['db', 'messages', 'index s', 'messages/s', 'articles s'],
    result.build.map((b) => [
      b.engine,
      String(b.messages),
      b.seconds.toFixed(1),
      (b.messages / b.seconds).toFixed(0),
      b.articlesSeconds.toFixed(1),
    ]),
  );
  printRows(result.rows);
}

export async function main(argv: string[]): Promise<SearchBenchResult> {
  const result: SearchBenchResult = { rows: [], build: [] };
  for (const engine of enginesFromArgs(argv)) {
    const one = await benchSearch(engine);
    result.rows.push(...one.rows);
    result.build.push(...one.build);
  }
  printSearchSummary(result);
  return result;
}

if (import.meta.main) await main(process.argv.slice(2));
