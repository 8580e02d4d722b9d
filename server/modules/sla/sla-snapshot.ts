/**
 * Turns the pure SLA clock's result into what a ticket row stores and which SLA events are due.
 * Pure: given the same facts, policy, timeline and `now`, the same snapshot and events.
 */
import type { Updateable } from 'kysely';
import { TICKET_PRIORITIES, type TicketPriority } from '../../../common/domain.ts';
import { NO_DUE_DATE } from '../../db/migrations/0004_sla_escalation.ts';
import type { TicketTable } from '../../db/schema.ts';
import type { DomainEvent } from '../../platform/events.ts';
import type { SlaTicketFacts } from './sla.repo.ts';
import { computeSla, type SlaPolicy, type StatusSpan, type TargetState } from './sla-clock.ts';

/** Bits of `tickets.sla_notified`: which SLA events a ticket has already emitted. */
export const SLA_NOTICE = {
  responseWarning: 1,
  responseBreach: 2,
  resolutionWarning: 4,
  resolutionBreach: 8,
  vendorReminder: 16,
  vendorBreach: 32,
} as const;

/** Statuses that end the clock without a resolution: a cancelled ticket pages nobody. */
const ENDING_STATUSES = new Set(['closed', 'cancelled']);

/** Builds the status timeline from status history rows (oldest first). */
export function timelineOf(
  facts: Pick<SlaTicketFacts, 'status' | 'created_at'>,
  changes: readonly { new_value: string | null; created_at: string }[],
): StatusSpan[] {
  const spans: StatusSpan[] = [];
  for (const change of changes) {
    if (change.new_value === null) continue;
    const from = new Date(change.created_at);
    const last = spans.at(-1);
    if (last) last.to = from;
    spans.push({ status: change.new_value, from, to: null });
  }
  if (spans.length === 0) spans.push({ status: facts.status, from: new Date(facts.created_at), to: null });
  return spans;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export interface SlaSnapshot {
  values: Updateable<TicketTable>;
  events: DomainEvent[];
}

type Target = 'first_response' | 'resolution';

/**
 * The stored SLA state of one ticket at `now`, and the events that became due since the last
 * snapshot. Warnings and breaches are emitted once each; a target that is running again without
 * a warning (priority lowered, ticket reopened) re-arms its notices.
 */
export function slaSnapshot(
  facts: SlaTicketFacts,
  policy: SlaPolicy | null,
  timeline: readonly StatusSpan[],
  pausingStatuses: readonly string[],
  now: Date,
): SlaSnapshot {
  let notified = facts.sla_notified;
  const events: DomainEvent[] = [];
  const next: number[] = [];
  const nowMs = now.getTime();
  const ticketId = facts.id;

  const values: Updateable<TicketTable> = {
    response_due_at: null,
    response_warn_at: null,
    response_sla_state: 'none',
    resolution_due_at: null,
    resolution_warn_at: null,
    resolution_sla_state: 'none',
    resolution_remaining_minutes: null,
    due_at: NO_DUE_DATE,
  };

  const track = (target: Target, state: TargetState, warnBit: number, breachBit: number) => {
    if (state.state === 'running' && !state.warning) notified &= ~(warnBit | breachBit);
    const dueAt = iso(state.dueAt)!;
    if (state.state === 'running' && state.warning && !(notified & warnBit)) {
      notified |= warnBit;
      events.push({ type: 'ticket.sla_warning', payload: { ticketId, target, dueAt } });
    }
    if (state.state === 'breached' && !(notified & breachBit)) {
      notified |= breachBit | warnBit;
      events.push({ type: 'ticket.sla_breached', payload: { ticketId, target, dueAt } });
    }
    if (state.state === 'running') {
      // Breached means strictly after the due instant, so look one millisecond later.
      if (!(notified & warnBit) && state.warnAt) next.push(state.warnAt.getTime());
      else if (!(notified & breachBit) && state.dueAt) next.push(state.dueAt.getTime() + 1);
    }
  };

  if (policy) {
    const priority = (TICKET_PRIORITIES as readonly string[]).includes(facts.priority)
      ? (facts.priority as TicketPriority)
      : 'normal';
    const ended = facts.resolved_at ?? (ENDING_STATUSES.has(facts.status) ? facts.closed_at : null);
    const result = computeSla({
      createdAt: new Date(facts.created_at),
      priority,
      policy,
      timeline,
      pausingStatuses,
      firstRespondedAt: facts.first_response_at ? new Date(facts.first_response_at) : null,
      resolvedAt: ended ? new Date(ended) : null,
      now,
    });
    const { firstResponse: fr, resolution: res } = result;
    Object.assign(values, {
      response_due_at: iso(fr.dueAt),
      response_warn_at: iso(fr.warnAt),
      response_sla_state: fr.state,
      resolution_due_at: iso(res.dueAt),
      resolution_warn_at: iso(res.warnAt),
      resolution_sla_state: res.state,
      resolution_remaining_minutes: res.remainingMinutes === null ? null : Math.round(res.remainingMinutes),
    });
    // The queue's sort key: the deadline someone has to act on next.
    const pending = [
      ...(facts.first_response_at === null && ended === null && fr.dueAt ? [fr.dueAt] : []),
      ...(ended === null && res.dueAt ? [res.dueAt] : []),
    ];
    if (pending.length > 0) values.due_at = new Date(Math.min(...pending.map((d) => d.getTime()))).toISOString();
    if (fr.state !== 'none') track('first_response', fr, SLA_NOTICE.responseWarning, SLA_NOTICE.responseBreach);
    if (res.state !== 'none') track('resolution', res, SLA_NOTICE.resolutionWarning, SLA_NOTICE.resolutionBreach);
  }

  if (facts.status === 'waiting_vendor' && facts.vendor_due_at) {
    const due = new Date(facts.vendor_due_at).getTime();
    const remind = facts.vendor_remind_at ? new Date(facts.vendor_remind_at).getTime() : null;
    const dueAt = facts.vendor_due_at;
    if (remind !== null && nowMs >= remind && nowMs <= due && !(notified & SLA_NOTICE.vendorReminder)) {
      notified |= SLA_NOTICE.vendorReminder;
      events.push({ type: 'ticket.vendor_deadline_near', payload: { ticketId, dueAt } });
    }
    if (nowMs > due && !(notified & SLA_NOTICE.vendorBreach)) {
      notified |= SLA_NOTICE.vendorBreach | SLA_NOTICE.vendorReminder;
      events.push({ type: 'ticket.vendor_deadline_passed', payload: { ticketId, dueAt } });
    }
    if (remind !== null && !(notified & SLA_NOTICE.vendorReminder) && remind > nowMs) next.push(remind);
    else if (!(notified & SLA_NOTICE.vendorBreach)) next.push(due + 1);
  }

  values.sla_notified = notified;
  values.sla_next_check_at = next.length === 0 ? null : new Date(Math.min(...next)).toISOString();
  return { values, events };
}
