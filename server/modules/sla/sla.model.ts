import { TICKET_PRIORITIES, type TicketPriority } from '../../../common/domain.ts';
import { type BusinessCalendar, parseCalendar } from './business-calendar.ts';
import type { CalendarRow, SlaPolicyRow } from './sla.repo.ts';
import type { SlaPolicy } from './sla-clock.ts';

/** Minutes to first response and to resolution for one priority; null = no target. */
export interface PriorityTarget {
  firstResponse: number | null;
  resolution: number | null;
}

export type SlaTargets = Record<TicketPriority, PriorityTarget>;

export const NO_TARGET: PriorityTarget = { firstResponse: null, resolution: null };

/** The calendar stored in a row, validated (rows written by us are valid; this guards hand edits). */
export function calendarOfRow(row: CalendarRow): BusinessCalendar {
  return parseCalendar({ timeZone: row.time_zone, week: JSON.parse(row.week), holidays: JSON.parse(row.holidays) });
}

/** Targets as stored, with missing priorities meaning "no target". */
export function targetsOfRow(row: Pick<SlaPolicyRow, 'targets'>): SlaTargets {
  const raw = JSON.parse(row.targets) as Partial<Record<string, Partial<PriorityTarget>>>;
  const out = {} as SlaTargets;
  for (const priority of TICKET_PRIORITIES) {
    const t = raw[priority] ?? {};
    out[priority] = { firstResponse: t.firstResponse ?? null, resolution: t.resolution ?? null };
  }
  return out;
}

/** The calculator's view of a stored policy and its calendar. */
export function policyOfRows(policy: SlaPolicyRow, calendar: CalendarRow): SlaPolicy {
  const targets = targetsOfRow(policy);
  const firstResponseMinutes = {} as Record<TicketPriority, number | null>;
  const resolutionMinutes = {} as Record<TicketPriority, number | null>;
  for (const priority of TICKET_PRIORITIES) {
    firstResponseMinutes[priority] = targets[priority].firstResponse;
    resolutionMinutes[priority] = targets[priority].resolution;
  }
  return {
    firstResponseMinutes,
    resolutionMinutes,
    warnAtShare: policy.warn_at_percent / 100,
    calendar: calendarOfRow(calendar),
  };
}
