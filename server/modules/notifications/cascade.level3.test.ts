import { describe, expect, it } from 'vitest';
import { ask, changed, off, open, svc, TICKET, usr, wf } from './cascade.fixtures.ts';
import type { NotificationRule, TicketContext } from './cascade.ts';
import { buildRuleIndex, resolveRecipients } from './cascade.ts';

// A person's own (level-3) rules narrowed by ticket group and target status, against broader
// ones and against levels 1-2. The ticket is an incident of service 7 in group 3.

const g3 = { categoryId: 3 };
const g4 = { categoryId: 4 };
// [case, rules, ticket overrides, expected send, deciding rule id (null = none)]
const groupCases: [string, NotificationRule[], Partial<TicketContext>, boolean, number | null][] = [
  ['own group opt-out stops it in that group', [wf(1, open), usr(2, { ...g3, ...off })], {}, false, 2],
  ['own group opt-out leaves another group alone', [wf(1, open), usr(2, { ...g3, ...off })], g4, true, 1],
  [
    'own group opt-out leaves tickets without a group alone',
    [wf(1, open), usr(2, { ...g3, ...off })],
    { categoryId: null },
    true,
    1,
  ],
  ['own group beats own general (on over off)', [wf(1, open), usr(2, off), usr(3, g3)], {}, true, 3],
  ['own general still decides other groups', [wf(1, open), usr(2, off), usr(3, g3)], g4, false, 2],
  ['own group beats own general (off over on)', [wf(1, open), usr(2), usr(3, { ...g3, ...off })], {}, false, 3],
  [
    'own general beats an overridable L1 group rule',
    [wf(1, open), wf(2, { ...g3, ...open }), usr(3, off)],
    {},
    false,
    3,
  ],
  [
    'own group beats an overridable L2 group rule',
    [svc(1, open), svc(2, { ...g3, ...off, ...open }), usr(3, g3)],
    {},
    true,
    3,
  ],
  ['own group opt-in behind an overridable "off"', [wf(1, { ...off, ...open }), usr(2, g3)], {}, true, 2],
  ['own group opt-in does not reach another group', [wf(1, { ...off, ...open }), usr(2, g3)], g4, false, 1],
  [
    'ignored where the L1 rule for that group is mandatory',
    [wf(1, open), wf(2, g3), usr(3, { ...g3, ...off })],
    {},
    true,
    2,
  ],
  [
    'ignored where the L2 rule for that group is mandatory, though L1 allows it',
    [wf(1, open), svc(2, g3), usr(3, { ...g3, ...off })],
    {},
    true,
    2,
  ],
  [
    'a mandatory L2 rule for group 3 does not lock an opt-out for group 4',
    [wf(1, open), svc(2, g3), usr(3, { ...g4, ...off })],
    g4,
    false,
    3,
  ],
  ['another user’s group rule is ignored', [wf(1, open), usr(2, { userId: 9, ...g3, ...off })], {}, true, 1],
  ['a group rule without any admin rule is ignored', [usr(1, g3)], {}, false, null],
  ['exact duplicates: the lower id wins', [wf(1, open), usr(5, g3), usr(4, { ...g3, ...off })], {}, false, 4],
];

describe('level 3 by ticket group', () => {
  it.each(groupCases)('%s', (_name, rules, ticket, send, ruleId) => {
    const answer = ask(rules, {}, ticket);
    expect(answer.send).toBe(send);
    expect(answer.decidedBy?.ruleId ?? null).toBe(ruleId);
  });
});

