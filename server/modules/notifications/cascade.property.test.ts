import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationChannel, NotificationEvent, RecipientRole } from '../../../common/notifications.ts';
import {
  buildRuleIndex,
  type NotificationQuestion,
  type NotificationRule,
  type RoleAnswer,
  resolveNotification,
  resolveRecipients,
} from './cascade.ts';

const LEVEL_NUMBER = { workflow: 1, service: 2, user: 3 } as const;
const rankOf = (r: NotificationRule) =>
  LEVEL_NUMBER[r.level] * 8 +
  (r.ticketType !== null ? 4 : 0) +
  (r.categoryId !== null ? 2 : 0) +
  (r.statusTo !== null ? 1 : 0);

// Each field takes its first value three times as often as each other value, so rules apply often.
const often = <T>(first: T, ...others: T[]) => fc.constantFrom(first, first, first, ...others);
const anyRule = fc
  .record({
    level: fc.constantFrom('workflow', 'service', 'user'),
    type: often(null, 'incident', 'change_request'),
    serviceId: often(7, 8),
    userId: often(42, 43),
    event: often<NotificationEvent>('ticket.status_changed', 'ticket.resolved'),
    categoryId: fc.constantFrom(null, 3, 4),
    statusTo: fc.constantFrom(null, 'resolved', 'closed'),
    recipientRole: fc.constantFrom('owner', 'watchers'),
    channel: often<NotificationChannel>('email', 'in_app'),
    enabled: fc.boolean(),
    userOverridable: fc.boolean(),
  } as const)
  .map(
    ({ level, type, serviceId, userId, ...rest }): Omit<NotificationRule, 'id'> => ({
      ...rest,
      level,
      ticketType: level === 'workflow' ? type : null,
      serviceId: level === 'service' ? serviceId : null,
      userId: level === 'user' ? userId : null,
    }),
  );
// Ids out of insertion order, so that tie-breaking by id is exercised.
const anyRules = fc
  .array(anyRule, { maxLength: 40 })
  .map((rs) => rs.map((r, i) => ({ ...r, id: ((i * 7919) % 1009) + 1 })));
const anyQuestion = fc.record({
  event: often('ticket.status_changed', 'ticket.resolved'),
  channel: often('email', 'in_app'),
  ticket: fc.record({
    type: often('incident', null, 'change_request'),
    serviceId: often(7, null, 8),
    categoryId: often(3, null, 4),
    statusTo: often('resolved', null, 'closed'),
  }),
  recipient: fc.record({
    userId: often(42, 43),
    roles: fc.subarray(['owner', 'watchers'] as RecipientRole[]),
  }),
} as const) as fc.Arbitrary<NotificationQuestion>;

/** The spec read literally: filter, sort by precedence, gate user rules on the admin winner. */
function reference(rules: NotificationRule[], q: NotificationQuestion, role: RecipientRole): NotificationRule | null {
  const t = q.ticket;
  const applicable = rules.filter(
    (r) =>
      r.event === q.event &&
      r.channel === q.channel &&
      r.recipientRole === role &&
      (r.statusTo === null || (r.event === 'ticket.status_changed' && r.statusTo === t.statusTo)) &&
      (r.categoryId === null || r.categoryId === t.categoryId) &&
      (r.level === 'workflow'
        ? r.ticketType === null || r.ticketType === t.type
        : r.level === 'service'
          ? r.serviceId === t.serviceId
          : r.userId === q.recipient.userId),
  );
  const best = (rs: NotificationRule[]) => rs.toSorted((a, b) => rankOf(b) - rankOf(a) || a.id - b.id)[0] ?? null;
  const admin = best(applicable.filter((r) => r.level !== 'user'));
  return (admin?.userOverridable ? best(applicable.filter((r) => r.level === 'user')) : null) ?? admin;
}

describe('properties', () => {
  it('agrees with a literal reading of the spec', () => {
    fc.assert(
      fc.property(anyRules, anyQuestion, (rules, q) => {
        const answer = resolveNotification(buildRuleIndex(rules), q);
        const expected = q.recipient.roles.map((role) => reference(rules, q, role));
        for (const r of answer.roles) {
          const ref = expected[q.recipient.roles.indexOf(r.role)];
          expect([r.send, r.decidedBy?.ruleId ?? null]).toEqual([ref?.enabled ?? false, ref?.id ?? null]);
        }
        expect(answer.send).toBe(expected.some((r) => r?.enabled));
      }),
      { numRuns: 1000 },
    );
  });

  // The rules that took part in a decision: the winner and, for a user decision, the admin rule that allowed it.
  const floor = (rules: NotificationRule[], a: RoleAnswer) => {
    const gate = a.decidedBy?.level === 'user' ? (a.inherited.decidedBy ?? a.decidedBy) : a.decidedBy;
    return gate ? rules.find((r) => r.id === gate.ruleId)! : null;
  };
  const lowerLevel = (added: NotificationRule, f: NotificationRule) =>
    LEVEL_NUMBER[added.level] < LEVEL_NUMBER[f.level];
  const lowerPrecedence = (added: NotificationRule, f: NotificationRule) => rankOf(added) < rankOf(f);

  it.each([
    ['at a less specific level', lowerLevel],
    ['of lower precedence', lowerPrecedence],
  ])('adding a rule %s never changes a decision made above it', (_name, below) => {
    fc.assert(
      fc.property(anyRules, anyQuestion, anyRule, (rules, q, extra) => {
        const added = { ...extra, id: 5000 };
        const before = resolveNotification(buildRuleIndex(rules), q);
        const after = resolveNotification(buildRuleIndex([...rules, added]), q);
        before.roles.forEach((b, i) => {
          const f = floor(rules, b);
          if (f && below(added, f))
            expect([after.roles[i].send, after.roles[i].decidedBy]).toEqual([b.send, b.decidedBy]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('resolveRecipients agrees with resolveNotification person by person', () => {
    const roles = often<RecipientRole[]>(['owner', 'watchers'], ['owner'], ['watchers'], []);
    const people = fc.array(fc.record({ userId: often(42, 43, 44), roles }), { maxLength: 5 });
    fc.assert(
      fc.property(anyRules, anyQuestion, people, (rules, q, recipients) => {
        const index = buildRuleIndex(rules);
        const channels: NotificationChannel[] = ['email', 'in_app'];
        const out = resolveRecipients(index, q.event, q.ticket, recipients, channels);
        for (const userId of new Set(recipients.map((r) => r.userId))) {
          const merged = recipients.filter((r) => r.userId === userId).flatMap((r) => r.roles);
          const got = out.find((d) => d.userId === userId);
          for (const channel of channels) {
            const one = resolveNotification(index, { ...q, channel, recipient: { userId, roles: merged } });
            expect(got?.channels.includes(channel) ?? false).toBe(one.send);
            if (one.send) expect(got?.decidedBy[channel]).toEqual(one.decidedBy);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
