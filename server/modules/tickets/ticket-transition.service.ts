import type { Insertable, Updateable } from 'kysely';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import type { TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { badRequest, conflict, fieldForbidden } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { bodyToHtml, htmlToText } from '../../platform/html.ts';
import { assertRequired, loadCustomSnapshot, valuesOfTicket } from '../customfields/ticket-values.ts';
import { readSettings } from '../settings/settings.repo.ts';
import { policyCacheFor, refreshSla } from '../sla/sla.service.ts';
import type { Workflow } from '../workflow/workflow.model.ts';
import { resolveTransition } from '../workflow/workflow.service.ts';
import { insertMessage } from './messages.repo.ts';
import { loadVisibleTicket } from './ticket-load.ts';
import { presentEnv, presentTicket, type TicketView } from './tickets.presenter.ts';
import {
  findResolvedBefore,
  findTicketById,
  findTicketRecord,
  insertHistory,
  updateTicketRow,
} from './tickets.repo.ts';
import type { ChannelWriteOptions } from './write-options.ts';

export interface TransitionInput {
  to: string;
  comment?: string;
  solution?: string;
}

/** Timestamps that follow a status category: resolved_at on resolving, closed_at on closing. */
function statusTimestamps(workflow: Workflow, from: string, to: string, at: string): Updateable<TicketTable> {
  const values: Updateable<TicketTable> = {};
  const [was, next] = [workflow.category(from), workflow.category(to)];
  if (next === 'resolved') values.resolved_at = at;
  if (was === 'resolved' && next !== 'closed' && next !== 'resolved') values.resolved_at = null;
  if (next === 'closed') values.closed_at = at;
  return values;
}

async function addSystemText(
  trx: Trx,
  ticketId: number,
  authorId: number,
  text: string,
  at: string,
  options: ChannelWriteOptions = {},
): Promise<number> {
  const html = bodyToHtml(text);
  return insertMessage(trx, {
    ticket_id: ticketId,
    author_id: authorId,
    kind: options.messageKind ?? 'reply',
    visibility: 'public',
    body_html: html,
    body_text: htmlToText(html),
    created_at: at,
    ...options.extras,
  });
}

/**
 * Moves a ticket along the workflow. 409 when the move does not exist from the current status,
 * 403 when the actor's role may not take it, 400 when a required input is missing. The
 * solution and any comment are posted to the conversation so the customer reads them.
 */
export async function transitionTicket(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: TransitionInput,
  options: ChannelWriteOptions = {},
): Promise<TicketView> {
  const row = await loadVisibleTicket(ctx, actor, id);
  const workflow = ctx.workflow.current();
  if (!workflow.status(input.to)) throw badRequest(`Unknown status ${input.to}`, ['to']);
  const rule = resolveTransition(actor, row, input.to, workflow);
  const comment = input.comment?.trim() ?? '';
  const solution = input.solution?.trim() ?? '';
  const missing = rule.requires.filter((r) => (r === 'comment' ? !comment : r === 'solution' ? !solution : false));
  if (missing.length > 0) throw badRequest(`Required: ${missing.join(', ')}`, missing);
  const snapshot = await loadCustomSnapshot(ctx, [id]);
  // Custom fields are required by the field's own settings (target status) or by the transition.
  assertRequired(
    snapshot.fields.filter((f) => f.requiredForStatuses.includes(input.to) || rule.requires.includes(f.name)),
    valuesOfTicket(snapshot, id),
    `Fill these fields before moving the ticket to ${input.to}`,
  );
  if (solution && fieldAccess(actor, 'solution', { type: row.type, status: row.status }) !== 'write')
    throw fieldForbidden(['solution']);

  const at = ctx.clock.now().toISOString();
  const publicByAgent = isAgent(actor) && (solution !== '' || comment !== '');
  const values: Updateable<TicketTable> = {
    status: input.to,
    updated_at: at,
    ...statusTimestamps(workflow, row.status, input.to, at),
    ...(solution && { solution }),
    ...(publicByAgent && row.first_response_at === null && { first_response_at: at }),
  };
  const history: Insertable<TicketHistoryTable>[] = [
    { ticket_id: id, actor_id: actor.id, field: 'status', old_value: row.status, new_value: input.to, created_at: at },
  ];
  if (solution) {
    history.push({
      ticket_id: id,
      actor_id: actor.id,
      field: 'solution',
      old_value: row.solution,
      new_value: solution,
      created_at: at,
    });
  }

  await inTransaction(ctx, async (trx) => {
    if ((await updateTicketRow(trx, id, values, row.status)) === 0) {
      throw conflict('conflict', 'The ticket changed meanwhile; reload and try again');
    }
    await insertHistory(trx, history);
    await refreshSla(trx, [id], new Date(at), {
      actorId: actor.id,
      pausing: workflow.pausingStatuses(),
      cache: policyCacheFor(ctx.db),
    });
    let lastMessageId: number | null = null;
    for (const text of [solution, comment].filter(Boolean)) {
      // Channel extras (the mail's quoted text) belong to the comment, which is what the sender wrote.
      const messageId = await addSystemText(trx, id, actor.id, text, at, text === comment ? options : {});
      lastMessageId = messageId;
      await emit(trx, at, {
        type: 'ticket.message_added',
        payload: { ticketId: id, actorId: actor.id, messageId, visibility: 'public', kind: 'reply' },
      });
    }
    await emit(trx, at, {
      type: 'ticket.status_changed',
      payload: { ticketId: id, actorId: actor.id, from: row.status, to: input.to },
    });
    await options.afterWrite?.(trx, { ticketId: id, messageId: lastMessageId });
  });
  return presentTicket(actor, (await findTicketById(ctx.db.kysely, id))!, snapshot, presentEnv(ctx));
}

/**
 * The scheduled step 9 of the main process: a resolved ticket nobody confirmed or rejected
 * closes itself after the confirmation period. Idempotent: only still-resolved tickets move.
 */
export async function autoCloseResolvedTickets(ctx: AppContext, now: Date): Promise<number> {
  const { autoCloseDays } = await readSettings(ctx.db);
  const cutoff = new Date(now.getTime() - autoCloseDays * 86_400_000).toISOString();
  const at = now.toISOString();
  let closed = 0;
  for (const id of await findResolvedBefore(ctx.db.kysely, cutoff, 500)) {
    closed += await inTransaction(ctx, async (trx) => {
      const record = await findTicketRecord(trx, id);
      if (record?.status !== 'resolved') return 0;
      if ((await updateTicketRow(trx, id, { status: 'closed', closed_at: at, updated_at: at }, 'resolved')) === 0)
        return 0;
      await insertHistory(trx, [
        { ticket_id: id, actor_id: null, field: 'status', old_value: 'resolved', new_value: 'closed', created_at: at },
      ]);
      await refreshSla(trx, [id], now, {
        pausing: ctx.workflow.current().pausingStatuses(),
        cache: policyCacheFor(ctx.db),
      });
      await emit(trx, at, {
        type: 'ticket.status_changed',
        payload: { ticketId: id, actorId: null, from: 'resolved', to: 'closed' },
      });
      return 1;
    });
  }
  return closed;
}
