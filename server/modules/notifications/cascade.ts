/**
 * The notification cascade: a pure resolver answering "does this person get this event on this
 * channel, and which rule decided?". No I/O; the service layer loads the rules, builds the index
 * once per rule change and asks it per event.
 *
 * Semantics (the spec; the table tests in cascade.test.ts follow it line by line):
 * 1. A rule applies to a question when its event, channel and recipient role equal the question's
 *    and its scope matches the ticket: a `workflow` rule names the ticket's type or `null` (the
 *    default process, every type); a `service` rule names the ticket's service (a ticket without a
 *    service matches none); a `user` rule names the recipient. `categoryId` null matches any
 *    category, otherwise exactly the ticket's; `statusTo` likewise matches the target status.
 * 2. Precedence, strongest first: level (user 3 > service 2 > workflow 1), then — on level 1 —
 *    the ticket's own type over the default process, then a specific category over any, then a
 *    specific status over any. The first applicable rule in that order decides (`enabled` = send).
 *    Exact ties (same scope twice) go to the lower rule id, and the trace marks the other `tied`.
 * 3. User rules only count when the winning level 1-2 rule exists AND is `userOverridable`. With
 *    no admin rule a user rule is ignored too: admins opt events in to user choice explicitly
 *    (a disabled but overridable rule means "off unless the user opts in"), so a customer cannot
 *    subscribe to e.g. internal notes nobody configured, and a mandatory rule (say SLA breach to
 *    the owner, not overridable) cannot be silenced. It also makes the cascade monotone: a new
 *    rule ranked below every rule that took part in a decision (the winner and, for a user
 *    decision, the admin rule that allowed it) never changes it. `userOverridable` on a user
 *    rule means nothing.
 * 4. Status filters: only `ticket.status_changed` takes one. A rule with `statusTo` on another
 *    event is invalid: {@link validateRule} reports it (the rules API rejects it) and the index
 *    keeps it out of every decision, listing it in the trace as `invalid` rather than guessing.
 *    Likewise for rules whose scope fields do not fit their level.
 * 5. Several roles: each role is resolved on its own; the person gets the notification when ANY
 *    role sends. `decidedBy` names the most specific sending decision (or, when nothing sends,
 *    the most specific refusing one); ties go to the earlier role in RECIPIENT_ROLES.
 * 6. No applicable rule at all = do not send.
 */
import {
  CASCADE_LEVEL_NUMBER,
  eventTakesStatusFilter,
  isCascadeLevel,
  isNotificationChannel,
  isNotificationEvent,
  isRecipientRole,
  type NotificationChannel,
  type NotificationEvent,
  RECIPIENT_ROLES,
  type RecipientRole,
} from '../../../common/notifications.ts';
import type {
  CompiledRule,
  NotificationAnswer,
  NotificationQuestion,
  NotificationRule,
  Recipient,
  RecipientDelivery,
  RoleAnswer,
  RuleIndex,
  RuleProblem,
  TicketContext,
  TraceCode,
  TraceEntry,
  TraceOutcome,
  TraceParams,
} from './cascade.model.ts';

export type * from './cascade.model.ts';

const bucketKey = (event: string, channel: string, role: string) => `${event}|${channel}|${role}`;
const ROLE_INDEX = Object.fromEntries(RECIPIENT_ROLES.map((role, i) => [role, i])) as Record<RecipientRole, number>;

/**
 * Why `rule` can never decide anything, each problem with the rule field it is about (so the
 * rules API can name the field in its 400); empty when the rule is well formed.
 */
