// Notification delivery on SQLite, end to end minus the HTTP layer: 10,000 customer replies
// (`ticket.message_added` outbox events) fanned out by the real handler — ticket and recipients
// loaded, rules loaded and indexed once per event, the cascade asked, in-app rows inserted and
// owner e-mails queued, each event in its own transaction. Then one ticket with 50 watchers and
// 500 rules: the time of one event's recipient resolution (pure) and of its whole fan-out.
//
//   npx node bench/notification-fanout.bench.ts
//   env: BENCH_FANOUT_EVENTS (10000), BENCH_FANOUT_TICKETS (100)
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTIFICATION_CHANNELS } from '../common/notifications.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/context.ts';
import { prepareDatabase } from '../server/main.ts';
import { loadActor } from '../server/modules/auth/actor.ts';
import { buildRuleIndex, type Recipient, resolveRecipients } from '../server/modules/notifications/cascade.ts';
import { loadRulesForEvents } from '../server/modules/notifications/delivery.repo.ts';
import { fanOut, recipientRoles } from '../server/modules/notifications/delivery.service.ts';
import { createTicket } from '../server/modules/tickets/ticket-create.service.ts';
import { findTicketById } from '../server/modules/tickets/tickets.repo.ts';
import { createUser } from '../server/modules/users/users.service.ts';
import { envInt, ms, percentile, printTable } from './lib.ts';

const EVENTS = envInt('BENCH_FANOUT_EVENTS', 10_000);
const TICKETS = envInt('BENCH_FANOUT_TICKETS', 100);
const HEAVY_EVENTS = 500;
const RULES = 500;
const TARGET_TOTAL_S = 30;
const TARGET_RESOLVE_MS = 1;

export interface FanoutResult {
  events: number;
  seconds: number;
  perSecond: number;
  inApp: number;
  emails: number;
  p50: number;
  p95: number;
  heavyResolveP95: number;
  heavyFanoutP95: number;
  heavyRecipients: number;
  /** CPU time of this process during the 10,000 events (the machine may be shared). */
  cpuSeconds: number;
  /** 1-minute load average around the run. */
  load: number;
  /** Building the index of every rule once (after a rule change). */
  indexMs: number;
  rules: number;
}

async function users(ctx: AppContext, role: string, count: number, prefix: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const u = await createUser(ctx, { email: `${prefix}${i}@bench.test`, name: `${prefix} ${i}`, role });
    ids.push(u.id);
  }
  return ids;
}

/** Inserts `count` public customer replies spread over `tickets` with their outbox events, in big transactions. */
async function seedReplies(ctx: AppContext, tickets: number[], authorId: number, count: number): Promise<void> {
  const at = ctx.clock.now().toISOString();
  for (let start = 0; start < count; start += 500) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      const n = Math.min(500, count - start);
      const rows = Array.from({ length: n }, (_, i) => ({
        ticket_id: tickets[(start + i) % tickets.length],
        author_id: authorId,
        kind: 'reply',
        visibility: 'public',
        body_html: `<p>Reply ${start + i}</p>`,
        body_text: `Reply ${start + i}`,
        created_at: at,
      }));
      const ids = await trx.insertInto('ticket_messages').values(rows).returning(['id', 'ticket_id']).execute();
      await trx
        .insertInto('outbox')
        .values(
          ids.map((m) => ({
            type: 'ticket.message_added',
            payload: JSON.stringify({
              ticketId: m.ticket_id,
              actorId: authorId,
              messageId: m.id,
              visibility: 'public',
              kind: 'reply',
            }),
            status: 'done',
            attempts: 0,
            run_at: at,
            created_at: at,
          })),
        )
        .execute();
    });
  }
}

