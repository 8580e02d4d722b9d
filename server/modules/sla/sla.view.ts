import { NO_DUE_DATE } from '../../db/migrations/0004_sla_escalation.ts';
import type { SlaState } from './sla-clock.ts';

/** One SLA target as the API shows it; the state is brought up to `now` (running -> breached). */
export interface SlaTargetView {
  dueAt: string | null;
  state: SlaState;
  /** Running and past the warning share of the target. */
  warning: boolean;
}

export interface TicketSlaView {
  policyId: number | null;
  policyName: string | null;
  /** The next pending deadline (what the queue sorts by); null when nothing is pending. */
  dueAt: string | null;
  firstResponse: SlaTargetView;
  resolution: SlaTargetView & {
    /** Business minutes left when last computed; what remains while the clock is paused. */
    remainingMinutes: number | null;
  };
}

/** The SLA columns of a ticket row. */
export interface SlaColumns {
  sla_policy_id: number | null;
  sla_policy_name: string | null;
  due_at: string;
  response_due_at: string | null;
  response_warn_at: string | null;
  response_sla_state: string | null;
  resolution_due_at: string | null;
  resolution_warn_at: string | null;
  resolution_sla_state: string | null;
  resolution_remaining_minutes: number | null;
}

function target(due: string | null, warn: string | null, stored: string | null, now: Date): SlaTargetView {
  const state = (stored ?? 'none') as SlaState;
  if (state !== 'running' || due === null) return { dueAt: due, state, warning: false };
  const nowMs = now.getTime();
  if (nowMs > new Date(due).getTime()) return { dueAt: due, state: 'breached', warning: false };
  return { dueAt: due, state, warning: warn !== null && nowMs >= new Date(warn).getTime() };
}

/**
 * The stored SLA snapshot as of `now`. The periodic check keeps the rows current within its
 * interval; this closes the gap so a ticket never shows "running" past its due instant.
 */
export function presentSla(row: SlaColumns, now: Date): TicketSlaView {
  return {
    policyId: row.sla_policy_id,
    policyName: row.sla_policy_name,
    dueAt: row.due_at === NO_DUE_DATE ? null : row.due_at,
    firstResponse: target(row.response_due_at, row.response_warn_at, row.response_sla_state, now),
    resolution: {
      ...target(row.resolution_due_at, row.resolution_warn_at, row.resolution_sla_state, now),
      remainingMinutes: row.resolution_remaining_minutes,
    },
  };
}
