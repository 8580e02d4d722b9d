import { describe, expect, it } from 'vitest';
import type { NotificationChannel, NotificationEvent, RecipientRole } from '../../../common/notifications.ts';
import { ask, changed, off, open, svc, TICKET, usr, wf } from './cascade.fixtures.ts';
import {
  buildRuleIndex,
  type NotificationRule,
  resolveNotification,
  resolveRecipients,
  ruleProblems,
  type TicketContext,
  validateRule,
} from './cascade.ts';

// [case, rules, ticket overrides, expected send, expected deciding rule id (null = none)]
const cascadeCases: [string, NotificationRule[], Partial<TicketContext>, boolean, number | null][] = [
  ['no rule at all: do not send', [], {}, false, null],
  ['L1 default process on', [wf(1)], {}, true, 1],
  ['L1 default process off', [wf(1, off)], {}, false, 1],
  ['L1 own type beats default (off over on)', [wf(1), wf(2, { ticketType: 'incident', ...off })], {}, false, 2],
  ['L1 own type beats default (on over off)', [wf(1, off), wf(2, { ticketType: 'incident' })], {}, true, 2],
  ['L1 rule for another type is ignored', [wf(1), wf(2, { ticketType: 'change_request', ...off })], {}, true, 1],
  ['L1 type before category', [wf(1, { ticketType: 'incident' }), wf(2, { categoryId: 3, ...off })], {}, true, 1],
  [
    'ticket without type: default process only',
    [wf(1), wf(2, { ticketType: 'incident', ...off })],
    { type: null },
    true,
    1,
  ],
  ['L2 overrides L1 on -> off', [wf(1), svc(2, off)], {}, false, 2],
  ['L2 overrides L1 off -> on', [wf(1, off), svc(2)], {}, true, 2],
  ['L2 alone', [svc(2)], {}, true, 2],
  ['L2 for another service is ignored', [wf(1), svc(2, { serviceId: 8, ...off })], {}, true, 1],
  ['L2 ignored when the ticket has no service', [wf(1), svc(2, off)], { serviceId: null }, true, 1],
  [
    'L2 any category beats L1 own type + category',
    [wf(1, { ticketType: 'incident', categoryId: 3 }), svc(2, off)],
    {},
    false,
    2,
  ],
  ['L3 overrides L2 when overridable (opt out)', [wf(1), svc(2, open), usr(3, off)], {}, false, 3],
  ['L3 overrides L1 when overridable (opt in)', [wf(1, { ...off, ...open }), usr(3)], {}, true, 3],
  ['L3 ignored when the L2 winner is mandatory', [wf(1, open), svc(2), usr(3, off)], {}, true, 2],
  ['L3 ignored when the L1 winner is mandatory', [wf(1), usr(3, off)], {}, true, 1],
  ['L3 counts when only the L2 winner is overridable', [wf(1), svc(2, open), usr(3, off)], {}, false, 3],
  [
    'L3 gated by the specific admin rule, not the general one',
    [wf(1, open), wf(2, { categoryId: 3 }), usr(3, off)],
    {},
    true,
    2,
  ],
  ['L3 without any admin rule is ignored', [usr(3)], {}, false, null],
  ['L3 of another user is ignored', [wf(1, open), usr(3, { userId: 9, ...off })], {}, true, 1],
  ['L3 own category beats L3 any', [wf(1, open), usr(3, off), usr(4, { categoryId: 3 })], {}, true, 4],
  ['category-specific beats any (L1)', [wf(1), wf(2, { categoryId: 3, ...off })], {}, false, 2],
  ['category-specific beats any (L2)', [svc(1, off), svc(2, { categoryId: 3 })], {}, true, 2],
  ['rule for another category is ignored', [wf(1), wf(2, { categoryId: 4, ...off })], {}, true, 1],
  [
    'ticket without category: any-category rules only',
    [wf(1), wf(2, { categoryId: 3, ...off })],
    { categoryId: null },
    true,
    1,
  ],
  [
    'status filter on another event is invalid, never matches',
    [wf(1, { statusTo: 'resolved' })],
    { statusTo: 'resolved' },
    false,
    null,
  ],
  ['ticket status is ignored for other events', [wf(1)], { statusTo: 'closed' }, true, 1],
  ['exact duplicates: the lower id wins', [wf(5, off), wf(4)], {}, true, 4],
  ['rule for another event is ignored', [wf(1, { event: 'ticket.closed' })], {}, false, null],
  ['rule for another role is ignored', [wf(1, { recipientRole: 'watchers' })], {}, false, null],
  ['rule for another channel is ignored', [wf(1, { channel: 'in_app' })], {}, false, null],
];

