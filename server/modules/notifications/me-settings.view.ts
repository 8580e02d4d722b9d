import type {
  OverrideScope,
  SettingItem,
  SettingSource,
  SettingsContext,
  SettingsView,
} from '../../../common/notification-settings.ts';
import {
  eventTakesStatusFilter,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type RecipientRole,
} from '../../../common/notifications.ts';
import type { AppContext } from '../../context.ts';
import type { NotificationRule, RuleIndex, TicketContext } from './cascade.model.ts';
import { buildRuleIndex, resolveNotification } from './cascade.ts';
import { listRulesOfUser, serviceNames } from './me-settings.repo.ts';
import { toRule } from './rules.service.ts';

/** The status a choice about `event` is stored for in `context`: only a status change takes one. */
export function statusFor(event: NotificationEvent, context: SettingsContext): string | null {
  return eventTakesStatusFilter(event) ? context.statusTo : null;
}

/** The cascade's view of a ticket in the context. */
export function ticketOf(context: SettingsContext): TicketContext {
  return {
    type: context.ticketType,
    serviceId: context.serviceId,
    categoryId: context.categoryId,
    statusTo: context.statusTo,
  };
}

/** The key of one event × role × channel cell (for maps and duplicate checks). */
export const cellKey = (event: string, role: string, channel: string) => `${event}|${role}|${channel}`;

/** Everything a person's settings depend on: levels 1-2 and their own rules, indexed once. */
export interface Loaded {
  userId: number;
  rules: NotificationRule[];
  index: RuleIndex;
}

export async function loadRules(ctx: AppContext, userId: number): Promise<Loaded> {
  const rules = (await listRulesOfUser(ctx.db.kysely, userId)).map(toRule);
  return { userId, rules, index: buildRuleIndex(rules) };
}

/** Whether `r` is the person's own rule stored exactly in the context's scope (for its event). */
const isExact = (r: NotificationRule, userId: number, context: SettingsContext) =>
  r.level === 'user' &&
  r.userId === userId &&
  r.categoryId === context.categoryId &&
  r.statusTo === statusFor(r.event, context);

/**
 * The person's own rules in exactly the context's scope, per event, role and channel: what the
 * page shows and writes. Lowest id first (rows come ordered by id), as the resolver breaks ties.
 */
export function exactOwnRules(data: Loaded, context: SettingsContext): Map<string, NotificationRule> {
  const own = new Map<string, NotificationRule>();
  for (const r of data.rules) {
    if (!isExact(r, data.userId, context)) continue;
    const k = cellKey(r.event, r.recipientRole, r.channel);
    if (!own.has(k)) own.set(k, r);
  }
  return own;
}

/** The person's own choice for a cell in the context's scope, if any. */
export function exactOwnRule(
  own: Map<string, NotificationRule>,
  cell: { event: string; recipientRole: string; channel: string },
): NotificationRule | undefined {
  return own.get(cellKey(cell.event, cell.recipientRole, cell.channel));
}

function overrideScopes(data: Loaded): OverrideScope[] {
  const counts = new Map<string, OverrideScope>();
  for (const r of data.rules) {
    if (r.level !== 'user' || r.userId !== data.userId) continue;
    const k = `${r.categoryId}|${r.statusTo}`;
    const scope = counts.get(k) ?? { categoryId: r.categoryId, statusTo: r.statusTo, count: 0 };
    scope.count += 1;
    counts.set(k, scope);
  }
  // General first, then by group (any group first), then by status.
  return [...counts.values()].sort(
    (a, b) => (a.categoryId ?? 0) - (b.categoryId ?? 0) || (a.statusTo ?? '').localeCompare(b.statusTo ?? '', 'en'),
  );
}

function sourceOf(rule: NotificationRule): SettingSource {
  const { level, id: ruleId, ticketType, serviceId, categoryId, statusTo } = rule;
  return { level, ruleId, ticketType, serviceId, serviceName: null, categoryId, statusTo };
}

/**
 * Resolves every event × role × channel of the person in the context. `send` is what they get;
 * `inherited` is what would decide without their choice in exactly this scope: levels 1-2 or a
 * broader choice of their own (say, their "any group" choice when a group is shown), so that a
 * choice equal to it can be dropped and the page's switch still means what it shows.
 */
export async function buildView(
  ctx: AppContext,
  userId: number,
  roles: RecipientRole[],
  context: SettingsContext,
  data: Loaded,
): Promise<SettingsView> {
  const ticket = ticketOf(context);
  const own = exactOwnRules(data, context);
  const without = buildRuleIndex(data.rules.filter((r) => !isExact(r, userId, context)));
  const byId = new Map(data.rules.map((r) => [r.id, r]));
  const items: SettingItem[] = [];
  for (const event of NOTIFICATION_EVENTS) {
    for (const recipientRole of roles) {
      for (const channel of NOTIFICATION_CHANNELS) {
        const question = { event, ticket, recipient: { userId, roles: [recipientRole] }, channel };
        const actual = resolveNotification(data.index, question).roles[0]!;
        const fallback = resolveNotification(without, question).roles[0]!;
        const decider = fallback.decidedBy ? byId.get(fallback.decidedBy.ruleId) : undefined;
        const mine = exactOwnRule(own, { event, recipientRole, channel });
        items.push({
          event,
          recipientRole,
          channel,
          inherited: { send: fallback.send, source: decider ? sourceOf(decider) : null },
          userOverridable: actual.inherited.userOverridable,
          override: mine ? { ruleId: mine.id, enabled: mine.enabled } : null,
          send: actual.send,
        });
      }
    }
  }
  const ids = [...new Set(items.flatMap((i) => (i.inherited.source?.serviceId ? [i.inherited.source.serviceId] : [])))];
  const names = await serviceNames(ctx.db.kysely, ids);
  for (const item of items) {
    const source = item.inherited.source;
    if (source?.serviceId) source.serviceName = names.get(source.serviceId) ?? null;
  }
  return { roles, context, items, overrideScopes: overrideScopes(data) };
}
