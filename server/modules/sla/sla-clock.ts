/**
 * SLA clock: pure functions that turn a ticket's facts (creation, priority, status timeline,
 * first response, resolution) and an injected `now` into due dates and states.
 *
 * Decisions:
 * - Due dates are always recomputed from `createdAt` with the target of the *current* priority,
 *   so a priority change mid-flight moves the due date (normal 8h → urgent 1h after 30 minutes
 *   gives createdAt + 1h; urgent → low extends it). Service or contract changes work the same
 *   way: the caller passes the new policy.
 * - First response is NOT paused: "waiting for the customer" presumes someone already answered,
 *   and an agent must acknowledge a ticket even if it was parked. Resolution IS paused.
 * - If a ticket is resolved without a recorded first response, the resolution counts as the
 *   first response (the customer did get an answer).
 * - Paused business time is added back exactly, but only for pauses that start before the
 *   running due date: once breached, parking the ticket cannot un-breach it.
 * - An event exactly at the due instant is met; breached means strictly after it.
 */
import type { TicketPriority } from '../../../common/domain.ts';
import { addBusinessMs, type BusinessCalendar, businessMsBetween } from './business-calendar.ts';
import { MS_PER_MINUTE } from './zoned-time.ts';

export const DEFAULT_PAUSING_STATUSES: readonly string[] = ['waiting_customer', 'waiting_vendor'];
export const DEFAULT_WARN_AT_SHARE = 0.8;

export interface SlaPolicy {
  /** Business minutes per priority until the first response; null = no target. */
  firstResponseMinutes: Record<TicketPriority, number | null>;
  /** Business minutes per priority until resolution; null = no target. */
  resolutionMinutes: Record<TicketPriority, number | null>;
  /** Share of the target after which a warning is due, in (0, 1]; 0.8 by default. */
  warnAtShare: number;
  calendar: BusinessCalendar;
}

/** One stretch of the ticket's life in one status; `to` is null for the current status. */
export interface StatusSpan {
  status: string;
  from: Date;
  to: Date | null;
}

export type SlaState = 'running' | 'paused' | 'met' | 'breached' | 'none';

export interface TargetState {
  dueAt: Date | null;
  warnAt: Date | null;
  state: SlaState;
  /**
   * Business minutes from the evaluation instant (the event if it happened, else now) to the
   * due date; negative when past it. While paused: the budget left when the clock resumes.
   */
  remainingMinutes: number | null;
  /** Business minutes of pause added back to the due date. */
  pausedMinutes: number;
  /** True while running or paused and the warning instant has been reached. */
  warning: boolean;
}

export interface SlaInput {
  createdAt: Date;
  /** The ticket's current priority. */
  priority: TicketPriority;
  policy: SlaPolicy;
  timeline: readonly StatusSpan[];
  pausingStatuses?: readonly string[];
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  now: Date;
}

export interface SlaResult {
  firstResponse: TargetState;
  resolution: TargetState;
}

const NONE: TargetState = {
  dueAt: null,
  warnAt: null,
  state: 'none',
  remainingMinutes: null,
  pausedMinutes: 0,
  warning: false,
};

/**
 * Pausing stretches of `timeline` clipped to [from, until], sorted and merged, as epoch-ms pairs.
 * Open spans (and spans reaching past `until`) end at `until`.
 */
