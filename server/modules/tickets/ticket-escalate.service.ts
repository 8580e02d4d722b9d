import type { Insertable, Updateable } from 'kysely';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, authorize, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import type { TicketHistoryTable, TicketTable } from '../../db/schema.ts';
import { badRequest, conflict, fieldForbidden } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { bodyToHtml, htmlToText } from '../../platform/html.ts';
import { loadActor } from '../auth/actor.ts';
import { listGroups } from '../catalog/catalog.repo.ts';
import { loadCustomSnapshot } from '../customfields/ticket-values.ts';
import { addBusinessMinutes } from '../sla/business-calendar.ts';
import { PolicyCache, policyCacheFor, refreshSla } from '../sla/sla.service.ts';
import { SLA_NOTICE } from '../sla/sla-snapshot.ts';
import { findVendor } from '../vendors/vendors.repo.ts';
import type { Workflow } from '../workflow/workflow.model.ts';
import { insertMessage } from './messages.repo.ts';
import { loadVisibleTicket } from './ticket-load.ts';
import { presentEnv, presentTicket, type TicketView } from './tickets.presenter.ts';
import { findTicketById, insertHistory, type TicketRow, updateTicketRow } from './tickets.repo.ts';

export interface EscalateInput {
  /** Target group; absent: the next support line (the lowest tier above the current group's). */
  groupId?: number;
  /** An engineer of the target group to take it at once; absent: it waits in the group's queue. */
  ownerId?: number;
  reason: string;
}

export interface VendorEscalationInput {
  vendorId: number;
  reference?: string;
  reason: string;
}

/** A ticket can be handed over while it is still open work. */
function assertOpen(workflow: Workflow, row: TicketRow): void {
  if (!workflow.isOpen(row.status)) {
    throw conflict('not_escalatable', `A ${row.status} ticket cannot be escalated`, ['status']);
  }
}

function requireReason(reason: string): string {
  const text = reason.trim();
  if (!text) throw badRequest('Give a reason for the escalation', ['reason']);
  return text;
}

/** The reason as an internal note, so the next line reads why the ticket came to them. */
async function addReasonNote(trx: Trx, ticketId: number, actorId: number, reason: string, at: string) {
  const html = bodyToHtml(reason);
  const messageId = await insertMessage(trx, {
    ticket_id: ticketId,
    author_id: actorId,
    kind: 'note',
    visibility: 'internal',
    body_html: html,
    body_text: htmlToText(html),
    created_at: at,
  });
  await emit(trx, at, {
    type: 'ticket.message_added',
    payload: { ticketId, actorId, messageId, visibility: 'internal', kind: 'note' },
  });
}

/** Writes the change, its history, the reason note, the SLA snapshot and the event together. */
async function commitEscalation(
  ctx: AppContext,
  actor: Actor,
  row: TicketRow,
  values: Updateable<TicketTable>,
  history: Insertable<TicketHistoryTable>[],
  reason: string,
  event: { toGroupId: number | null; vendorId: number | null },
): Promise<TicketView> {
  const at = values.updated_at as string;
  await inTransaction(ctx, async (trx) => {
    if ((await updateTicketRow(trx, row.id, values, row.status)) === 0) {
      throw conflict('conflict', 'The ticket changed meanwhile; reload and try again');
    }
    await insertHistory(trx, history);
    await addReasonNote(trx, row.id, actor.id, reason, at);
    await refreshSla(trx, [row.id], new Date(at), {
      actorId: actor.id,
      pausing: ctx.workflow.current().pausingStatuses(),
      cache: policyCacheFor(ctx.db),
    });
    await emit(trx, at, {
      type: 'ticket.escalated',
      payload: { ticketId: row.id, actorId: actor.id, fromGroupId: row.group_id, reason, ...event },
    });
    if (values.status !== undefined && values.status !== row.status) {
      await emit(trx, at, {
        type: 'ticket.status_changed',
        payload: { ticketId: row.id, actorId: actor.id, from: row.status, to: values.status as string },
      });
    }
  });
  return presentTicket(
    actor,
    (await findTicketById(ctx.db.kysely, row.id))!,
    await loadCustomSnapshot(ctx, [row.id]),
    presentEnv(ctx),
  );
}

/**
 * Hierarchical escalation: hands the ticket to the next support line (or a chosen group) with a
 * reason. The first hand-over out of the first line is recorded for the "time to second line" KPI.
 */
