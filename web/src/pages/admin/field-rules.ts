import {
  FIELD_ACCESS,
  type FieldAccess,
  TICKET_FIELDS,
  type TicketStatus,
  type TicketType,
} from '../../../../common/domain.ts';
import type { FieldOverride, FieldRules, RuleField } from '../../api/roles.ts';

/** Most open first: the order shown in the editor. */
export const ACCESS_ORDER: readonly FieldAccess[] = [...FIELD_ACCESS].reverse();

export const ACCESS_COLORS: Record<FieldAccess, string> = { hidden: 'gray', read: 'blue', write: 'green' };

/**
 * The ticket fields in their usual order, then the given custom fields (`cf.<key>`, in their
 * order), then any other fields the rules mention.
 */
export function ruleFields(rules: FieldRules, customFields: readonly string[] = []): RuleField[] {
  const known = new Set<string>([...TICKET_FIELDS, ...customFields]);
  const extra = [...Object.keys(rules.default), ...rules.overrides.map((override) => override.field)].filter(
    (field) => !known.has(field),
  );
  return [...TICKET_FIELDS, ...customFields, ...new Set(extra)];
}

/** Rules with every field present and empty type/status lists dropped (absent = all). */
export function cleanFieldRules(rules: FieldRules): FieldRules {
  const defaults: Partial<Record<RuleField, FieldAccess>> = {};
  for (const field of ruleFields(rules)) defaults[field] = rules.default[field] ?? 'hidden';
  const overrides = rules.overrides.map((override): FieldOverride => {
    const out: FieldOverride = { field: override.field, access: override.access };
    if (override.types && override.types.length > 0) out.types = [...override.types];
    if (override.statuses && override.statuses.length > 0) out.statuses = [...override.statuses];
    return out;
  });
  return { default: defaults, overrides };
}

export function sameFieldRules(a: FieldRules, b: FieldRules): boolean {
  return JSON.stringify(cleanFieldRules(a)) === JSON.stringify(cleanFieldRules(b));
}

/** Index of the override a server error path such as `fieldRules.overrides.2.types` points at. */
export function overrideIndexOf(path: string): number | null {
  const match = /overrides[.[/](\d+)/.exec(path);
  return match ? Number(match[1]) : null;
}

export interface OverrideScope {
  types: readonly TicketType[];
  statuses: readonly TicketStatus[];
}

export function scopeOf(override: FieldOverride): OverrideScope {
  return { types: override.types ?? [], statuses: override.statuses ?? [] };
}