export function pauseIntervals(
  timeline: readonly StatusSpan[],
  pausingStatuses: readonly string[],
  from: Date,
  until: Date,
): [number, number][] {
  const pausing = new Set(pausingStatuses);
  const lo = from.getTime();
  const hi = until.getTime();
  const raw = timeline
    .filter((span) => pausing.has(span.status))
    .map((span): [number, number] => [
      Math.max(span.from.getTime(), lo),
      Math.min(span.to === null ? hi : span.to.getTime(), hi),
    ])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * Instant at which `budgetMs` of unpaused working time has elapsed since `start`, plus the
 * paused working time that was added back on the way.
 */
function dueWithPauses(
  start: number,
  budgetMs: number,
  pauses: readonly [number, number][],
  cal: BusinessCalendar,
): { at: number; pausedMs: number } {
  let cursor = start;
  let remaining = Math.round(budgetMs);
  let pausedMs = 0;
  for (const [ps, pe] of pauses) {
    const pauseStart = Math.max(ps, cursor);
    if (pe <= pauseStart) continue;
    // Due before this pause begins: later pauses cannot matter either.
    if (addBusinessMs(cursor, remaining, cal) <= pauseStart) break;
    remaining -= businessMsBetween(cursor, pauseStart, cal);
    pausedMs += businessMsBetween(pauseStart, pe, cal);
    cursor = pe;
  }
  return { at: addBusinessMs(cursor, remaining, cal), pausedMs };
}

/** Business minutes from `at` to `due`, negative when `at` is past it. */
function signedRemaining(at: number, due: number, cal: BusinessCalendar): number {
  return at <= due ? businessMsBetween(at, due, cal) / MS_PER_MINUTE : -businessMsBetween(due, at, cal) / MS_PER_MINUTE;
}

function checkMinutes(value: number | null, what: string): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${what}: expected non-negative minutes or null`);
  return value;
}

interface TargetInput {
  createdAt: number;
  minutes: number | null;
  warnAtShare: number;
  calendar: BusinessCalendar;
  pauses: readonly [number, number][];
  event: Date | null;
  now: number;
  pausedNow: boolean;
}

function evaluateTarget(t: TargetInput): TargetState {
  if (t.minutes === null) return NONE;
  const budget = t.minutes * MS_PER_MINUTE;
  const due = dueWithPauses(t.createdAt, budget, t.pauses, t.calendar);
  const warn = dueWithPauses(t.createdAt, budget * t.warnAtShare, t.pauses, t.calendar);
  const base = {
    dueAt: new Date(due.at),
    warnAt: new Date(warn.at),
    pausedMinutes: due.pausedMs / MS_PER_MINUTE,
  };
  if (t.event !== null) {
    const at = t.event.getTime();
    return {
      ...base,
      state: at <= due.at ? 'met' : 'breached',
      remainingMinutes: signedRemaining(at, due.at, t.calendar),
      warning: false,
    };
  }
  const remainingMinutes = signedRemaining(t.now, due.at, t.calendar);
  if (t.now > due.at) return { ...base, state: 'breached', remainingMinutes, warning: false };
  return { ...base, state: t.pausedNow ? 'paused' : 'running', remainingMinutes, warning: t.now >= warn.at };
}

/**
 * Computes the first-response and resolution SLA of one ticket at instant `now`.
 * Pure: the same input always gives the same output; time comes only from `now`.
 * While the ticket sits in a pausing status, the resolution due date is computed as if the
 * pause ended now and its state is 'paused'.
 */
export function computeSla(input: SlaInput): SlaResult {
  const { createdAt, priority, policy, timeline, firstRespondedAt, resolvedAt, now } = input;
  const pausingStatuses = input.pausingStatuses ?? DEFAULT_PAUSING_STATUSES;
  const share = policy.warnAtShare;
  if (!Number.isFinite(share) || share <= 0 || share > 1) throw new Error('policy.warnAtShare: expected (0, 1]');
  const firstMinutes = checkMinutes(policy.firstResponseMinutes[priority] ?? null, 'policy.firstResponseMinutes');
  const resolutionMinutes = checkMinutes(policy.resolutionMinutes[priority] ?? null, 'policy.resolutionMinutes');
  const created = createdAt.getTime();
  const nowMs = now.getTime();

  const firstResponse = evaluateTarget({
    createdAt: created,
    minutes: firstMinutes,
    warnAtShare: share,
    calendar: policy.calendar,
    pauses: [],
    event: firstRespondedAt ?? resolvedAt,
    now: nowMs,
    pausedNow: false,
  });

  // Only pauses up to the resolution (or now) are known facts.
  const horizon = resolvedAt ?? now;
  const pauses = pauseIntervals(timeline, pausingStatuses, createdAt, horizon);
  const pausing = new Set(pausingStatuses);
  const pausedNow =
    resolvedAt === null &&
    timeline.some(
      (s) => pausing.has(s.status) && s.from.getTime() <= nowMs && (s.to === null || s.to.getTime() > nowMs),
    );
  const resolution = evaluateTarget({
    createdAt: created,
    minutes: resolutionMinutes,
    warnAtShare: share,
    calendar: policy.calendar,
    pauses,
    event: resolvedAt,
    now: nowMs,
    pausedNow,
  });
  return { firstResponse, resolution };
}
