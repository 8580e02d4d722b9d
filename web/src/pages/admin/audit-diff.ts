import type { FieldAccess } from '../../../../common/domain.ts';
import { type FieldOverride, normalizeFieldRules, type RuleField } from '../../api/roles.ts';
import { ruleFields } from './field-rules.ts';

/** One readable change between two audit snapshots. */
export type AuditChange =
  | { kind: 'permissions'; added: string[]; removed: string[] }
  | { kind: 'fieldDefault'; field: RuleField; from: FieldAccess | null; to: FieldAccess | null }
  | { kind: 'overrideAdded'; override: FieldOverride }
  | { kind: 'overrideRemoved'; override: FieldOverride }
  | { kind: 'value'; key: string; from: unknown; to: unknown };

// Bookkeeping that changes with every write and says nothing to a reader.
const IGNORED_KEYS = new Set(['id', 'createdAt', 'updatedAt', 'userCount']);

type Snapshot = Record<string, unknown>;

function asSnapshot(value: unknown): Snapshot {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Snapshot) : {};
}

function isFieldRules(value: Snapshot): boolean {
  return 'default' in value && 'overrides' in value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function permissionChanges(before: unknown, after: unknown): AuditChange[] {
  const from = new Set(Array.isArray(before) ? (before as string[]) : []);
  const to = new Set(Array.isArray(after) ? (after as string[]) : []);
  const added = [...to].filter((name) => !from.has(name)).sort();
  const removed = [...from].filter((name) => !to.has(name)).sort();
  return added.length + removed.length > 0 ? [{ kind: 'permissions', added, removed }] : [];
}

function fieldRuleChanges(before: unknown, after: unknown): AuditChange[] {
  const from = normalizeFieldRules(before ?? {});
  const to = normalizeFieldRules(after ?? {});
  const changes: AuditChange[] = [];
  for (const field of new Set([...ruleFields(from), ...ruleFields(to)])) {
    const a = from.default[field] ?? null;
    const b = to.default[field] ?? null;
    if (a !== b) changes.push({ kind: 'fieldDefault', field, from: a, to: b });
  }
  const keyOf = (override: FieldOverride) => JSON.stringify(override);
  const fromKeys = new Set(from.overrides.map(keyOf));
  const toKeys = new Set(to.overrides.map(keyOf));
  for (const override of from.overrides) {
    if (!toKeys.has(keyOf(override))) changes.push({ kind: 'overrideRemoved', override });
  }
  for (const override of to.overrides) {
    if (!fromKeys.has(keyOf(override))) changes.push({ kind: 'overrideAdded', override });
  }
  return changes;
}

/**
 * The changed keys between two snapshots, most meaningful first. A created entity has no
 * `before` and a deleted one no `after`; both read as changes from or to nothing.
 */
export function diffSnapshots(beforeRaw: unknown, afterRaw: unknown): AuditChange[] {
  const before = asSnapshot(beforeRaw);
  const after = asSnapshot(afterRaw);
  if (isFieldRules(before) || isFieldRules(after)) return fieldRuleChanges(beforeRaw, afterRaw);

  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !IGNORED_KEYS.has(key));
  const changes: AuditChange[] = [];
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    if (key === 'permissions') changes.push(...permissionChanges(before[key], after[key]));
    else if (key === 'fieldRules') changes.push(...fieldRuleChanges(before[key], after[key]));
    else changes.push({ kind: 'value', key, from: before[key] ?? null, to: after[key] ?? null });
  }
  const rank = (change: AuditChange) => (change.kind === 'value' ? 0 : change.kind === 'permissions' ? 1 : 2);
  return changes.sort((a, b) => rank(a) - rank(b));
}