export function ruleProblems(rule: NotificationRule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: keyof NotificationRule, message: string) => problems.push({ field, message });
  if (!isCascadeLevel(rule.level)) add('level', `unknown level "${rule.level}"`);
  if (!isNotificationEvent(rule.event)) add('event', `unknown event "${rule.event}"`);
  if (!isRecipientRole(rule.recipientRole)) add('recipientRole', `unknown recipient role "${rule.recipientRole}"`);
  if (!isNotificationChannel(rule.channel)) add('channel', `unknown channel "${rule.channel}"`);
  if (rule.level !== 'workflow' && rule.ticketType !== null)
    add('ticketType', 'only a workflow rule names a ticket type');
  if (rule.level === 'service' && rule.serviceId === null) add('serviceId', 'a service rule needs a service');
  if (rule.level !== 'service' && rule.serviceId !== null) add('serviceId', 'only a service rule names a service');
  if (rule.level === 'user' && rule.userId === null) add('userId', 'a user rule needs a user');
  if (rule.level !== 'user' && rule.userId !== null) add('userId', 'only a user rule names a user');
  if (rule.statusTo !== null && isNotificationEvent(rule.event) && !eventTakesStatusFilter(rule.event)) {
    add('statusTo', `${rule.event} takes no status filter`);
  }
  return problems;
}

/** Why `rule` can never decide anything, as sentences; empty when it is well formed. */
export function validateRule(rule: NotificationRule): string[] {
  return ruleProblems(rule).map((p) => p.message);
}

function compile(rule: NotificationRule): CompiledRule {
  const specificity = {
    category: rule.categoryId !== null,
    status: rule.statusTo !== null,
    typeSpecific: rule.level === 'workflow' && rule.ticketType !== null,
  };
  const levelNumber: number = CASCADE_LEVEL_NUMBER[rule.level] ?? 0;
  const rank = levelNumber * 8 + +specificity.typeSpecific * 4 + +specificity.category * 2 + +specificity.status;
  const decision = { level: rule.level, ruleId: rule.id, recipientRole: rule.recipientRole, specificity };
  return { rule: { ...rule }, rank, decision, problems: validateRule(rule) };
}

const byPrecedence = (a: CompiledRule, b: CompiledRule) => b.rank - a.rank || a.rule.id - b.rule.id;