const ch = (over: Partial<NotificationRule> = {}) => ({ ...changed, ...over });
const to = (statusTo: string) => ({ statusTo });
// [case, rules, target status, expected send, deciding rule id]
const statusCases: [string, NotificationRule[], string | null, boolean, number | null][] = [
  [
    'own status opt-in for that status',
    [wf(1, ch({ ...off, ...open })), usr(2, ch(to('resolved')))],
    'resolved',
    true,
    2,
  ],
  [
    'own status opt-in not for another',
    [wf(1, ch({ ...off, ...open })), usr(2, ch(to('resolved')))],
    'closed',
    false,
    1,
  ],
  [
    'own status beats own any status',
    [wf(1, ch(open)), usr(2, ch(off)), usr(3, ch(to('resolved')))],
    'resolved',
    true,
    3,
  ],
  [
    'own any status decides other statuses',
    [wf(1, ch(open)), usr(2, ch(off)), usr(3, ch(to('resolved')))],
    'closed',
    false,
    2,
  ],
  [
    'own group counts before own status',
    [wf(1, ch(open)), usr(2, ch({ ...to('resolved'), ...off })), usr(3, ch(g3))],
    'resolved',
    true,
    3,
  ],
  [
    'own group + status beats own group alone',
    [wf(1, ch(open)), usr(2, ch(g3)), usr(3, ch({ ...g3, ...to('resolved'), ...off }))],
    'resolved',
    false,
    3,
  ],
  [
    'own group alone decides the group’s other statuses',
    [wf(1, ch(open)), usr(2, ch(g3)), usr(3, ch({ ...g3, ...to('resolved'), ...off }))],
    'closed',
    true,
    2,
  ],
  [
    'ignored where the L1 rule for that status is mandatory',
    [wf(1, ch(open)), wf(2, ch(to('resolved'))), usr(3, ch({ ...to('resolved'), ...off }))],
    'resolved',
    true,
    2,
  ],
  [
    'own any status beats an overridable L2 status rule',
    [svc(1, ch({ ...to('resolved'), ...open })), usr(2, ch(off))],
    'resolved',
    false,
    2,
  ],
  [
    'a mandatory L2 status rule locks that status only',
    [wf(1, ch(open)), svc(2, ch(to('resolved'))), usr(3, ch(off))],
    'resolved',
    true,
    2,
  ],
  [
    'a mandatory L2 status rule leaves other statuses to the person',
    [wf(1, ch(open)), svc(2, ch(to('resolved'))), usr(3, ch(off))],
    'closed',
    false,
    3,
  ],
];

describe('level 3 by target status (ticket.status_changed)', () => {
  it.each(statusCases)('%s', (_name, rules, statusTo, send, ruleId) => {
    const answer = ask(rules, changed, { statusTo });
    expect(answer.send).toBe(send);
    expect(answer.decidedBy?.ruleId ?? null).toBe(ruleId);
  });
});

describe('level 3 narrowed rules in the explanation', () => {
  it('names the group rule as deciding and says why the broader ones lost', () => {
    const answer = ask([wf(1, open), usr(2, off), usr(3, g3), usr(4, { ...g4, ...off })]);
    expect(answer.decidedBy).toEqual({
      level: 'user',
      ruleId: 3,
      recipientRole: 'owner',
      specificity: { category: true, status: false, typeSpecific: false },
    });
    expect(answer.roles[0].inherited).toMatchObject({ send: true, userOverridable: true, decidedBy: { ruleId: 1 } });
    const entry = (ruleId: number) => answer.trace.find((e) => e.ruleId === ruleId);
    expect(entry(3)).toMatchObject({ outcome: 'won', code: 'won_send' });
    expect(entry(2)).toMatchObject({
      outcome: 'outranked',
      code: 'outranked_category',
      params: { ruleId: 3, level: 3 },
    });
    expect(entry(4)).toMatchObject({
      outcome: 'no_match',
      code: 'no_match_category',
      params: { ruleValue: 4, ticketValue: 3 },
    });
    expect(entry(1)).toMatchObject({ outcome: 'outranked', code: 'outranked_level', params: { ruleId: 3, level: 3 } });
  });
  it('names the status rule as deciding over the any-status one', () => {
    const answer = ask(
      [wf(1, ch(open)), usr(2, ch()), usr(3, ch({ ...to('resolved'), ...off }))],
      changed,
      to('resolved'),
    );
    expect(answer).toMatchObject({ send: false, decidedBy: { level: 'user', ruleId: 3 } });
    expect(answer.trace.find((e) => e.ruleId === 2)).toMatchObject({ code: 'outranked_status', params: { ruleId: 3 } });
  });
  it('marks a group rule locked by a mandatory rule for that group', () => {
    const answer = ask([wf(1, open), wf(2, g3), usr(3, { ...g3, ...off })]);
    expect(answer.trace.find((e) => e.ruleId === 3)).toMatchObject({
      outcome: 'locked',
      code: 'locked_by_rule',
      params: { ruleId: 2, level: 1 },
    });
  });
});

describe('level 3 narrowed rules in the fan-out', () => {
  // User 42 is off for group 3 only; user 43 has no rule of their own.
  const index = buildRuleIndex([wf(1, open), usr(2, { ...g3, ...off })]);
  const people = [
    { userId: 42, roles: ['owner'] as const },
    { userId: 43, roles: ['owner'] as const },
  ];
  it.each([
    ['a ticket in group 3 reaches only the other person', 3, [43]],
    ['a ticket in group 4 reaches both', 4, [42, 43]],
  ] as const)('%s', (_name, categoryId, userIds) => {
    const out = resolveRecipients(index, 'ticket.resolved', { ...TICKET, categoryId }, people, ['email']);
    expect(out.map((d) => d.userId)).toEqual(userIds);
  });
});
