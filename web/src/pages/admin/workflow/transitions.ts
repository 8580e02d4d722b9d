import type {
  TransitionRequirement,
  TransitionRule,
  TransitionSetInput,
  WorkflowTransition,
} from '../../../api/workflow.ts';

/** The id of the default set in the set chooser (ticket type keys never contain '*'). */
export const DEFAULT_SET = '*';

/** Why a rule cannot be saved as it is. */
export type RuleProblem = 'same_status' | 'duplicate';

/** A rule with its place in the edited list, so rows can be changed or removed after sorting. */
export interface IndexedRule {
  index: number;
  rule: TransitionRule;
}

/** Rules leaving one status, in display order. */
export interface RuleGroup {
  from: string;
  rules: IndexedRule[];
}

/** The set chooser's id for a ticket type's set (null = the default set). */
export function setIdOf(type: string | null): string {
  return type ?? DEFAULT_SET;
}

/** The ticket type of a set id (null for the default set). */
export function typeOfSet(setId: string): string | null {
  return setId === DEFAULT_SET ? null : setId;
}

/** The rules of one set, without their `type` and with their own arrays (safe to edit). */
export function rulesOf(transitions: readonly WorkflowTransition[], type: string | null): TransitionRule[] {
  return transitions
    .filter((t) => t.type === type)
    .map(({ from, to, by, roles, requires }) => ({ from, to, by, roles: [...roles], requires: [...requires] }));
}

/** Whether a ticket type has its own set; without one it follows the default set. */
export function hasOwnSet(transitions: readonly WorkflowTransition[], type: string): boolean {
  return transitions.some((t) => t.type === type);
}

function requirementOrder(requirement: TransitionRequirement): string {
  // Solution and comment first, custom fields after them by key.
  if (requirement === 'solution') return '0';
  if (requirement === 'comment') return '1';
  return `2${requirement}`;
}

/** A rule with sorted, de-duplicated roles and requirements, as it is compared and sent. */
export function normalizeRule(rule: TransitionRule): TransitionRule {
  return {
    from: rule.from,
    to: rule.to,
    by: rule.by,
    roles: [...new Set(rule.roles)].sort(),
    requires: [...new Set(rule.requires)].sort((a, b) => requirementOrder(a).localeCompare(requirementOrder(b))),
  };
}

/** What makes two rules the same to the server: both statuses, who, and the roles. */
export function ruleIdentity(rule: TransitionRule): string {
  return `${rule.from}>${rule.to}>${rule.by}>${[...new Set(rule.roles)].sort().join(',')}`;
}

/** The problems of the rules, by index; the server refuses the whole set while there are any. */
export function ruleProblems(rules: readonly TransitionRule[]): Map<number, RuleProblem> {
  const problems = new Map<number, RuleProblem>();
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const id = ruleIdentity(rule);
    if (rule.from === rule.to) problems.set(index, 'same_status');
    else if (seen.has(id)) problems.set(index, 'duplicate');
    seen.add(id);
  });
  return problems;
}

/** Whether two lists hold the same rules, in whatever order (the server keeps no order). */
export function sameRules(a: readonly TransitionRule[], b: readonly TransitionRule[]): boolean {
  if (a.length !== b.length) return false;
  const key = (rule: TransitionRule) => JSON.stringify(normalizeRule(rule));
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((item, i) => item === right[i]);
}

/** The body of `PUT /workflow/transitions` for a set. */
export function transitionSetBody(type: string | null, rules: readonly TransitionRule[]): TransitionSetInput {
  return { type, transitions: rules.map(normalizeRule) };
}

/**
 * Rules grouped by the status they leave, groups and rows in status order (then staff before
 * the requester); statuses not in `statusOrder` come last.
 */
export function groupByFrom(rules: readonly TransitionRule[], statusOrder: readonly string[]): RuleGroup[] {
  const rank = (key: string) => {
    const at = statusOrder.indexOf(key);
    return at === -1 ? statusOrder.length : at;
  };
  const sorted = rules
    .map((rule, index) => ({ rule, index }))
    .sort(
      (a, b) =>
        rank(a.rule.from) - rank(b.rule.from) ||
        a.rule.from.localeCompare(b.rule.from) ||
        rank(a.rule.to) - rank(b.rule.to) ||
        a.rule.to.localeCompare(b.rule.to) ||
        (a.rule.by === b.rule.by ? 0 : a.rule.by === 'agent' ? -1 : 1) ||
        a.index - b.index,
    );
  const groups: RuleGroup[] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last?.from === item.rule.from) last.rules.push(item);
    else groups.push({ from: item.rule.from, rules: [item] });
  }
  return groups;
}

/** One rule per source status: how the dialog's "from" choice becomes rows. */
export function expandRule(froms: readonly string[], rest: Omit<TransitionRule, 'from'>): TransitionRule[] {
  return [...new Set(froms)].map((from) => normalizeRule({ ...rest, from }));
}

/**
 * The list with the rule at `index` replaced by `replacement` (which may be several rules, or
 * none to remove it); `index` null appends.
 */
export function replaceRule(
  rules: readonly TransitionRule[],
  index: number | null,
  replacement: readonly TransitionRule[],
): TransitionRule[] {
  if (index === null) return [...rules, ...replacement];
  return [...rules.slice(0, index), ...replacement, ...rules.slice(index + 1)];
}

/** The rules of `candidates` that another rule of the list (other than `index`) already is. */
export function clashes(
  rules: readonly TransitionRule[],
  index: number | null,
  candidates: readonly TransitionRule[],
): TransitionRule[] {
  const others = new Set(rules.filter((_, i) => i !== index).map(ruleIdentity));
  return candidates.filter((rule) => others.has(ruleIdentity(rule)));
}
