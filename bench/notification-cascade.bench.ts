// The notification cascade, pure CPU: resolving who gets one event on a ticket with an owner, a
// group of 10 and 50 watchers (some people in several roles) against N generated rules (500)
// of all three levels, with category and status filters. Rules and tickets come from a seeded
// generator, so runs are comparable. No database: the rules index is built once, as the worker does.
//
//   npx node bench/notification-cascade.bench.ts
//   env: BENCH_CASCADE_RULES (500), BENCH_CASCADE_ITERATIONS (10000)
import { TICKET_STATUSES, TICKET_TYPES } from '../common/domain.ts';
import {
  CASCADE_LEVELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  RECIPIENT_ROLES,
} from '../common/notifications.ts';
import {
  buildRuleIndex,
  type NotificationRule,
  type Recipient,
  resolveNotification,
  resolveRecipients,
  type TicketContext,
} from '../server/modules/notifications/cascade.ts';
import { envInt, ms, percentile, printTable, prng } from './lib.ts';

const RULES = envInt('BENCH_CASCADE_RULES', 500);
const ITERATIONS = envInt('BENCH_CASCADE_ITERATIONS', 10_000);
const WARMUP = 1_000;
const TARGET_MS = 1;
const EVENT: NotificationEvent = 'ticket.status_changed';
const SERVICES = 20;
const CATEGORIES = 10;

export interface CascadeRow {
  scenario: string;
  iterations: number;
  p50: number;
  p95: number;
  p99: number;
  /** Only the fan-out has a target. */
  target: boolean;
}

const random = prng(20_260_304);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const maybe = <T>(share: number, value: () => T): T | null => (random() < share ? value() : null);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

// People: owner 1, group members 2..11, watchers 12..61; the owner and two members also watch.
const OWNER = 1;
const GROUP = Array.from({ length: 10 }, (_, i) => 2 + i);
const WATCHERS = [OWNER, 2, 3, ...Array.from({ length: 47 }, (_, i) => 12 + i)];
const RECIPIENTS: Recipient[] = [
  { userId: OWNER, roles: ['owner'] },
  ...GROUP.map((userId): Recipient => ({ userId, roles: ['group_members'] })),
  ...WATCHERS.map((userId): Recipient => ({ userId, roles: ['watchers'] })),
];

/** Rules of all levels; 40% are for the benchmarked event so its buckets are long (the worst case). */
function generateRules(count: number): NotificationRule[] {
  return Array.from({ length: count }, (_, i) => {
    const level = pick(CASCADE_LEVELS);
    const event = random() < 0.4 ? EVENT : pick(NOTIFICATION_EVENTS);
    return {
      id: i + 1,
      level,
      ticketType: level === 'workflow' ? maybe(0.5, () => pick(TICKET_TYPES)) : null,
      serviceId: level === 'service' ? between(1, SERVICES) : null,
      // User rules mostly by people on the ticket, so their own overrides are exercised.
      userId: level === 'user' ? (random() < 0.7 ? pick(WATCHERS.concat(GROUP)) : between(100, 300)) : null,
      event,
      categoryId: maybe(0.4, () => between(1, CATEGORIES)),
      statusTo: event === 'ticket.status_changed' ? maybe(0.5, () => pick(TICKET_STATUSES)) : null,
      recipientRole: random() < 0.6 ? pick(['owner', 'group_members', 'watchers'] as const) : pick(RECIPIENT_ROLES),
      channel: pick(NOTIFICATION_CHANNELS),
      enabled: random() < 0.7,
      userOverridable: random() < 0.6,
    };
  });
}

const TICKETS: TicketContext[] = Array.from({ length: 16 }, () => ({
  type: pick(TICKET_TYPES),
  serviceId: maybe(0.8, () => between(1, SERVICES)),
  categoryId: maybe(0.8, () => between(1, CATEGORIES)),
  statusTo: pick(TICKET_STATUSES),
}));

/** Runs `fn` WARMUP + ITERATIONS times, timing each call after the warm-up. */
function measure(scenario: string, target: boolean, fn: (i: number) => unknown): CascadeRow {
  for (let i = 0; i < WARMUP; i++) fn(i);
  const times = new Float64Array(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    fn(i);
    times[i] = performance.now() - start;
  }
  const sorted = Array.from(times).sort((a, b) => a - b);
  return {
    scenario,
    iterations: ITERATIONS,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    target,
  };
}

const micro = (value: number) => ms(value * 1000);

function printRows(rows: CascadeRow[]): void {
  printTable(
    ['scenario', 'iterations', 'p50 µs', 'p95 µs', 'p99 µs', `p95 ≤ ${TARGET_MS} ms`],
    rows.map((r) => [
      r.scenario,
      String(r.iterations),
      micro(r.p50),
      micro(r.p95),
      micro(r.p99),
      r.target ? (r.p95 <= TARGET_MS ? 'met' : 'MISSED') : '',
    ]),
  );
}

export function printCascadeSummary(rows: CascadeRow[]): void {
  process.stdout.write(`\nNotification cascade (${RULES} rules, ${RECIPIENTS.length} recipient entries)\n`);
  printRows(rows);
}

export async function main(_argv: string[] = []): Promise<CascadeRow[]> {
  const rules = generateRules(RULES);
  process.stdout.write(
    `\n=== Notification cascade · ${RULES} rules · owner + group of ${GROUP.length} + ${WATCHERS.length} watchers ===\n`,
  );
  const rows: CascadeRow[] = [];
  rows.push(measure(`build index (${RULES} rules)`, false, () => buildRuleIndex(rules)));
  const index = buildRuleIndex(rules);
  if (index.invalid.length > 0) throw new Error(`generator made invalid rules: ${JSON.stringify(index.invalid[0])}`);
  const sent = { people: 0, email: 0, in_app: 0 };
  rows.push(
    measure(`fan-out ${EVENT}, email + in_app`, true, (i) => {
      const out = resolveRecipients(index, EVENT, TICKETS[i % TICKETS.length], RECIPIENTS, NOTIFICATION_CHANNELS);
      sent.people += out.length;
      for (const d of out) for (const channel of d.channels) sent[channel]++;
    }),
  );
  rows.push(
    measure('explain one person (trace)', false, (i) =>
      resolveNotification(index, {
        event: EVENT,
        ticket: TICKETS[i % TICKETS.length],
        recipient: { userId: OWNER, roles: ['owner', 'watchers'] },
        channel: 'email',
      }),
    ),
  );
  printRows(rows);
  // A sanity check that the generated rules make the resolver decide both ways.
  const runs = WARMUP + ITERATIONS;
  const avg = (n: number) => (n / runs).toFixed(1);
  const people = new Set(RECIPIENTS.map((r) => r.userId)).size;
  process.stdout.write(
    `per event: ${avg(sent.people)} of ${people} people notified, ${avg(sent.email)} e-mails, ${avg(sent.in_app)} in-app\n`,
  );
  return rows;
}

if (import.meta.main) await main(process.argv.slice(2));
