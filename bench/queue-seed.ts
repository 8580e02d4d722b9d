// Bulk data for the queue benchmark: people, catalogue and N tickets spread over a year,
// written with batched multi-row INSERTs inside transactions (not through the services,
// which would take minutes and is not what is being measured).
import { type Insertable, sql } from 'kysely';
import type { Db } from '../server/db/kysely.ts';
import { NO_DUE_DATE } from '../server/db/migrations/0004_sla_escalation.ts';
import type { TicketTable } from '../server/db/schema.ts';
import { hashToken, newSecret } from '../server/modules/auth/tokens.ts';
import { prng } from './lib.ts';

type NewTicket = Insertable<TicketTable>;

const DAY = 86_400_000;
const ROWS_PER_INSERT = 500; // 19 columns × 500 = 9,500 parameters: under both engines' limits
const INSERTS_PER_TRANSACTION = 20;

/** Picks from [value, weight] pairs. */
function weighted<T>(rand: () => number, choices: [T, number][]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, weight] of choices) {
    r -= weight;
    if (r < 0) return value;
  }
  return choices[choices.length - 1][0];
}

export interface Seeded {
  /** Session cookie values for the measured actors. */
  sessions: { operator: string; engineer: string };
  tickets: number;
  seedSeconds: number;
}

async function insertUsers(
  db: Db,
  rows: { email: string; name: string; role_id: number; organization_id: number | null }[],
) {
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT).map((r) => ({
      ...r,
      password_hash: null,
      locale: 'en',
      active: 1,
      phone: null,
      created_at: now,
      updated_at: now,
    }));
    const inserted = await db.kysely.insertInto('users').values(batch).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Seeds everything on a migrated database (roles and groups come from ensureBaseData). */
