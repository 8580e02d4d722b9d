import type { TraceEntry } from '../../../api/notifications.ts';

/** i18n key and values for a trace entry's reason; filter values are named by the caller's lookups. */
export function traceMessage(
  entry: Pick<TraceEntry, 'code' | 'params'>,
  lookups: { category: (id: number) => string; status: (key: string) => string; none: string },
): { key: string; values: Record<string, string | number> } {
  const { ruleId = 0, level = 0, ruleValue = null, ticketValue = null } = entry.params;
  const name = (value: string | number | null) => {
    if (value === null) return lookups.none;
    if (entry.code === 'no_match_category') return lookups.category(Number(value));
    return lookups.status(String(value));
  };
  return {
    key: `notify.trace.${entry.code}`,
    values: { ruleId, level, rule: name(ruleValue), ticket: name(ticketValue) },
  };
}
