// The periodic SLA check on a large database: N open tickets (100,000) on the default policy,
// a third of them with a pause in their history. Measures the check when every ticket's next
// deadline is due (worst case), when 1% are due (a typical minute), and when none is.
//
//   npx node bench/sla-check.bench.ts [--db sqlite|postgres|both]
//   env: BENCH_SLA_TICKETS (100000), BENCH_PG_URL
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import type { Db } from '../server/db/kysely.ts';
import { prepareDatabase } from '../server/main.ts';
import { findDefaultPolicyId } from '../server/modules/sla/sla.repo.ts';
import { runSlaCheck } from '../server/modules/sla/sla.service.ts';
import { createScratchPg, type Engine, enginesFromArgs, envInt, printTable, type ScratchPg } from './lib.ts';

const TICKETS = envInt('BENCH_SLA_TICKETS', 100_000);
const TARGET_SECONDS = 5;
const BATCH = 500;
const MINUTE = 60_000;

export interface SlaCheckRow {
  engine: Engine;
  scenario: string;
  checked: number;
  seconds: number;
}

/** Bulk-inserts open tickets with status history; every ticket's next check is due at `due`. */
async function seed(db: Db, now: Date): Promise<void> {
  const k = db.kysely;
  const at = now.toISOString();
  const role = await k.selectFrom('roles').select('id').where('key', '=', 'customer').executeTakeFirstOrThrow();
  const user = await k
    .insertInto('users')
    .values({
      email: 'bench@example.test',
      name: 'Bench',
      role_id: role.id,
      locale: 'en',
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const policyId = await findDefaultPolicyId(k);
  const priorities = ['low', 'normal', 'high', 'urgent'];
  for (let start = 0; start < TICKETS; start += BATCH) {
    await k.transaction().execute(async (trx) => {
      const rows = [];
      for (let i = start; i < Math.min(start + BATCH, TICKETS); i++) {
        // Created within the last two days, so targets are a mix of met, running, paused and breached.
        const created = new Date(now.getTime() - ((i * 7919) % (48 * 60)) * MINUTE).toISOString();
        rows.push({
          number: 10_001 + i,
          subject: `SLA bench ${i}`,
          status: i % 3 === 0 ? 'waiting_customer' : 'in_progress',
          priority: priorities[i % 4],
          type: 'incident',
          channel: 'portal',
          requester_id: user.id,
          created_by: user.id,
          created_at: created,
          updated_at: created,
          sla_policy_id: policyId,
          sla_next_check_at: new Date(now.getTime() - MINUTE).toISOString(),
        });
      }
      const ids = await trx.insertInto('tickets').values(rows).returning(['id', 'created_at', 'status']).execute();
      const history = ids.flatMap((t) => {
        const first = { ticket_id: t.id, actor_id: null, field: 'status', old_value: null, created_at: t.created_at };
        if (t.status !== 'waiting_customer') return [{ ...first, new_value: 'in_progress' }];
        const paused = new Date(new Date(t.created_at).getTime() + 30 * MINUTE).toISOString();
        return [
          { ...first, new_value: 'in_progress' },
          { ...first, old_value: 'in_progress', new_value: 'waiting_customer', created_at: paused },
        ];
      });
      await trx.insertInto('ticket_history').values(history).execute();
    });
  }
  if (db.dialect === 'postgres') await sql`analyze`.execute(k);
}

async function timed(fn: () => Promise<number>): Promise<{ checked: number; seconds: number }> {
  const start = performance.now();
  const checked = await fn();
  return { checked, seconds: (performance.now() - start) / 1000 };
}

export async function benchSlaCheck(engine: Engine): Promise<SlaCheckRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), `fd-bench-sla-${engine}-`));
  const scratch: ScratchPg | undefined = engine === 'postgres' ? await createScratchPg('sla') : undefined;
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...(scratch && { DATABASE_URL: scratch.url }) });
  const db = await prepareDatabase(config);
  try {
    process.stdout.write(`\n=== SLA check · ${engine} · ${TICKETS.toLocaleString('en')} open tickets ===\n`);
    const now = new Date('2026-03-04T12:00:00.000Z');
    const seedStart = performance.now();
    await seed(db, now);
    process.stdout.write(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);
    const rows: SlaCheckRow[] = [];
    const all = await timed(() => runSlaCheck(db, now));
    rows.push({ engine, scenario: 'every ticket due', ...all });
    const none = await timed(() => runSlaCheck(db, now));
    rows.push({ engine, scenario: 'nothing due', ...none });
    // A typical minute: 1% of the open tickets reach a warning or breach instant.
    const due = Math.floor(TICKETS / 100);
    await db.kysely
      .updateTable('tickets')
      .set({ sla_next_check_at: new Date(now.getTime() - MINUTE).toISOString() })
      .where('id', '<=', due)
      .execute();
    const some = await timed(() => runSlaCheck(db, now));
    rows.push({ engine, scenario: '1% due', ...some });
    printRows(rows);
    return rows;
  } finally {
    await db.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function printRows(rows: SlaCheckRow[]): void {
  printTable(
    ['db', 'scenario', 'tickets checked', 'seconds', 'tickets/s', `all due < ${TARGET_SECONDS} s`],
    rows.map((r) => [
      r.engine,
      r.scenario,
      String(r.checked),
      r.seconds.toFixed(2),
      r.checked === 0 ? '-' : (r.checked / r.seconds).toFixed(0),
      r.scenario === 'every ticket due' ? (r.seconds < TARGET_SECONDS ? 'yes' : 'NO') : '',
    ]),
  );
}

export function printSlaSummary(rows: SlaCheckRow[]): void {
  process.stdout.write(`\nPeriodic SLA check (${TICKETS} open tickets)\n`);
  printRows(rows);
}

export async function main(argv: string[]): Promise<SlaCheckRow[]> {
  const rows: SlaCheckRow[] = [];
  for (const engine of enginesFromArgs(argv)) rows.push(...(await benchSlaCheck(engine)));
  printSlaSummary(rows);
  return rows;
}

if (import.meta.main) await main(process.argv.slice(2));