export async function seedQueueData(db: Db, ticketCount: number): Promise<Seeded> {
  const k = db.kysely;
  const rand = prng(20261123);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();

  const roles = new Map((await k.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
  const tiers = new Map(
    (await k.selectFrom('support_groups').select(['id', 'tier']).execute()).map((g) => [g.tier, g.id]),
  );
  const orgIds: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const org = {
      name: `Customer org ${i}`,
      domain: `org${i}.example`,
      shared_tickets: i % 4 === 0 ? 1 : 0,
      created_at: iso(now),
    };
    orgIds.push((await k.insertInto('organizations').values(org).returning('id').executeTakeFirstOrThrow()).id);
  }

  // Agents: 8 operators on first line, 12 engineers on second/third line.
  const operatorIds = await insertUsers(
    db,
    Array.from({ length: 8 }, (_, i) => ({
      email: `operator${i}@bench.example`,
      name: `Operator ${i}`,
      role_id: roles.get('operator')!,
      organization_id: null,
    })),
  );
  const engineerIds = await insertUsers(
    db,
    Array.from({ length: 12 }, (_, i) => ({
      email: `engineer${i}@bench.example`,
      name: `Engineer ${i}`,
      role_id: roles.get('engineer')!,
      organization_id: null,
    })),
  );
  const members = new Map<number, number[]>([
    [tiers.get(1)!, operatorIds],
    [tiers.get(2)!, engineerIds.slice(0, 8)],
    [tiers.get(3)!, engineerIds.slice(8)],
  ]);
  for (const [group_id, ids] of members)
    await k
      .insertInto('group_members')
      .values(ids.map((user_id) => ({ group_id, user_id })))
      .execute();

  const customers = Array.from({ length: 5000 }, (_, i) => ({
    email: `customer${i}@org${(i % 20) + 1}.example`,
    name: `Customer ${i}`,
    role_id: roles.get('customer')!,
    organization_id: i % 10 === 9 ? null : orgIds[i % 20],
  }));
  const customerIds = await insertUsers(db, customers);

  // Sessions for the two measured actors (no password hashing, no login rate limit).
  const sessions = { operator: newSecret(), engineer: newSecret() };
  for (const [token, user_id] of [
    [sessions.operator, operatorIds[0]],
    [sessions.engineer, engineerIds[0]],
  ] as const) {
    await k
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        user_id,
        csrf_token: newSecret(),
        created_at: iso(now),
        expires_at: iso(now + 30 * DAY),
      })
      .execute();
  }

  const groupIds = [tiers.get(1)!, tiers.get(2)!, tiers.get(3)!];
  const allAgents = [...operatorIds, ...engineerIds];
  const makeTicket = (i: number): NewTicket => {
    const created = now - rand() * 365 * DAY;
    const ageDays = (now - created) / DAY;
    const openChance = ageDays < 7 ? 0.75 : ageDays < 30 ? 0.35 : 0.03;
    const status =
      rand() < openChance
        ? weighted(rand, [
            ['new', 25],
            ['assigned', 25],
            ['in_progress', 35],
            ['waiting_customer', 15],
          ])
        : rand() < 0.05
          ? 'cancelled'
          : ageDays < 14
            ? 'resolved'
            : 'closed';
    const groupId = weighted(rand, [
      [groupIds[0], 55],
      [groupIds[1], 33],
      [groupIds[2], 12],
    ]);
    const team = members.get(groupId)!;
    const ownerId =
      status === 'new' || (status === 'cancelled' && rand() < 0.5)
        ? null
        : rand() < 0.1
          ? allAgents[Math.floor(rand() * allAgents.length)]
          : team[Math.floor(rand() * team.length)];
    // Skewed requesters: a few customers write a lot.
    const customerIndex = Math.floor(rand() ** 2 * customerIds.length);
    const open = status !== 'resolved' && status !== 'closed' && status !== 'cancelled';
    const updated = open ? created + rand() * (now - created) : created + rand() * Math.min(now - created, 10 * DAY);
    const channel = weighted(rand, [
      ['portal', 60],
      ['email', 25],
      ['phone', 10],
      ['api', 5],
    ]);
    return {
      number: 10001 + i,
      subject: `Bench ticket ${i}: ${weighted(rand, [
        ['VPN drops', 3],
        ['Printer jam', 2],
        ['New laptop', 2],
        ['Password reset', 4],
        ['Access to share', 2],
      ])}`,
      status,
      priority: weighted(rand, [
        ['low', 20],
        ['normal', 60],
        ['high', 15],
        ['urgent', 5],
      ]),
      type: weighted(rand, [
        ['incident', 60],
        ['service_request', 35],
        ['change_request', 5],
      ]),
      channel,
      requester_id: customerIds[customerIndex],
      owner_id: ownerId,
      group_id: groupId,
      category_id: null,
      service_id: null,
      organization_id: customers[customerIndex].organization_id,
      solution: status === 'resolved' || status === 'closed' ? 'Fixed.' : null,
      created_by: channel === 'phone' ? operatorIds[0] : customerIds[customerIndex],
      created_at: iso(created),
      updated_at: iso(updated),
      resolved_at: status === 'resolved' || status === 'closed' ? iso(updated - 60_000) : null,
      closed_at: status === 'closed' ? iso(updated) : null,
      first_response_at: status === 'new' ? null : iso(created + rand() * 8 * 3_600_000),
      // The SLA sort key as the services would store it: open tickets are due within three days.
      due_at: open ? iso(created + (4 + rand() * 68) * 3_600_000) : NO_DUE_DATE,
    };
  };

  const started = performance.now();
  let written = 0;
  while (written < ticketCount) {
    await k.transaction().execute(async (trx) => {
      for (let n = 0; n < INSERTS_PER_TRANSACTION && written < ticketCount; n++) {
        const size = Math.min(ROWS_PER_INSERT, ticketCount - written);
        const rows = Array.from({ length: size }, (_, j) => makeTicket(written + j));
        await trx.insertInto('tickets').values(rows).execute();
        written += size;
      }
    });
  }
  const seedSeconds = (performance.now() - started) / 1000;

  // Keep ticket numbering consistent for anything created afterwards.
  const last = 10000 + ticketCount;
  if (db.dialect === 'postgres') await sql`select setval('ticket_number_seq', ${last})`.execute(k);
  else await k.insertInto('counters').values({ name: 'ticket_number', value: last }).execute();
  // Fresh statistics, as after any bulk load; both planners depend on them.
  await sql`analyze`.execute(k);
  return { sessions, tickets: written, seedSeconds };
}