function pushTo<K>(map: Map<K, CompiledRule[]>, key: K, rule: CompiledRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/**
 * Groups `rules` by event, channel and recipient role (and user, for level 3), each group sorted
 * by precedence, so a decision is the first applicable rule of one short list. Build once per
 * rule change. Malformed rules are kept (to show in traces) but never match.
 */
export function buildRuleIndex(rules: readonly NotificationRule[]): RuleIndex {
  const admin = new Map<string, CompiledRule[]>();
  const user = new Map<number, Map<string, CompiledRule[]>>();
  const invalid: { ruleId: number; problems: readonly string[] }[] = [];
  for (const rule of rules) {
    const c = compile(rule);
    if (c.problems.length > 0) invalid.push({ ruleId: rule.id, problems: c.problems });
    if (!isCascadeLevel(rule.level) || !isNotificationChannel(rule.channel) || !isRecipientRole(rule.recipientRole)) {
      continue;
    }
    const key = bucketKey(rule.event, rule.channel, rule.recipientRole);
    if (rule.level !== 'user') pushTo(admin, key, c);
    else if (rule.userId !== null) {
      const mine = user.get(rule.userId) ?? new Map<string, CompiledRule[]>();
      user.set(rule.userId, mine);
      pushTo(mine, key, c);
    }
  }
  for (const list of admin.values()) list.sort(byPrecedence);
  for (const mine of user.values()) for (const list of mine.values()) list.sort(byPrecedence);
  return { admin, user, invalid };
}

type Miss = 'invalid' | 'scope' | 'category' | 'status' | null;

/** Why `c` does not apply to the ticket, or null when it does. */
function miss(c: CompiledRule, t: TicketContext): Miss {
  const r = c.rule;
  if (c.problems.length > 0) return 'invalid';
  if (
    r.level === 'workflow'
      ? r.ticketType !== null && r.ticketType !== t.type
      : r.level === 'service' && r.serviceId !== t.serviceId
  ) {
    return 'scope';
  }
  if (r.categoryId !== null && r.categoryId !== t.categoryId) return 'category';
  if (r.statusTo !== null && r.statusTo !== t.statusTo) return 'status';
  return null;
}

function firstApplicable(list: readonly CompiledRule[] | undefined, t: TicketContext): CompiledRule | null {
  if (list) for (const c of list) if (miss(c, t) === null) return c;
  return null;
}

/** The user's rule wins only behind an overridable admin winner (semantics 3). */
function decide(admin: CompiledRule | null, mine: readonly CompiledRule[] | undefined, t: TicketContext) {
  if (admin?.rule.userOverridable) return firstApplicable(mine, t) ?? admin;
  return admin;
}

/** Whether `a` beats `b` when combining roles: sending first, then precedence (earlier role on ties). */
const beats = (a: CompiledRule, b: CompiledRule | null) =>
  b === null || (a.rule.enabled && !b.rule.enabled) || (a.rule.enabled === b.rule.enabled && a.rank > b.rank);

const label = (c: CompiledRule) => `level ${CASCADE_LEVEL_NUMBER[c.rule.level]} rule #${c.rule.id}`;

/** What a trace entry says: outcome, English reason, and a code with parameters for translated views. */
type Explained = readonly [TraceOutcome, string, TraceCode, TraceParams];

/** Names `w` in a trace entry's parameters. */
const about = (w: CompiledRule): TraceParams => ({ ruleId: w.rule.id, level: CASCADE_LEVEL_NUMBER[w.rule.level] });

function outranked(c: CompiledRule, w: CompiledRule): Explained {
  if (c.rank === w.rank) return ['tied', `same scope as ${label(w)}, which has the lower id`, 'tied', about(w)];
  if (w.rule.level !== c.rule.level) {
    return ['outranked', `${label(w)} is on a more specific level`, 'outranked_level', about(w)];
  }
  const ws = w.decision.specificity;
  const cs = c.decision.specificity;
  const why = ws.typeSpecific !== cs.typeSpecific ? 'ticket type' : ws.category !== cs.category ? 'category' : 'status';
  const code =
    why === 'ticket type' ? 'outranked_type' : why === 'category' ? 'outranked_category' : 'outranked_status';
  return ['outranked', `${label(w)} is more specific (${why})`, code, about(w)];
}

function explain(
  c: CompiledRule,
  t: TicketContext,
  winner: CompiledRule | null,
  admin: CompiledRule | null,
): Explained {
  const m = miss(c, t);
  if (m === 'invalid') return ['invalid', c.problems.join('; '), 'invalid', {}];
  if (m === 'category') {
    const params = { ruleValue: c.rule.categoryId, ticketValue: t.categoryId };
    return [
      'no_match',
      `for category ${c.rule.categoryId}, ticket has ${t.categoryId ?? 'none'}`,
      'no_match_category',
      params,
    ];
  }
  if (m === 'status') {
    const params = { ruleValue: c.rule.statusTo, ticketValue: t.statusTo };
    return [
      'no_match',
      `for status ${c.rule.statusTo}, ticket goes to ${t.statusTo ?? 'none'}`,
      'no_match_status',
      params,
    ];
  }
  if (c === winner) {
    return c.rule.enabled ? ['won', 'decides: send', 'won_send', {}] : ['won', 'decides: do not send', 'won_skip', {}];
  }
  if (c.rule.level === 'user' && !admin?.rule.userOverridable) {
    return admin
      ? ['locked', `${label(admin)} is not user-overridable`, 'locked_by_rule', about(admin)]
      : ['locked', 'no level 1-2 rule allows a user override', 'locked_no_admin', {}];
  }
  return outranked(c, winner!);
}

/**
 * Answers one question with a full explanation: per role, the deciding rule and what levels 1-2
 * would say alone; overall, whether the person gets it on this channel. See the module comment.
 */
export function resolveNotification(index: RuleIndex, q: NotificationQuestion): NotificationAnswer {
  const roles: RoleAnswer[] = [];
  const trace: TraceEntry[] = [];
  let best: CompiledRule | null = null;
  const mineByKey = index.user.get(q.recipient.userId);
  for (const role of RECIPIENT_ROLES) {
    if (!q.recipient.roles.includes(role)) continue;
    const key = bucketKey(q.event, q.channel, role);
    const mine = mineByKey?.get(key) ?? [];
    const adminList = index.admin.get(key) ?? [];
    const admin = firstApplicable(adminList, q.ticket);
    const winner = decide(admin, mine, q.ticket);
    if (winner && beats(winner, best)) best = winner;
    roles.push({
      role,
      send: winner?.rule.enabled ?? false,
      decidedBy: winner?.decision ?? null,
      inherited: {
        send: admin?.rule.enabled ?? false,
        decidedBy: admin?.decision ?? null,
        userOverridable: admin?.rule.userOverridable ?? false,
      },
    });
    for (const c of [...mine, ...adminList]) {
      if (miss(c, q.ticket) === 'scope') continue; // another type's process or another service: not a candidate
      const [outcome, reason, code, params] = explain(c, q.ticket, winner, admin);
      const { id: ruleId, level, enabled, userOverridable } = c.rule;
      const { specificity } = c.decision;
      const entry = { ruleId, level, recipientRole: role, enabled, userOverridable, specificity, outcome, reason };
      trace.push({ ...entry, code, params });
    }
  }
  return { send: best?.rule.enabled ?? false, decidedBy: best?.decision ?? null, roles, trace };
}

/**
 * Fan-out: for each person (entries with the same userId are merged, their roles combined),
 * the channels among `channels` that send, without traces. Levels 1-2 are resolved once per
 * role and channel, so the cost per recipient is a map lookup plus their own few rules.
 * Returns only people who get at least one channel, in first-appearance order.
 */
export function resolveRecipients(
  index: RuleIndex,
  event: NotificationEvent,
  ticket: TicketContext,
  recipients: readonly Recipient[],
  channels: readonly NotificationChannel[],
): RecipientDelivery[] {
  const people = new Map<number, RecipientRole[]>();
  for (const r of recipients) {
    const roles = people.get(r.userId);
    if (!roles) people.set(r.userId, [...r.roles]);
    else for (const role of r.roles) if (!roles.includes(role)) roles.push(role);
  }
  // Catalogue order, so ties between roles name the same role as resolveNotification does.
  for (const roles of people.values()) if (roles.length > 1) roles.sort((a, b) => ROLE_INDEX[a] - ROLE_INDEX[b]);
  // Levels 1-2 do not depend on the person: resolve them once per channel and role.
  const keys = channels.map((channel) => RECIPIENT_ROLES.map((role) => bucketKey(event, channel, role)));
  const admins = keys.map((row) => row.map((key) => firstApplicable(index.admin.get(key), ticket)));
  const out: RecipientDelivery[] = [];
  for (const [userId, roles] of people) {
    const mineByKey = index.user.get(userId);
    let delivery: RecipientDelivery | null = null;
    for (let ci = 0; ci < channels.length; ci++) {
      let best: CompiledRule | null = null;
      for (const role of roles) {
        const ri = ROLE_INDEX[role];
        if (ri === undefined) continue;
        const winner = decide(admins[ci][ri], mineByKey?.get(keys[ci][ri]), ticket);
        if (winner?.rule.enabled && beats(winner, best)) best = winner;
      }
      if (best === null) continue;
      delivery ??= { userId, channels: [], decidedBy: {} };
      delivery.channels.push(channels[ci]);
      delivery.decidedBy[channels[ci]] = best.decision;
    }
    if (delivery) out.push(delivery);
  }
  return out;
}
