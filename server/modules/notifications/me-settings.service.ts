import type { SettingsChange, SettingsContext, SettingsView } from '../../../common/notification-settings.ts';
import { RECIPIENT_ROLES, type RecipientRole } from '../../../common/notifications.ts';
import { type Actor, can, isAgent } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { resolveNotification } from './cascade.ts';
import { buildView, cellKey, exactOwnRule, exactOwnRules, loadRules, statusFor, ticketOf } from './me-settings.view.ts';
import { deleteRule, insertRule, referencesExist, updateRule } from './rules.repo.ts';
import { columns, type RuleInput } from './rules.service.ts';

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

const CONTEXT_FIELDS = {
  ticketType: 'ticket type',
  serviceId: 'service',
  categoryId: 'ticket group',
  statusTo: 'status',
} as const;

/** 400 naming every part of the context that names nothing (`prefix` locates it in the request). */
async function checkContext(ctx: AppContext, context: SettingsContext, prefix: string): Promise<void> {
  const workflow = ctx.workflow.current();
  const exists = await referencesExist(ctx.db.kysely, {
    serviceId: context.serviceId,
    categoryId: context.categoryId,
    userId: null,
  });
  const bad = {
    ticketType: context.ticketType !== null && !workflow.hasType(context.ticketType, false),
    serviceId: !exists.serviceId,
    categoryId: !exists.categoryId,
    // Retired statuses count: tickets may still carry them and old choices name them.
    statusTo: context.statusTo !== null && workflow.status(context.statusTo) === undefined,
  };
  const fields = (Object.keys(CONTEXT_FIELDS) as (keyof typeof CONTEXT_FIELDS)[]).filter((f) => bad[f]);
  if (fields.length > 0) {
    const what = fields.map((f) => CONTEXT_FIELDS[f]).join(', ');
    throw badRequest(
      `Unknown ${what}`,
      fields.map((f) => `${prefix}${f}`),
    );
  }
}

/** The current user's notification settings: inherited values with their source, and their own choices. */
export async function mySettings(ctx: AppContext, actor: Actor, context: SettingsContext): Promise<SettingsView> {
  await checkContext(ctx, context, '');
  return buildView(ctx, actor.id, rolesOf(actor), context, await loadRules(ctx, actor.id));
}

/** The level-3 rule a change stores: the person's choice for the context's ticket group and status. */
function userRule(actor: Actor, context: SettingsContext, change: SettingsChange, enabled: boolean): RuleInput {
  return {
    level: 'user',
    ticketType: null,
    serviceId: null,
    userId: actor.id,
    event: change.event,
    categoryId: context.categoryId,
    statusTo: statusFor(change.event, context),
    recipientRole: change.recipientRole,
    channel: change.channel,
    enabled,
    userOverridable: false,
  };
}

/**
 * Sets or clears the current user's own choices (level-3 rules with their id) for the context's
 * ticket group and target status (the status only on `ticket.status_changed`), all in one
 * transaction with an audit entry per rule. Refused as a whole: 400 for an unknown context, a
 * role they cannot hold or a repeated cell, 403 `not_overridable` where, for tickets of the
 * context, no admin rule allows a choice. Clearing is always allowed. Never touches anyone
 * else's rules, nor their own rules of other scopes.
 */
export async function changeMySettings(
  ctx: AppContext,
  actor: Actor,
  context: SettingsContext,
  changes: readonly SettingsChange[],
): Promise<SettingsView> {
  await checkContext(ctx, context, 'context.');
  const roles = rolesOf(actor);
  const data = await loadRules(ctx, actor.id);
  const own = exactOwnRules(data, context);
  const ticket = ticketOf(context);
  const seen = new Set<string>();
  changes.forEach((change, i) => {
    const k = cellKey(change.event, change.recipientRole, change.channel);
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
      const mine = exactOwnRule(own, change);
      const audit = { actorId: actor.id, entity: 'notification_rule', at };
      if (change.enabled === null) {
        if (!mine) continue;
        await deleteRule(trx, mine.id);
        await recordAudit(trx, { ...audit, entityId: mine.id, action: 'delete', before: mine, after: undefined });
      } else if (mine) {
        if (mine.enabled === change.enabled) continue;
        const after = userRule(actor, context, change, change.enabled);
        await updateRule(trx, mine.id, { ...columns(after), updated_at: at });
        await recordAudit(trx, { ...audit, entityId: mine.id, action: 'update', before: mine, after });
      } else {
        const after = userRule(actor, context, change, change.enabled);
        const id = await insertRule(trx, { ...columns(after), created_at: at, updated_at: at });
        await recordAudit(trx, { ...audit, entityId: id, action: 'create', before: undefined, after });
      }
    }
  });
  return buildView(ctx, actor.id, roles, context, await loadRules(ctx, actor.id));
}
