import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

/** Tickets that own any of these Message-IDs, most recently threaded first. */
export async function findTicketsByMessageIds(db: Executor, messageIds: string[]): Promise<number[]> {
  const ids = [...new Set(messageIds)].slice(0, 200);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('mail_threads')
    .select(['ticket_id', 'id'])
    .where('message_id', 'in', ids)
    .orderBy('id', 'desc')
    .execute();
  return [...new Set(rows.map((r) => r.ticket_id))];
}

/** Remembers Message-IDs of a ticket's thread; ids already known keep their ticket. */
export async function rememberThreadIds(
  trx: Executor,
  ticketId: number,
  messageIds: string[],
  direction: 'in' | 'out',
  at: string,
): Promise<void> {
  const ids = [...new Set(messageIds.filter((id) => id.length > 0 && id.length <= 500))];
  if (ids.length === 0) return;
  await trx
    .insertInto('mail_threads')
    .values(ids.map((message_id) => ({ message_id, ticket_id: ticketId, direction, created_at: at })))
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/** The thread's Message-IDs, oldest first (the last `limit`), for In-Reply-To and References. */
export async function threadIdsOfTicket(db: Executor, ticketId: number, limit = 20): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_threads')
    .select(['message_id', 'id'])
    .where('ticket_id', '=', ticketId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.message_id).reverse();
}

/** Addresses copied on a ticket. */
export async function ccOfTicket(db: Executor, ticketId: number): Promise<string[]> {
  const rows = await db.selectFrom('ticket_cc').select('email').where('ticket_id', '=', ticketId).execute();
  return rows.map((r) => r.email);
}

export async function addTicketCc(trx: Executor, ticketId: number, emails: string[], at: string): Promise<void> {
  if (emails.length === 0) return;
  await trx
    .insertInto('ticket_cc')
    .values(emails.map((email) => ({ ticket_id: ticketId, email, created_at: at })))
    .onConflict((oc) => oc.columns(['ticket_id', 'email']).doNothing())
    .execute();
}

/** Links two tickets both ways (a follow-up and the ticket it follows). */
export async function linkTickets(trx: Executor, newId: number, oldId: number, reason: string, at: string) {
  await trx
    .insertInto('ticket_links')
    .values([
      { ticket_id: newId, linked_ticket_id: oldId, kind: `follow_up_of:${reason}`, created_at: at },
      { ticket_id: oldId, linked_ticket_id: newId, kind: `followed_by:${reason}`, created_at: at },
    ])
    .onConflict((oc) => oc.columns(['ticket_id', 'linked_ticket_id']).doNothing())
    .execute();
}

/** Marks addresses as bouncing (a delivery status notification named them). */
export async function markBouncing(trx: Executor, emails: string[], reason: string, at: string): Promise<void> {
  for (const email of new Set(emails)) {
    const existing = await trx
      .selectFrom('mail_address_status')
      .select('bounce_count')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('mail_address_status')
        .set({ bouncing: 1, reason, last_bounce_at: at, bounce_count: existing.bounce_count + 1 })
        .where('email', '=', email)
        .execute();
    } else {
      await trx
        .insertInto('mail_address_status')
        .values({ email, bouncing: 1, reason, last_bounce_at: at, bounce_count: 1 })
        .execute();
    }
  }
}

/** The addresses among `emails` that bounce. */
export async function bouncingAmong(db: Executor, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .selectFrom('mail_address_status')
    .select(['email', 'reason', 'last_bounce_at', 'bounce_count'])
    .where('email', 'in', emails)
    .where('bouncing', '=', 1)
    .execute();
}

/** The tickets linked to a ticket, oldest link first. */
export async function linksOfTicket(db: Executor, ticketId: number) {
  return db
    .selectFrom('ticket_links')
    .select(['linked_ticket_id', 'kind'])
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute();
}