describe('resolveNotification: levels, types, categories', () => {
  it.each(cascadeCases)('%s', (_name, rules, ticket, send, ruleId) => {
    const answer = ask(rules, {}, ticket);
    expect(answer.send).toBe(send);
    expect(answer.decidedBy?.ruleId ?? null).toBe(ruleId);
  });
});

// [case, rules, target status, expected send, deciding rule id]
const statusCases: [string, NotificationRule[], string | null, boolean, number | null][] = [
  ['any status', [wf(1, changed)], 'resolved', true, 1],
  [
    'exact status beats any',
    [wf(1, changed), wf(2, { ...changed, statusTo: 'resolved', ...off })],
    'resolved',
    false,
    2,
  ],
  [
    'rule for another status is ignored',
    [wf(1, changed), wf(2, { ...changed, statusTo: 'closed', ...off })],
    'resolved',
    true,
    1,
  ],
  [
    'unknown target status: any-status rules only',
    [wf(1, changed), wf(2, { ...changed, statusTo: 'closed', ...off })],
    null,
    true,
    1,
  ],
  [
    'category counts before status',
    [wf(1, { ...changed, statusTo: 'resolved', ...off }), wf(2, { ...changed, categoryId: 3 })],
    'resolved',
    true,
    2,
  ],
  [
    'category + status beats category alone',
    [wf(1, { ...changed, categoryId: 3 }), wf(2, { ...changed, categoryId: 3, statusTo: 'resolved', ...off })],
    'resolved',
    false,
    2,
  ],
  [
    'L2 any status beats L1 exact status',
    [wf(1, { ...changed, statusTo: 'resolved' }), svc(2, { ...changed, ...off })],
    'resolved',
    false,
    2,
  ],
  [
    'L3 exact status opt-out behind an overridable rule',
    [svc(1, { ...changed, ...open }), usr(2, { ...changed, statusTo: 'resolved', ...off })],
    'resolved',
    false,
    2,
  ],
  [
    'L3 exact status does not touch other statuses',
    [svc(1, { ...changed, ...open }), usr(2, { ...changed, statusTo: 'resolved', ...off })],
    'closed',
    true,
    1,
  ],
];

describe('resolveNotification: status filters (ticket.status_changed only)', () => {
  it.each(statusCases)('%s', (_name, rules, statusTo, send, ruleId) => {
    const answer = ask(rules, changed, { statusTo });
    expect(answer.send).toBe(send);
    expect(answer.decidedBy?.ruleId ?? null).toBe(ruleId);
  });
});

const W = { recipientRole: 'watchers' as const };
// [case, rules, roles, expected send, deciding role, deciding rule id]
const roleCases: [string, NotificationRule[], RecipientRole[], boolean, RecipientRole | null, number | null][] = [
  ['owner off, watcher on: send as watcher', [wf(1, off), wf(2, W)], ['owner', 'watchers'], true, 'watchers', 2],
  ['both on: the more specific decision is named', [wf(1), svc(2, W)], ['owner', 'watchers'], true, 'watchers', 2],
  ['both on, equal rank: the earlier role is named', [wf(1), wf(2, W)], ['watchers', 'owner'], true, 'owner', 1],
  [
    'both off: no send, the most specific refusal named',
    [wf(1, off), svc(2, { ...W, ...off })],
    ['owner', 'watchers'],
    false,
    'watchers',
    2,
  ],
  [
    'mandatory owner rule survives a watcher opt-out',
    [wf(1), wf(2, { ...W, ...open }), usr(3, { ...W, ...off })],
    ['owner', 'watchers'],
    true,
    'owner',
    1,
  ],
  [
    'opting out as owner alone is not enough',
    [wf(1, open), wf(2, W), usr(3, off)],
    ['owner', 'watchers'],
    true,
    'watchers',
    2,
  ],
  [
    'opting out in both roles stops it',
    [wf(1, open), wf(2, { ...W, ...open }), usr(3, off), usr(4, { ...W, ...off })],
    ['owner', 'watchers'],
    false,
    'owner',
    3,
  ],
  ['only one role has a rule', [wf(2, { ...W, ...off })], ['owner', 'watchers'], false, 'watchers', 2],
  ['no rule for any role', [], ['owner', 'watchers', 'managers'], false, null, null],
  ['no roles at all', [wf(1)], [], false, null, null],
];

describe('resolveNotification: several roles combine (any role sends)', () => {
  it.each(roleCases)('%s', (_name, rules, roles, send, role, ruleId) => {
    const answer = ask(rules, { recipient: { userId: 42, roles } });
    expect(answer.send).toBe(send);
    expect(answer.decidedBy?.recipientRole ?? null).toBe(role);
    expect(answer.decidedBy?.ruleId ?? null).toBe(ruleId);
    expect(answer.roles.map((r) => r.role)).toEqual(
      ['owner', 'watchers', 'managers'].filter((r) => roles.includes(r as RecipientRole)),
    );
  });
});