export async function escalateTicket(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: EscalateInput,
): Promise<TicketView> {
  authorize(actor, 'ticket.escalate');
  const row = await loadVisibleTicket(ctx, actor, id);
  const context = { type: row.type, status: row.status };
  const refused = (['groupId', ...(input.ownerId !== undefined ? ['ownerId' as const] : [])] as const).filter(
    (f) => fieldAccess(actor, f, context) !== 'write',
  );
  if (refused.length > 0) throw fieldForbidden([...refused]);
  assertOpen(ctx.workflow.current(), row);
  const reason = requireReason(input.reason);

  const groups = await listGroups(ctx.db.kysely);
  const current = groups.find((g) => g.id === row.group_id) ?? null;
  const target =
    input.groupId !== undefined
      ? groups.find((g) => g.id === input.groupId)
      : groups.filter((g) => g.tier > (current?.tier ?? 1)).sort((a, b) => a.tier - b.tier || a.id - b.id)[0];
  if (!target) {
    if (input.groupId !== undefined) throw badRequest('Unknown support group', ['groupId']);
    throw conflict('no_next_tier', 'There is no higher support line to escalate to', ['groupId']);
  }
  if (target.id === row.group_id) throw badRequest('The ticket is already with this group', ['groupId']);
  let ownerId: number | null = null;
  if (input.ownerId !== undefined) {
    const owner = await loadActor(ctx.db, input.ownerId);
    if (!owner || !isAgent(owner)) throw badRequest('The new owner must be an active agent', ['ownerId']);
    ownerId = owner.id;
  }

  const at = ctx.clock.now().toISOString();
  const status =
    ownerId !== null
      ? row.status === 'new'
        ? 'assigned'
        : row.status
      : row.status === 'assigned' || row.status === 'in_progress'
        ? 'new'
        : row.status;
  const leavesFirstLine = (current?.tier ?? 1) <= 1 && target.tier > 1 && row.second_line_at === null;
  const values: Updateable<TicketTable> = {
    group_id: target.id,
    owner_id: ownerId,
    status,
    updated_at: at,
    ...(leavesFirstLine && { second_line_at: at }),
  };
  const change = (field: string, from: string | number | null, to: string | number | null) =>
    from === to
      ? []
      : [
          {
            ticket_id: id,
            actor_id: actor.id,
            field,
            old_value: from === null ? null : String(from),
            new_value: to === null ? null : String(to),
            created_at: at,
          },
        ];
  const history = [
    ...change('groupId', row.group_id, target.id),
    ...change('ownerId', row.owner_id, ownerId),
    ...change('status', row.status, status),
  ];
  return commitEscalation(ctx, actor, row, values, history, reason, { toGroupId: target.id, vendorId: null });
}

/**
 * Escalation to an outside vendor: records the vendor, its ticket reference and its due date from
 * the vendor's own SLA (counted from now on the vendor's calendar), and parks the ticket in
 * `waiting_vendor`. Reminders come from the periodic SLA check before that date.
 */
export async function escalateToVendor(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: VendorEscalationInput,
): Promise<TicketView> {
  authorize(actor, 'ticket.escalate.vendor');
  const row = await loadVisibleTicket(ctx, actor, id);
  if (fieldAccess(actor, 'vendor', { type: row.type, status: row.status }) !== 'write') {
    throw fieldForbidden(['vendor']);
  }
  assertOpen(ctx.workflow.current(), row);
  const reason = requireReason(input.reason);
  const vendor = await findVendor(ctx.db.kysely, input.vendorId);
  if (vendor?.active !== 1) throw badRequest('Unknown or inactive vendor', ['vendorId']);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const policy = await new PolicyCache().get(ctx.db.kysely, vendor.sla_policy_id);
  const minutes = policy?.resolutionMinutes[row.priority as keyof typeof policy.resolutionMinutes] ?? null;
  const dueAt = policy && minutes !== null ? addBusinessMinutes(now, minutes, policy.calendar) : null;
  const remindAt =
    policy && minutes !== null ? addBusinessMinutes(now, minutes * policy.warnAtShare, policy.calendar) : null;
  const reference = input.reference?.trim() || null;
  const values: Updateable<TicketTable> = {
    vendor_id: vendor.id,
    vendor_reference: reference,
    vendor_escalated_at: at,
    vendor_due_at: dueAt?.toISOString() ?? null,
    vendor_remind_at: remindAt?.toISOString() ?? null,
    // A new vendor deadline re-arms its reminder and overdue notices.
    sla_notified: row.sla_notified & ~(SLA_NOTICE.vendorReminder | SLA_NOTICE.vendorBreach),
    status: 'waiting_vendor',
    updated_at: at,
  };
  const history: Insertable<TicketHistoryTable>[] = [
    {
      ticket_id: id,
      actor_id: actor.id,
      field: 'vendor',
      old_value: row.vendor_name,
      new_value: reference ? `${vendor.name} (${reference})` : vendor.name,
      created_at: at,
    },
  ];
  if (row.status !== 'waiting_vendor') {
    history.push({
      ticket_id: id,
      actor_id: actor.id,
      field: 'status',
      old_value: row.status,
      new_value: 'waiting_vendor',
      created_at: at,
    });
  }
  return commitEscalation(ctx, actor, row, values, history, reason, { toGroupId: row.group_id, vendorId: vendor.id });
}
