import { TICKET_PRIORITIES, type TicketPriority } from '../../../../../common/domain.ts';
import type { PolicyInput, SlaPolicy, SlaTargets } from '../../../api/sla.ts';
import { type DurationParts, fromParts, MAX_TARGET_MINUTES, toParts } from './sla-values.ts';

export const TARGET_KINDS = ['firstResponse', 'resolution'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const DEFAULT_WARN_PERCENT = 80;

export interface PolicyValues {
  name: string;
  calendarId: string | null;
  warnAtPercent: number | string;
  isDefault: boolean;
  targets: Record<TicketPriority, Record<TargetKind, DurationParts>>;
}

/** The form's values for a policy, or for a new one on the first calendar. */
export function toPolicyValues(policy: SlaPolicy | null, firstCalendarId: number | null): PolicyValues {
  const calendarId = policy?.calendarId ?? firstCalendarId;
  const targets = {} as PolicyValues['targets'];
  for (const priority of TICKET_PRIORITIES) {
    const target = policy?.targets[priority];
    targets[priority] = {
      firstResponse: toParts(target?.firstResponse ?? null),
      resolution: toParts(target?.resolution ?? null),
    };
  }
  return {
    name: policy?.name ?? '',
    calendarId: calendarId === null ? null : String(calendarId),
    warnAtPercent: policy?.warnAtPercent ?? DEFAULT_WARN_PERCENT,
    isDefault: policy?.isDefault ?? false,
    targets,
  };
}

/** What the API gets: minutes per priority (null = no target); call after `policyProblems`. */
export function toPolicyInput(values: PolicyValues): PolicyInput {
  const targets = {} as SlaTargets;
  for (const priority of TICKET_PRIORITIES) {
    targets[priority] = {
      firstResponse: fromParts(values.targets[priority].firstResponse),
      resolution: fromParts(values.targets[priority].resolution),
    };
  }
  return {
    name: values.name.trim(),
    calendarId: Number(values.calendarId),
    targets,
    warnAtPercent: Number(values.warnAtPercent),
    isDefault: values.isDefault,
  };
}

function targetProblem(parts: DurationParts): string | null {
  const minutes = fromParts(parts);
  if (minutes === null) return null;
  if (parts.minutes !== '' && Number(parts.minutes) > 59) return 'admin.sla.policies.minutesRange';
  if (minutes < 1) return 'admin.sla.policies.targetPositive';
  if (minutes > MAX_TARGET_MINUTES) return 'admin.sla.policies.targetTooLong';
  return null;
}

/** Errors by form path (`targets.high.firstResponse`), as message keys for `t`. */
export function policyProblems(values: PolicyValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'common.required';
  if (!values.calendarId) errors.calendarId = 'common.required';
  const warn = Number(values.warnAtPercent);
  if (values.warnAtPercent === '' || !Number.isInteger(warn) || warn < 1 || warn > 100) {
    errors.warnAtPercent = 'admin.sla.policies.warnRange';
  }
  for (const priority of TICKET_PRIORITIES) {
    for (const kind of TARGET_KINDS) {
      const problem = targetProblem(values.targets[priority][kind]);
      if (problem) errors[`targets.${priority}.${kind}`] = problem;
    }
    const first = fromParts(values.targets[priority].firstResponse);
    const resolution = fromParts(values.targets[priority].resolution);
    const path = `targets.${priority}.firstResponse`;
    if (!errors[path] && first !== null && resolution !== null && first > resolution) {
      errors[path] = 'admin.sla.policies.firstAfterResolution';
    }
  }
  return errors;
}
