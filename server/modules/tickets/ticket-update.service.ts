import type { Insertable } from 'kysely';
import { TICKET_CHANNELS, type TicketField, type TicketPriority } from '../../../common/domain.ts';
import { type FieldContext, unwritableFields } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import type { TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { badRequest, conflict, fieldForbidden } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import type { CustomValue } from '../customfields/customfields.model.ts';
import {
  loadCustomSnapshot,
  prepareCustomChanges,
  unwritableCustomFields,
  valuesOfTicket,
  writeCustomChanges,
} from '../customfields/ticket-values.ts';
import { policyCacheFor, refreshSla } from '../sla/sla.service.ts';
import { loadVisibleTicket } from './ticket-load.ts';
import { validateTicketRefs } from './ticket-refs.ts';
import { presentEnv, presentTicket, type TicketView } from './tickets.presenter.ts';
import { findTicketById, insertHistory, type TicketRow, updateTicketRow } from './tickets.repo.ts';

export interface TicketChanges {
  subject?: string;
  priority?: TicketPriority;
  type?: string;
  categoryId?: number | null;
  serviceId?: number | null;
  ownerId?: number | null;
  groupId?: number | null;
  requesterId?: number;
  organizationId?: number | null;
  channel?: string;
  solution?: string;
  /** Not changeable here: status moves only through transitions. */
  status?: string;
  customFields?: Record<string, CustomValue>;
}

/** API field -> column, for the fields PATCH may change. */
const COLUMNS = {
  subject: 'subject',
  priority: 'priority',
  type: 'type',
  categoryId: 'category_id',
  serviceId: 'service_id',
  ownerId: 'owner_id',
  groupId: 'group_id',
  requesterId: 'requester_id',
  organizationId: 'organization_id',
  channel: 'channel',
  solution: 'solution',
} as const satisfies Record<Exclude<keyof TicketChanges, 'status' | 'customFields'>, keyof TicketTable>;

type ChangeableField = keyof typeof COLUMNS;

function refusedFields(actor: Actor, fields: ChangeableField[], context: FieldContext): TicketField[] {
  const refused = new Set<TicketField>(unwritableFields(actor, fields, context));
  for (const field of fields) {
    const permission = field === 'ownerId' ? 'ticket.assign' : 'ticket.update';
    if (!can(actor, permission)) refused.add(field);
  }
  return fields.filter((f) => refused.has(f));
}

const asText = (value: string | number | null): string | null => (value === null ? null : String(value));

/** Assigning a new ticket moves it to `assigned`; taking the owner away moves it back. */
function statusAfterOwnerChange(row: TicketRow, ownerId: number | null | undefined): string | null {
  if (ownerId === undefined) return null;
  if (ownerId !== null && row.status === 'new') return 'assigned';
  if (ownerId === null && row.status === 'assigned') return 'new';
  return null;
}

/**
 * Changes ticket fields. Every field the actor may not write is named in one 403 and nothing
 * changes; otherwise the row, one history row per changed field and the events commit together.
 */
export async function updateTicket(
  ctx: AppContext,
  actor: Actor,
  id: number,
  changes: TicketChanges,
): Promise<TicketView> {
  const row = await loadVisibleTicket(ctx, actor, id);
  if (changes.status !== undefined) {
    throw badRequest('Status changes go through POST /tickets/:id/transitions', ['status']);
  }
  const fields = (Object.keys(COLUMNS) as ChangeableField[]).filter((f) => changes[f] !== undefined);
  // Rules are judged on the ticket as it is now (its current type and status).
  const context = { type: row.type, status: row.status };
  const snapshot = await loadCustomSnapshot(ctx, [id]);
  const refused = [
    ...refusedFields(actor, fields, context),
    ...unwritableCustomFields(actor, snapshot, changes.customFields, { context, intake: false }),
  ];
  if (refused.length > 0) throw fieldForbidden(refused);
  if (changes.subject !== undefined && !changes.subject.trim()) throw badRequest('Subject is required', ['subject']);
  if (changes.channel !== undefined && !(TICKET_CHANNELS as readonly string[]).includes(changes.channel)) {
    throw badRequest('Unknown channel', ['channel']);
  }
  if (changes.type !== undefined && !ctx.workflow.current().hasType(changes.type)) {
    throw badRequest('Unknown ticket type', ['type']);
  }
  await validateTicketRefs(ctx, changes);

  const current: Record<ChangeableField, string | number | null> = {
    subject: row.subject,
    priority: row.priority,
    type: row.type,
    categoryId: row.category_id,
    serviceId: row.service_id,
    ownerId: row.owner_id,
    groupId: row.group_id,
    requesterId: row.requester_id,
    organizationId: row.organization_id,
    channel: row.channel,
    solution: row.solution,
  };
  const changed = fields.filter((f) => {
    const next = f === 'subject' ? changes.subject?.trim() : changes[f];
    return next !== current[f];
  });
  const customChanges = await prepareCustomChanges(ctx, actor, snapshot, changes.customFields, {
    context,
    intake: false,
    current: valuesOfTicket(snapshot, id),
  });
  if (changed.length === 0 && customChanges.length === 0) return presentTicket(actor, row, snapshot, presentEnv(ctx));

  const at = ctx.clock.now().toISOString();
  const nextStatus = changed.includes('ownerId') ? statusAfterOwnerChange(row, changes.ownerId) : null;
  const values: Record<string, string | number | null> = { updated_at: at };
  const history: Insertable<TicketHistoryTable>[] = [];
  for (const field of changed) {
    const value = field === 'subject' ? changes.subject!.trim() : (changes[field] as string | number | null);
    values[COLUMNS[field]] = value;
    history.push({
      ticket_id: id,
      actor_id: actor.id,
      field,
      old_value: asText(current[field]),
      new_value: asText(value),
      created_at: at,
    });
  }
  if (nextStatus) {
    values.status = nextStatus;
    history.push({
      ticket_id: id,
      actor_id: actor.id,
      field: 'status',
      old_value: row.status,
      new_value: nextStatus,
      created_at: at,
    });
  }

  await inTransaction(ctx, async (trx) => {
    // Optimistic check: if the status moved since we read it, the caller retries on fresh data.
    if ((await updateTicketRow(trx, id, values, row.status)) === 0) {
      throw conflict('conflict', 'The ticket changed meanwhile; reload and try again');
    }
    history.push(...(await writeCustomChanges(trx, id, customChanges, actor.id, at, true)));
    await insertHistory(trx, history);
    const reselect = changed.some((f) => f === 'serviceId' || f === 'requesterId' || f === 'organizationId');
    if (reselect || nextStatus || changed.includes('priority')) {
      await refreshSla(trx, [id], new Date(at), {
        reselect,
        actorId: actor.id,
        pausing: ctx.workflow.current().pausingStatuses(),
        cache: policyCacheFor(ctx.db),
      });
    }
    const fieldNames = [...changed, ...customChanges.map((c) => c.field.name)];
    await emit(trx, at, { type: 'ticket.updated', payload: { ticketId: id, actorId: actor.id, fields: fieldNames } });
    if (nextStatus) {
      await emit(trx, at, {
        type: 'ticket.status_changed',
        payload: { ticketId: id, actorId: actor.id, from: row.status, to: nextStatus },
      });
    }
  });
  return presentTicket(
    actor,
    (await findTicketById(ctx.db.kysely, id))!,
    await loadCustomSnapshot(ctx, [id]),
    presentEnv(ctx),
  );
}
