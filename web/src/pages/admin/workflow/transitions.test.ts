import { describe, expect, it } from 'vitest';
import type { TransitionRule, WorkflowTransition } from '../../../api/workflow.ts';
import {
  clashes,
  DEFAULT_SET,
  expandRule,
  groupByFrom,
  hasOwnSet,
  normalizeRule,
  replaceRule,
  ruleProblems,
  rulesOf,
  sameRules,
  setIdOf,
  transitionSetBody,
  typeOfSet,
} from './transitions.ts';

const rule = (from: string, to: string, extra: Partial<TransitionRule> = {}): TransitionRule => ({
  from,
  to,
  by: 'agent',
  roles: [],
  requires: [],
  ...extra,
});

const all: WorkflowTransition[] = [
  { type: null, ...rule('new', 'in_progress') },
  { type: null, ...rule('in_progress', 'resolved', { requires: ['solution'] }) },
  { type: 'change_request', ...rule('new', 'in_progress', { roles: ['manager'] }) },
];

const ORDER = ['new', 'assigned', 'in_progress', 'waiting_customer', 'resolved', 'closed', 'cancelled'];

describe('sets', () => {
  it('maps the default set to a chooser id and back', () => {
    expect(setIdOf(null)).toBe(DEFAULT_SET);
    expect(typeOfSet(DEFAULT_SET)).toBeNull();
    expect(typeOfSet(setIdOf('incident'))).toBe('incident');
  });

  it('takes the rules of one set without their type, as copies', () => {
    const rules = rulesOf(all, null);
    expect(rules).toEqual([rule('new', 'in_progress'), rule('in_progress', 'resolved', { requires: ['solution'] })]);
    rules[1].requires.push('comment');
    expect(all[1].requires).toEqual(['solution']);
    expect(rulesOf(all, 'incident')).toEqual([]);
  });

  it('knows which types have their own set', () => {
    expect(hasOwnSet(all, 'change_request')).toBe(true);
    expect(hasOwnSet(all, 'incident')).toBe(false);
  });
});

describe('normalizeRule and transitionSetBody', () => {
  it('sorts and de-duplicates roles and requirements, solution and comment before fields', () => {
    expect(
      normalizeRule(
        rule('a', 'b', {
          roles: ['manager', 'admin', 'admin'],
          requires: ['cf.zeta', 'comment', 'cf.alpha', 'solution'],
        }),
      ),
    ).toEqual(
      rule('a', 'b', { roles: ['admin', 'manager'], requires: ['solution', 'comment', 'cf.alpha', 'cf.zeta'] }),
    );
  });

  it('builds the PUT body of a set; an empty type list means "use the default set"', () => {
    expect(transitionSetBody(null, [rule('new', 'closed', { roles: ['b', 'a'] })])).toEqual({
      type: null,
      transitions: [rule('new', 'closed', { roles: ['a', 'b'] })],
    });
    expect(transitionSetBody('incident', [])).toEqual({ type: 'incident', transitions: [] });
  });
});

describe('ruleProblems', () => {
  it('flags rules that keep the status and repeats of the same rule (as the server would refuse)', () => {
    const problems = ruleProblems([
      rule('new', 'new'),
      rule('new', 'resolved', { roles: ['a', 'b'] }),
      rule('new', 'resolved', { roles: ['b', 'a'], requires: ['solution'] }),
      rule('new', 'resolved', { by: 'requester' }),
      rule('new', 'resolved', { roles: ['a'] }),
    ]);
    expect([...problems]).toEqual([
      [0, 'same_status'],
      [2, 'duplicate'],
    ]);
  });
});

describe('sameRules', () => {
  it('ignores order of rules, roles and requirements', () => {
    const a = [
      rule('new', 'closed', { roles: ['a', 'b'] }),
      rule('new', 'resolved', { requires: ['comment', 'solution'] }),
    ];
    const b = [
      rule('new', 'resolved', { requires: ['solution', 'comment'] }),
      rule('new', 'closed', { roles: ['b', 'a'] }),
    ];
    expect(sameRules(a, b)).toBe(true);
    expect(sameRules(a, [a[0]])).toBe(false);
    expect(sameRules(a, [a[0], rule('new', 'resolved', { by: 'requester' })])).toBe(false);
  });
});

describe('groupByFrom', () => {
  it('groups by the status left, in status order, staff before the requester, unknown statuses last', () => {
    const rules = [
      rule('resolved', 'closed', { by: 'requester' }),
      rule('zzz_custom', 'new'),
      rule('new', 'resolved'),
      rule('resolved', 'closed'),
      rule('new', 'in_progress'),
    ];
    const groups = groupByFrom(rules, ORDER);
    expect(groups.map((g) => g.from)).toEqual(['new', 'resolved', 'zzz_custom']);
    expect(groups[0].rules.map((r) => r.rule.to)).toEqual(['in_progress', 'resolved']);
    expect(groups[1].rules.map((r) => [r.rule.by, r.index])).toEqual([
      ['agent', 3],
      ['requester', 0],
    ]);
  });
});

describe('editing helpers', () => {
  const rules = [rule('new', 'in_progress'), rule('in_progress', 'resolved')];

  it('expands one rule per source status', () => {
    expect(
      expandRule(['in_progress', 'waiting_parts', 'in_progress'], {
        to: 'resolved',
        by: 'agent',
        roles: [],
        requires: [],
      }),
    ).toEqual([rule('in_progress', 'resolved'), rule('waiting_parts', 'resolved')]);
  });

  it('replaces, removes or appends rules', () => {
    expect(replaceRule(rules, null, [rule('a', 'b')])).toEqual([...rules, rule('a', 'b')]);
    expect(replaceRule(rules, 0, [])).toEqual([rules[1]]);
    expect(replaceRule(rules, 0, [rule('a', 'b'), rule('c', 'b')])).toEqual([rule('a', 'b'), rule('c', 'b'), rules[1]]);
  });

  it('finds candidates that repeat another rule, but not the one being edited', () => {
    expect(clashes(rules, null, [rule('new', 'in_progress'), rule('new', 'closed')])).toEqual([
      rule('new', 'in_progress'),
    ]);
    expect(clashes(rules, 0, [rule('new', 'in_progress', { requires: ['comment'] })])).toEqual([]);
    expect(clashes(rules, 0, [rule('in_progress', 'resolved')])).toEqual([rule('in_progress', 'resolved')]);
  });
});