/** Noise rules that sit in the same buckets but never match (other ticket types), plus opt-outs of watchers. */
async function seedRules(ctx: AppContext, watchers: number[], count: number): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const base = { service_id: null, category_id: null, status_to: null, created_at: at, updated_at: at };
  const rows = Array.from({ length: count }, (_, i) => {
    const user = i % 3 === 0;
    return {
      ...base,
      level: user ? 'user' : 'workflow',
      ticket_type: user ? null : `bench_type_${i}`,
      user_id: user ? watchers[i % watchers.length] : null,
      event: 'ticket.customer_replied',
      recipient_role: user ? 'watchers' : (['owner', 'group_members', 'watchers'] as const)[i % 3],
      channel: NOTIFICATION_CHANNELS[i % 2],
      enabled: i % 6 === 0 ? 0 : 1,
      user_overridable: 1,
    };
  });
  for (let i = 0; i < rows.length; i += 100) {
    await ctx.db.kysely
      .insertInto('notification_rules')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

async function outboxRows(ctx: AppContext, ticketIds: number[]) {
  const rows = await ctx.db.kysely
    .selectFrom('outbox')
    .select(['id', 'payload'])
    .where('type', '=', 'ticket.message_added')
    .orderBy('id')
    .execute();
  const wanted = new Set(ticketIds);
  return rows
    .map((r) => ({ id: r.id, payload: JSON.parse(r.payload) as Record<string, unknown> }))
    .filter((r) => wanted.has(r.payload.ticketId as number));
}

export function printFanoutSummary(r: FanoutResult): void {
  process.stdout.write(`\nNotification fan-out (SQLite, ${r.events.toLocaleString('en')} events)\n`);
  printTable(
    ['measure', 'value', 'target'],
    [
      [
        `${r.events} events fanned out`,
        `${r.seconds.toFixed(1)} s (${Math.round(r.perSecond)}/s)`,
        r.seconds <= TARGET_TOTAL_S ? `≤ ${TARGET_TOTAL_S} s met` : `≤ ${TARGET_TOTAL_S} s MISSED`,
      ],
      [
        `CPU time of the fan-out (load avg ${r.load.toFixed(1)} on ${cpus().length} cores)`,
        `${r.cpuSeconds.toFixed(1)} s`,
        '',
      ],
      ['deliveries', `${r.inApp} in-app, ${r.emails} e-mails`, ''],
      ['per event p50 / p95', `${ms(r.p50)} / ${ms(r.p95)} ms`, ''],
      [
        `50 watchers + ${r.rules} rules: resolution p95`,
        `${ms(r.heavyResolveP95)} ms (${r.heavyRecipients} people)`,
        r.heavyResolveP95 <= TARGET_RESOLVE_MS ? `≤ ${TARGET_RESOLVE_MS} ms met` : `≤ ${TARGET_RESOLVE_MS} ms MISSED`,
      ],
      [`50 watchers + ${r.rules} rules: whole fan-out p95`, `${ms(r.heavyFanoutP95)} ms`, ''],
      [`index of all ${r.rules} rules, built once per change`, `${ms(r.indexMs)} ms`, ''],
    ],
  );
}

export async function main(_argv: string[] = []): Promise<FanoutResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fd-bench-fanout-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const db = await prepareDatabase(config);
  const { app, ctx } = await buildApp({ config, db, logger: false, mailPollEveryMs: 0 });
  try {
    process.stdout.write(`\n=== Notification fan-out · sqlite · ${EVENTS.toLocaleString('en')} events ===\n`);
    const [customerId] = await users(ctx, 'customer', 1, 'customer');
    const group = await ctx.db.kysely
      .selectFrom('support_groups')
      .select('id')
      .where('tier', '=', 1)
      .executeTakeFirstOrThrow();
    const members = await users(ctx, 'operator', 10, 'member');
    await ctx.db.kysely
      .insertInto('group_members')
      .values(members.map((user_id) => ({ group_id: group.id, user_id })))
      .execute();
    const watchers = await users(ctx, 'operator', 50, 'watcher');
    const customer = (await loadActor(ctx.db, customerId))!;
    const at = ctx.clock.now().toISOString();
    // Group members and watchers get customer replies in the app; the owner by mail too (default).
    for (const role of ['group_members', 'watchers']) {
      await ctx.db.kysely
        .insertInto('notification_rules')
        .values({
          level: 'workflow',
          ticket_type: null,
          service_id: null,
          user_id: null,
          event: 'ticket.customer_replied',
          category_id: null,
          status_to: null,
          recipient_role: role,
          channel: 'in_app',
          enabled: 1,
          user_overridable: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const tickets: number[] = [];
    for (let i = 0; i < TICKETS + 1; i++) {
      const t = await createTicket(ctx, customer, { subject: `Bench ${i}`, body: 'Body' }, 'portal');
      await ctx.db.kysely
        .updateTable('tickets')
        .set({ owner_id: members[i % members.length] })
        .where('id', '=', t.id)
        .execute();
      // Normal tickets: 5 watchers; the last one (the heavy case): all 50.
      const followers = i === TICKETS ? watchers : watchers.slice(i % 45, (i % 45) + 5);
      await ctx.db.kysely
        .insertInto('ticket_watchers')
        .values(followers.map((user_id) => ({ ticket_id: t.id, user_id, created_at: at })))
        .execute();
      tickets.push(t.id);
    }
    const heavy = tickets.pop()!;
    await seedReplies(ctx, tickets, customerId, EVENTS);
    await seedReplies(ctx, [heavy], customerId, HEAVY_EVENTS);

    const rows = await outboxRows(ctx, tickets);
    const times: number[] = [];
    let inApp = 0;
    let emails = 0;
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const loadBefore = loadavg()[0];
    for (const row of rows) {
      const t0 = performance.now();
      const out = await fanOut(ctx, { outboxId: row.id, type: 'ticket.message_added', payload: row.payload });
      times.push(performance.now() - t0);
      inApp += out.inApp;
      emails += out.email;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const load = (loadBefore + loadavg()[0]) / 2;
    times.sort((a, b) => a - b);

    // The heavy ticket: 500 rules in the event's buckets, 61 people.
    await seedRules(ctx, watchers, RULES - 15);
    const ticket = (await findTicketById(ctx.db.kysely, heavy))!;
    const people = await recipientRoles(ctx, ticket);
    const recipients: Recipient[] = [...people].map(([userId, roles]) => ({ userId, roles: [...roles] }));
    const rules = await loadRulesForEvents(ctx.db.kysely);
    const buildStart = performance.now();
    const index = buildRuleIndex(rules);
    const indexMs = performance.now() - buildStart;
    const context = { type: ticket.type, serviceId: ticket.service_id, categoryId: ticket.category_id, statusTo: null };
    const resolveTimes: number[] = [];
    // As the worker does: the index is built once per rule change (cached), then asked per event.
    for (let i = 0; i < 2_000; i++) {
      const t0 = performance.now();
      resolveRecipients(index, 'ticket.customer_replied', context, recipients, NOTIFICATION_CHANNELS);
      resolveTimes.push(performance.now() - t0);
    }
    resolveTimes.sort((a, b) => a - b);
    const heavyTimes: number[] = [];
    for (const row of await outboxRows(ctx, [heavy])) {
      const t0 = performance.now();
      await fanOut(ctx, { outboxId: row.id, type: 'ticket.message_added', payload: row.payload });
      heavyTimes.push(performance.now() - t0);
    }
    heavyTimes.sort((a, b) => a - b);
    const result: FanoutResult = {
      events: rows.length,
      seconds,
      perSecond: rows.length / seconds,
      inApp,
      emails,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      heavyResolveP95: percentile(resolveTimes, 95),
      heavyFanoutP95: percentile(heavyTimes, 95),
      heavyRecipients: recipients.length,
      cpuSeconds,
      load,
      indexMs,
      rules: rules.length,
    };
    printFanoutSummary(result);
    return result;
  } finally {
    await app.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.main) await main(process.argv.slice(2));