describe('channels are independent', () => {
  const rules = [
    wf(1),
    wf(2, { channel: 'in_app', ...off }),
    svc(3, { channel: 'in_app', ...off, ...open }),
    usr(4, { channel: 'in_app' }),
  ];
  it.each([
    ['email', [wf(1, off), wf(2, { channel: 'in_app' })], false],
    ['in_app', [wf(1, off), wf(2, { channel: 'in_app' })], true],
    ['email', rules, true],
    ['in_app', rules, true],
  ] as [NotificationChannel, NotificationRule[], boolean][])('%s', (channel, rs, send) => {
    expect(ask(rs, { channel }).send).toBe(send);
  });
  it('an in-app opt-in leaves e-mail alone', () => {
    const [delivery] = resolveRecipients(
      buildRuleIndex([wf(1, off), ...rules.slice(1)]),
      'ticket.resolved',
      TICKET,
      [{ userId: 42, roles: ['owner'] }],
      ['email', 'in_app'],
    );
    expect(delivery).toMatchObject({
      userId: 42,
      channels: ['in_app'],
      decidedBy: { in_app: { ruleId: 4, level: 'user' } },
    });
  });
});

describe('trace', () => {
  const rules = [
    wf(1, open),
    wf(2, { ticketType: 'incident', ...open }),
    wf(3, { ticketType: 'change_request' }), // another process: not a candidate
    wf(4, { categoryId: 9 }),
    svc(5, { ...off, ...open }),
    svc(6, { serviceId: 8 }), // another service: not a candidate
    svc(7, { ...open, categoryId: 3, ...off }),
    usr(8),
    usr(9, { userId: 10 }), // another user: not a candidate
    wf(10, { statusTo: 'closed' }),
    wf(11, { recipientRole: 'watchers' }),
  ];
  const answer = ask(rules, { recipient: { userId: 42, roles: ['owner', 'watchers'] } });

  it.each([
    [8, 'owner', 'won', /decides: send/],
    [7, 'owner', 'outranked', /level 3 rule #8 is on a more specific level/],
    [5, 'owner', 'outranked', /level 3 rule #8/],
    [2, 'owner', 'outranked', /level 3 rule #8/],
    [4, 'owner', 'no_match', /for category 9, ticket has 3/],
    [1, 'owner', 'outranked', /level 3 rule #8/],
    [10, 'owner', 'invalid', /ticket.resolved takes no status filter/],
    [11, 'watchers', 'won', /decides: send/],
  ] as const)('rule #%i as %s: %s', (ruleId, role, outcome, reason) => {
    const entry = answer.trace.find((e) => e.ruleId === ruleId && e.recipientRole === role);
    expect(entry?.outcome).toBe(outcome);
    expect(entry?.reason).toMatch(reason);
  });
  it('lists candidates only, most specific first per role', () => {
    expect(answer.trace.map((e) => e.ruleId)).toEqual([8, 7, 5, 2, 4, 10, 1, 11]);
    expect(answer.trace[1].specificity).toEqual({ category: true, status: false, typeSpecific: false });
  });
  it('reports what levels 1-2 say before the user rule', () => {
    expect(answer.roles[0].inherited).toMatchObject({ send: false, userOverridable: true, decidedBy: { ruleId: 7 } });
  });
  it.each([
    ['locked by a mandatory winner', [wf(1), usr(2, off)], 2, 'locked', /level 1 rule #1 is not user-overridable/],
    ['locked with no admin rule', [usr(2, off)], 2, 'locked', /no level 1-2 rule allows/],
    ['tie', [wf(1), wf(2, off)], 2, 'tied', /same scope as level 1 rule #1/],
    [
      'less specific on the same level',
      [wf(1, { categoryId: 3 }), wf(2)],
      2,
      'outranked',
      /more specific \(category\)/,
    ],
    [
      'own type over default',
      [wf(1, { ticketType: 'incident' }), wf(2, { categoryId: 3 })],
      2,
      'outranked',
      /\(ticket type\)/,
    ],
    [
      'status mismatch',
      [wf(1, { ...changed, statusTo: 'closed' })],
      1,
      'no_match',
      /for status closed, ticket goes to none/,
    ],
  ] as const)('%s', (_name, rules, ruleId, outcome, reason) => {
    const trace = ask([...rules], rules.some((r) => r.event === changed.event) ? changed : {}).trace;
    expect(trace.find((e) => e.ruleId === ruleId)).toMatchObject({ outcome, reason: expect.stringMatching(reason) });
  });
});

describe('trace codes (for translated views)', () => {
  it.each([
    ['send', [wf(1)], 1, 'won_send', {}],
    ['do not send', [wf(1, off)], 1, 'won_skip', {}],
    ['more specific level', [wf(1), svc(2)], 1, 'outranked_level', { ruleId: 2, level: 2 }],
    ['own type', [wf(1, { ticketType: 'incident' }), wf(2, { categoryId: 3 })], 2, 'outranked_type', { ruleId: 1 }],
    ['category', [wf(1, { categoryId: 3 }), wf(2)], 2, 'outranked_category', { ruleId: 1, level: 1 }],
    ['tie', [wf(1), wf(2, off)], 2, 'tied', { ruleId: 1, level: 1 }],
    ['locked by rule', [wf(1), usr(2, off)], 2, 'locked_by_rule', { ruleId: 1, level: 1 }],
    ['locked, no admin rule', [usr(2, off)], 2, 'locked_no_admin', {}],
    ['category mismatch', [wf(1, { categoryId: 9 })], 1, 'no_match_category', { ruleValue: 9, ticketValue: 3 }],
    ['invalid', [wf(1, { statusTo: 'closed' })], 1, 'invalid', {}],
  ] as const)('%s', (_name, rules, ruleId, code, params) => {
    const entry = ask([...rules]).trace.find((e) => e.ruleId === ruleId);
    expect(entry).toMatchObject({ code, params });
  });
  it('names the status of a status filter that does not match', () => {
    const trace = ask([wf(1, { ...changed, statusTo: 'closed' })], changed, { statusTo: 'open' }).trace;
    expect(trace[0]).toMatchObject({ code: 'no_match_status', params: { ruleValue: 'closed', ticketValue: 'open' } });
  });
  it('tells which field each problem of a malformed rule is about', () => {
    expect(ruleProblems(svc(1, { serviceId: null, ticketType: 'incident' })).map((p) => p.field)).toEqual([
      'ticketType',
      'serviceId',
    ]);
  });
});

describe('validateRule and buildRuleIndex', () => {
  it.each([
    ['a well-formed rule', wf(1), []],
    ['status filter on a status change', wf(1, { ...changed, statusTo: 'closed' }), []],
    ['status filter on another event', wf(1, { statusTo: 'closed' }), ['ticket.resolved takes no status filter']],
    ['service rule without service', svc(1, { serviceId: null }), ['a service rule needs a service']],
    ['service rule with a type', svc(1, { ticketType: 'incident' }), ['only a workflow rule names a ticket type']],
    [
      'workflow rule with a service and a user',
      wf(1, { serviceId: 7, userId: 3 }),
      ['only a service rule names a service', 'only a user rule names a user'],
    ],
    ['user rule without user', usr(1, { userId: null }), ['a user rule needs a user']],
    ['unknown event', wf(1, { event: 'ticket.exploded' as NotificationEvent }), ['unknown event "ticket.exploded"']],
  ] as [string, NotificationRule, string[]][])('%s', (_name, rule, problems) => {
    expect(validateRule(rule)).toEqual(problems);
  });
  it('lists invalid rules and keeps them out of decisions', () => {
    const index = buildRuleIndex([wf(1), svc(2, { serviceId: null, ...off })]);
    expect(index.invalid).toEqual([{ ruleId: 2, problems: ['a service rule needs a service'] }]);
    expect(
      resolveNotification(index, {
        event: 'ticket.resolved',
        channel: 'email',
        ticket: { ...TICKET, serviceId: null },
        recipient: { userId: 1, roles: ['owner'] },
      }).send,
    ).toBe(true);
  });
});

describe('resolveRecipients', () => {
  const index = buildRuleIndex([
    wf(1, open),
    wf(2, W),
    wf(3, { recipientRole: 'group_members', ...off }),
    usr(4, { userId: 5, ...off }),
  ]);
  it('merges entries of one person, skips people who get nothing, keeps first-appearance order', () => {
    const out = resolveRecipients(
      index,
      'ticket.resolved',
      TICKET,
      [
        { userId: 3, roles: ['group_members'] },
        { userId: 2, roles: ['watchers'] },
        { userId: 1, roles: ['owner'] },
        { userId: 2, roles: ['owner'] },
        { userId: 5, roles: ['owner'] },
      ],
      ['email'],
    );
    expect(out.map((d) => [d.userId, d.decidedBy.email?.recipientRole])).toEqual([
      [2, 'owner'],
      [1, 'owner'],
    ]);
  });
});

// Property tests over a small world, so that rules collide often.
