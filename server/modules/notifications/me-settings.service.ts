import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_EVENTS,
  type NotificationChannel,
  type NotificationEvent,
  RECIPIENT_ROLES,
  type RecipientRole,
} from '../../../common/notifications.ts';
import { type Actor, can, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { NotificationRule, RuleIndex, TicketContext } from './cascade.model.ts';
import { buildRuleIndex, resolveNotification } from './cascade.ts';
import { listRulesOfUser, serviceNames } from './me-settings.repo.ts';
import { deleteRule, insertRule, referencesExist, updateRule } from './rules.repo.ts';
import { columns, type RuleInput, toRule } from './rules.service.ts';

/** Which tickets the inherited values are computed for. */
export interface SettingsContext {
  ticketType: string | null;
  serviceId: number | null;
}

export interface SettingSource {
  level: NotificationRule['level'];
  ruleId: number;
  ticketType: string | null;
  serviceId: number | null;
  serviceName: string | null;
}

export interface SettingItem {
  event: NotificationEvent;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  inherited: { send: boolean; source: SettingSource | null };
  userOverridable: boolean;
  override: { ruleId: number; enabled: boolean } | null;
  send: boolean;
}

export interface SettingsView {
  roles: RecipientRole[];
  context: SettingsContext;
  items: SettingItem[];
}

export interface SettingsChange {
  event: NotificationEvent;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  enabled: boolean | null;
}

/**
 * The recipient roles a person can hold on a ticket. Staff: owner, member of the ticket's
 * group, watcher, and manager when their role sees reports. Customers: requester, watcher, and
 * organization contact when they belong to an organization.
 */
export function rolesOf(actor: Actor): RecipientRole[] {
  const held = new Set<RecipientRole>(['watchers']);
  if (isAgent(actor)) {
    held.add('owner').add('group_members');
    if (can(actor, 'menu.reports')) held.add('managers');
  } else {
    held.add('requester');
    if (actor.organizationId !== null) held.add('organization_contacts');
  }
  return RECIPIENT_ROLES.filter((r) => held.has(r));
}

const key = (event: string, role: string, channel: string) => `${event}|${role}|${channel}`;

/** The user's own general rule (any category, any status) per event, role and channel: what this page manages. */
function ownRules(rules: readonly NotificationRule[], userId: number): Map<string, NotificationRule> {
  const own = new Map<string, NotificationRule>();
  for (const r of rules) {
    if (r.level !== 'user' || r.userId !== userId || r.categoryId !== null || r.statusTo !== null) continue;
    const k = key(r.event, r.recipientRole, r.channel);
    if (!own.has(k)) own.set(k, r); // lowest id first (rows come ordered by id), as the resolver breaks ties
  }
  return own;
}

async function checkContext(ctx: AppContext, context: SettingsContext, prefix: string): Promise<void> {
  if (context.ticketType !== null && !ctx.workflow.current().hasType(context.ticketType, false)) {
    throw badRequest('Unknown ticket type', [`${prefix}ticketType`]);
  }
  const exists = await referencesExist(ctx.db.kysely, { serviceId: context.serviceId, categoryId: null, userId: null });
  if (!exists.serviceId) throw badRequest('Unknown service', [`${prefix}serviceId`]);
}

interface Loaded {
  rules: NotificationRule[];
  index: RuleIndex;
  byId: Map<number, NotificationRule>;
  own: Map<string, NotificationRule>;
}

async function load(ctx: AppContext, userId: number): Promise<Loaded> {
  const rules = (await listRulesOfUser(ctx.db.kysely, userId)).map(toRule);
  return {
    rules,
    index: buildRuleIndex(rules),
    byId: new Map(rules.map((r) => [r.id, r])),
    own: ownRules(rules, userId),
  };
}

/** Resolves every event × role × channel for the user in the context (no category, no status). */
async function buildView(ctx: AppContext, actor: Actor, context: SettingsContext, data: Loaded): Promise<SettingsView> {
  const roles = rolesOf(actor);
  const ticket: TicketContext = {
    type: context.ticketType,
    serviceId: context.serviceId,
    categoryId: null,
    statusTo: null,
  };
  const items: SettingItem[] = [];
  for (const event of NOTIFICATION_EVENTS) {
    for (const recipientRole of roles) {
      for (const channel of NOTIFICATION_CHANNELS) {
        const answer = resolveNotification(data.index, {
          event,
          ticket,
          recipient: { userId: actor.id, roles: [recipientRole] },
          channel,
        });
        const role = answer.roles[0]!;
        const admin = role.inherited.decidedBy ? data.byId.get(role.inherited.decidedBy.ruleId) : undefined;
        const own = data.own.get(key(event, recipientRole, channel));
        items.push({
          event,
          recipientRole,
          channel,
          inherited: {
            send: role.inherited.send,
            source: admin
              ? {
                  level: admin.level,
                  ruleId: admin.id,
                  ticketType: admin.ticketType,
                  serviceId: admin.serviceId,
                  serviceName: null,
                }
              : null,
          },
          userOverridable: role.inherited.userOverridable,
          override: own ? { ruleId: own.id, enabled: own.enabled } : null,
          send: role.send,
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
  return { roles, context, items };
}

/** The current user's notification settings: inherited values with their source, and their own overrides. */
export async function mySettings(ctx: AppContext, actor: Actor, context: SettingsContext): Promise<SettingsView> {
  await checkContext(ctx, context, '');
  return buildView(ctx, actor, context, await load(ctx, actor.id));
}

function userRule(actor: Actor, change: SettingsChange, enabled: boolean): RuleInput {
  return {
    level: 'user',
    ticketType: null,
    serviceId: null,
    userId: actor.id,
    event: change.event,
    categoryId: null,
    statusTo: null,
    recipientRole: change.recipientRole,
    channel: change.channel,
    enabled,
    userOverridable: false,
  };
}

/**
 * Sets or clears the current user's own overrides (level-3 rules with their id), all in one
 * transaction with an audit entry per rule. Refused as a whole: 400 for a role they cannot hold
 * or a repeated cell, 403 `not_overridable` where, in the given context, no admin rule allows a
 * choice. Clearing is always allowed. Never touches anyone else's rules.
 */
export async function changeMySettings(
  ctx: AppContext,
  actor: Actor,
  context: SettingsContext,
  changes: readonly SettingsChange[],
): Promise<SettingsView> {
  await checkContext(ctx, context, 'context.');
  const roles = rolesOf(actor);
  const data = await load(ctx, actor.id);
  const ticket: TicketContext = {
    type: context.ticketType,
    serviceId: context.serviceId,
    categoryId: null,
    statusTo: null,
  };
  const seen = new Set<string>();
  changes.forEach((change, i) => {
    const k = key(change.event, change.recipientRole, change.channel);
    if (seen.has(k)) throw badRequest('The same setting is changed twice', [`changes.${i}`]);
    seen.add(k);
    if (!roles.includes(change.recipientRole)) {
      throw badRequest('You cannot hold this recipient role', [`changes.${i}.recipientRole`]);
    }
    if (change.enabled === null) return;
    const answer = resolveNotification(data.index, {
      event: change.event,
      ticket,
      recipient: { userId: actor.id, roles: [change.recipientRole] },
      channel: change.channel,
    });
    if (!answer.roles[0]?.inherited.userOverridable) {
      throw new AppError(403, 'not_overridable', 'The administrator does not let users change this notification', [
        `changes.${i}.enabled`,
      ]);
    }
  });
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    for (const change of changes) {
      const own = data.own.get(key(change.event, change.recipientRole, change.channel));
      const audit = { actorId: actor.id, entity: 'notification_rule', at };
      if (change.enabled === null) {
        if (!own) continue;
        await deleteRule(trx, own.id);
        await recordAudit(trx, { ...audit, entityId: own.id, action: 'delete', before: own, after: undefined });
      } else if (own) {
        if (own.enabled === change.enabled) continue;
        const after = userRule(actor, change, change.enabled);
        await updateRule(trx, own.id, { ...columns(after), updated_at: at });
        await recordAudit(trx, { ...audit, entityId: own.id, action: 'update', before: own, after });
      } else {
        const after = userRule(actor, change, change.enabled);
        const id = await insertRule(trx, { ...columns(after), created_at: at, updated_at: at });
        await recordAudit(trx, { ...audit, entityId: id, action: 'create', before: undefined, after });
      }
    }
  });
  return buildView(ctx, actor, context, await load(ctx, actor.id));
}
