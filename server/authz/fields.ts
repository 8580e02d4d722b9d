import {
  CUSTOM_FIELD_PREFIX,
  FIELD_ACCESS,
  type FieldAccess,
  type FieldName,
  TICKET_FIELDS,
  type TicketField,
} from '../../common/domain.ts';
import type { Actor } from './policy.ts';

/** An exception to a role's default access for one field, narrowed by ticket type and/or status. */
export interface FieldRuleOverride {
  field: FieldName;
  access: FieldAccess;
  /** Applies to tickets of these types only (absent: every type). */
  types?: string[];
  /** Applies to tickets in these statuses only (absent: every status). */
  statuses?: string[];
}

/** A role's field rules: default access per field plus narrower overrides. */
export interface FieldRules {
  /** Every built-in field, plus `cf.<key>` for custom fields (absent custom fields are hidden). */
  default: Record<string, FieldAccess>;
  overrides: FieldRuleOverride[];
}

/** The ticket facts overrides look at. Without one, only the defaults apply. */
export interface FieldContext {
  type: string;
  status: string;
}

const RESTRICTIVENESS: Record<FieldAccess, number> = { write: 0, read: 1, hidden: 2 };

function specificity(rule: FieldRuleOverride): number {
  return (rule.types?.length ? 1 : 0) + (rule.statuses?.length ? 1 : 0);
}

function applies(rule: FieldRuleOverride, context: FieldContext): boolean {
  if (rule.types?.length && !rule.types.includes(context.type)) return false;
  if (rule.statuses?.length && !rule.statuses.includes(context.status)) return false;
  return true;
}

/**
 * Access to one field under a set of rules: the most specific applying override wins; among
 * equally specific ones the most restrictive. Unknown fields are hidden (deny by default).
 */
export function resolveFieldAccess(rules: FieldRules, field: FieldName, context?: FieldContext): FieldAccess {
  let access = rules.default[field] ?? 'hidden';
  if (!context) return access;
  let best = -1;
  for (const rule of rules.overrides) {
    if (rule.field !== field || !applies(rule, context)) continue;
    const level = specificity(rule);
    if (level > best || (level === best && RESTRICTIVENESS[rule.access] > RESTRICTIVENESS[access])) {
      best = level;
      access = rule.access;
    }
  }
  return access;
}

/** The actor's access to one ticket field, for a given ticket when there is one. */
export function fieldAccess(actor: Actor, field: FieldName, context?: FieldContext): FieldAccess {
  return resolveFieldAccess(actor.fieldRules, field, context);
}

/**
 * True when the field is hidden from the actor on some tickets: by default, or by an override
 * for some types or statuses. For reads that cannot look at each ticket's own rules (matching
 * search terms in the index).
 */
export function mayBeHidden(actor: Actor, field: FieldName): boolean {
  const rules = actor.fieldRules;
  if ((rules.default[field] ?? 'hidden') === 'hidden') return true;
  return rules.overrides.some((rule) => rule.field === field && rule.access === 'hidden');
}

/**
 * Where a field is visible to the actor, for filters that run in SQL across tickets: `all`, or
 * `none`, or the ticket types with the statuses in which it is (an override by type or status
 * hides it on the rest). Types and statuses not listed in `types` / `statuses` never match.
 */
export type FieldVisibility = 'all' | 'none' | FieldScope;

/** Tickets of these types, each in the statuses listed with it. */
export type FieldScope = { type: string; statuses: string[] }[];

/** The visibility of one field over every known type × status (see {@link FieldVisibility}). */
export function fieldVisibility(
  actor: Actor,
  field: FieldName,
  types: readonly string[],
  statuses: readonly string[],
): FieldVisibility {
  if (!mayBeHidden(actor, field)) return 'all';
  const visible = types
    .map((type) => ({
      type,
      statuses: statuses.filter((status) => fieldAccess(actor, field, { type, status }) !== 'hidden'),
    }))
    .filter((entry) => entry.statuses.length > 0);
  return visible.length === 0 ? 'none' : visible;
}

/** Names of the given fields the actor may not write on this ticket, in the given order. */
export function unwritableFields<F extends FieldName>(actor: Actor, fields: readonly F[], context?: FieldContext): F[] {
  return fields.filter((field) => fieldAccess(actor, field, context) !== 'write');
}

/** Readable fields with their access on this ticket, sent to the UI as abilities. */
export function visibleFieldAccess(
  actor: Actor,
  context?: FieldContext,
): Partial<Record<TicketField, 'read' | 'write'>> {
  const out: Partial<Record<TicketField, 'read' | 'write'>> = {};
  for (const field of TICKET_FIELDS) {
    const access = fieldAccess(actor, field, context);
    if (access !== 'hidden') out[field] = access;
  }
  return out;
}

const isAccess = (value: unknown): value is FieldAccess => (FIELD_ACCESS as readonly unknown[]).includes(value);
const CUSTOM_NAME = /^cf\.[a-z][a-z0-9_]{0,39}$/;

/** A built-in field or a well-formed custom field name. */
export function isFieldName(value: unknown): value is FieldName {
  return (
    (TICKET_FIELDS as readonly unknown[]).includes(value) || (typeof value === 'string' && CUSTOM_NAME.test(value))
  );
}

const WORKFLOW_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * A narrowing list of status or type keys: undefined when absent or empty, null when it holds
 * anything malformed. Keys are not checked against the workflow: an override naming a status an
 * admin later deletes simply never applies.
 */
function stringList(value: unknown): string[] | undefined | null {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string' && WORKFLOW_KEY.test(v));
  return list.length === value.length ? list : null;
}

/**
 * Parses stored field rules. Accepts the current shape and the earlier flat map
 * (`{field: access}`), fills missing fields with `hidden`, and drops malformed overrides.
 */
export function parseFieldRules(json: string): FieldRules {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const defaults = (raw.default && typeof raw.default === 'object' ? raw.default : raw) as Record<string, unknown>;
  const rules: FieldRules = { default: {}, overrides: [] };
  for (const field of TICKET_FIELDS) {
    const value = defaults[field];
    rules.default[field] = isAccess(value) ? value : 'hidden';
  }
  for (const [name, value] of Object.entries(defaults)) {
    if (name.startsWith(CUSTOM_FIELD_PREFIX) && isFieldName(name) && isAccess(value)) rules.default[name] = value;
  }
  for (const item of Array.isArray(raw.overrides) ? raw.overrides : []) {
    const o = item as Record<string, unknown>;
    if (!isFieldName(o.field) || !isAccess(o.access)) continue;
    const types = stringList(o.types);
    const statuses = stringList(o.statuses);
    // An override narrowed by something unknown must not silently apply everywhere.
    if (types === null || statuses === null) continue;
    rules.overrides.push({ field: o.field, access: o.access, ...(types && { types }), ...(statuses && { statuses }) });
  }
  return rules;
}
