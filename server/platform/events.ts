import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Domain events written to the outbox in the same transaction as the change. */
export type DomainEvent =
  | { type: 'ticket.created'; payload: { ticketId: number; actorId: number } }
  | { type: 'ticket.updated'; payload: { ticketId: number; actorId: number | null; fields: string[] } }
  | {
      type: 'ticket.status_changed';
      payload: { ticketId: number; actorId: number | null; from: string; to: string };
    }
  | {
      type: 'ticket.message_added';
      payload: { ticketId: number; actorId: number; messageId: number; visibility: string; kind: string };
    }
  | {
      type: 'ticket.sla_warning' | 'ticket.sla_breached';
      payload: { ticketId: number; target: 'first_response' | 'resolution'; dueAt: string };
    }
  | {
      type: 'ticket.vendor_deadline_near' | 'ticket.vendor_deadline_passed';
      payload: { ticketId: number; dueAt: string };
    }
  | {
      type: 'ticket.escalated';
      payload: {
        ticketId: number;
        actorId: number;
        fromGroupId: number | null;
        toGroupId: number | null;
        vendorId: number | null;
        reason: string;
      };
    }
  | { type: 'user.changed'; payload: { userId: number } }
  | { type: 'mail.process'; payload: { receiptId: number } }
  | { type: 'mail.send'; payload: { outboundId: number } }
  | { type: 'kb.article_changed'; payload: { articleId: number } }
  | {
      type: 'sla.recompute';
      payload: { policyId?: number; organizationId?: number | null; customerId?: number | null };
    };

export type DomainEventType = DomainEvent['type'];

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Records an event (or a job) in the outbox. Call it inside the transaction that makes the
 * change, so the event exists exactly when the change does.
 */
export async function emit(trx: Executor, at: string, event: DomainEvent, runAt: string = at): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      type: event.type,
      payload: JSON.stringify(event.payload),
      status: 'pending',
      attempts: 0,
      run_at: runAt,
      created_at: at,
    })
    .execute();
}

/** Records several events in one statement (the periodic SLA check emits thousands at once). */
export async function emitMany(trx: Executor, at: string, events: readonly DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('outbox')
    .values(
      events.map((event) => ({
        type: event.type,
        payload: JSON.stringify(event.payload),
        status: 'pending',
        attempts: 0,
        run_at: at,
        created_at: at,
      })),
    )
    .execute();
}
