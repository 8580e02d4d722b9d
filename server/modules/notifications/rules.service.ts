import {
  CASCADE_LEVEL_NUMBER,
  type CascadeLevel,
  type NotificationChannel,
  type NotificationEvent,
  type RecipientRole,
} from '../../../common/notifications.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findTicketById, findTicketByNumber } from '../tickets/tickets.repo.ts';
import type { NotificationAnswer, NotificationRule, TicketContext } from './cascade.model.ts';
import { buildRuleIndex, resolveNotification, ruleProblems } from './cascade.ts';
import {
  deleteRule,
  findRule,
  insertRule,
  listRuleRows,
  listRulesFor,
  type NotificationRuleRow,
  type RuleFilter,
  referencesExist,
  updateRule,
} from './rules.repo.ts';

/** A rule as admins write it. */
export interface RuleInput {
  level: CascadeLevel;
  ticketType: string | null;
  serviceId: number | null;
  userId: number | null;
  event: NotificationEvent;
  categoryId: number | null;
  statusTo: string | null;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  enabled: boolean;
  userOverridable: boolean;
}

export interface RuleView extends RuleInput {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface ExplainInput {
  event: NotificationEvent;
  ticketId?: number;
  /** The ticket's number as people see it (instead of `ticketId`). */
  ticketNumber?: number;
  ticket?: { type: string | null; serviceId: number | null; categoryId: number | null; statusTo: string | null };
  statusTo?: string | null;
  userId: number;
  roles: RecipientRole[];
  channel: NotificationChannel;
}

export type ExplainAnswer = NotificationAnswer & { decidedByLevel: number | null };

/** A stored row as the cascade sees it (values are checked on write; the resolver re-checks them). */
export function toRule(row: NotificationRuleRow): NotificationRule {
  return {
    id: row.id,
    level: row.level as CascadeLevel,
    ticketType: row.ticket_type,
    serviceId: row.service_id,
    userId: row.user_id,
    event: row.event as NotificationEvent,
    categoryId: row.category_id,
    statusTo: row.status_to,
    recipientRole: row.recipient_role as RecipientRole,
    channel: row.channel as NotificationChannel,
    enabled: row.enabled === 1,
    userOverridable: row.user_overridable === 1,
  };
}

/** A stored rule as the API shows it. */
export function present(row: NotificationRuleRow): RuleView {
  const { id, ...rule } = toRule(row);
  return { id, ...rule, createdAt: row.created_at, updatedAt: row.updated_at };
}

/** 400 naming every offending field when the rule is malformed or names something that does not exist. */
async function checkRule(ctx: AppContext, input: RuleInput): Promise<void> {
  const found = ruleProblems({ id: 0, ...input });
  const problems = found.map((p) => p.message);
  const fields = new Set<string>(found.map((p) => p.field));
  if (input.ticketType !== null && !ctx.workflow.current().hasType(input.ticketType, false)) {
    problems.push(`unknown ticket type "${input.ticketType}"`);
    fields.add('ticketType');
  }
  const exists = await referencesExist(ctx.db.kysely, input);
  for (const field of ['serviceId', 'categoryId', 'userId'] as const) {
    if (!exists[field]) {
      problems.push(`unknown ${field}`);
      fields.add(field);
    }
  }
  if (problems.length > 0) throw badRequest(`Invalid rule: ${problems.join('; ')}`, [...fields]);
}

/** The table columns of a rule input. */
export function columns(input: RuleInput) {
  return {
    level: input.level,
    ticket_type: input.ticketType,
    service_id: input.serviceId,
    user_id: input.userId,
    event: input.event,
    category_id: input.categoryId,
    status_to: input.statusTo,
    recipient_role: input.recipientRole,
    channel: input.channel,
    enabled: input.enabled ? 1 : 0,
    user_overridable: input.userOverridable ? 1 : 0,
  };
}

/** The rules matching the filter (all levels, users' own included). */
export async function listRules(ctx: AppContext, actor: Actor, filter: RuleFilter): Promise<RuleView[]> {
  authorize(actor, 'admin.notifications.manage');
  return (await listRuleRows(ctx.db.kysely, filter)).map(present);
}

/** Stores a new rule after validating it (400 naming the fields); audited in the same transaction. */
export async function createRule(ctx: AppContext, actor: Actor, input: RuleInput): Promise<RuleView> {
  authorize(actor, 'admin.notifications.manage');
  await checkRule(ctx, input);
  const at = ctx.clock.now().toISOString();
  const row = await inTransaction(ctx, async (trx) => {
    const id = await insertRule(trx, { ...columns(input), created_at: at, updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'notification_rule',
      entityId: id,
      action: 'create',
      before: undefined,
      after: input,
      at,
    });
    return findRule(trx, id);
  });
  return present(row!);
}

/** Replaces a rule; 404 when it does not exist. */
export async function changeRule(ctx: AppContext, actor: Actor, id: number, input: RuleInput): Promise<RuleView> {
  authorize(actor, 'admin.notifications.manage');
  const before = await findRule(ctx.db.kysely, id);
  if (!before) throw notFound('Notification rule');
  await checkRule(ctx, input);
  const at = ctx.clock.now().toISOString();
  const row = await inTransaction(ctx, async (trx) => {
    await updateRule(trx, id, { ...columns(input), updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'notification_rule',
      entityId: id,
      action: 'update',
      before: present(before),
      after: input,
      at,
    });
    return findRule(trx, id);
  });
  return present(row!);
}

/** Deletes a rule; 404 when it does not exist. */
export async function removeRule(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'admin.notifications.manage');
  const before = await findRule(ctx.db.kysely, id);
  if (!before) throw notFound('Notification rule');
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteRule(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'notification_rule',
      entityId: id,
      action: 'delete',
      before: present(before),
      after: undefined,
      at,
    });
  });
}

async function ticketContext(ctx: AppContext, input: ExplainInput): Promise<TicketContext> {
  const statusTo = input.statusTo ?? input.ticket?.statusTo ?? null;
  if (input.ticketId !== undefined || input.ticketNumber !== undefined) {
    const ticket =
      input.ticketId !== undefined
        ? await findTicketById(ctx.db.kysely, input.ticketId)
        : await findTicketByNumber(ctx.db.kysely, input.ticketNumber!);
    if (!ticket) throw badRequest('No such ticket', [input.ticketId !== undefined ? 'ticketId' : 'ticketNumber']);
    return { type: ticket.type, serviceId: ticket.service_id, categoryId: ticket.category_id, statusTo };
  }
  if (!input.ticket)
    throw badRequest('Give a ticketId, a ticketNumber or a ticket', ['ticketId', 'ticketNumber', 'ticket']);
  return { ...input.ticket, statusTo };
}

/**
 * "Would this user get this event on this channel for this ticket, and which level decided?":
 * the cascade's answer with its full trace, over the rules stored now.
 */
export async function explainNotification(ctx: AppContext, actor: Actor, input: ExplainInput): Promise<ExplainAnswer> {
  authorize(actor, 'admin.notifications.manage');
  const ticket = await ticketContext(ctx, input);
  if (!(await referencesExist(ctx.db.kysely, { serviceId: null, categoryId: null, userId: input.userId })).userId) {
    throw badRequest('Unknown user', ['userId']);
  }
  const rows = await listRulesFor(ctx.db.kysely, input.event, input.channel, input.userId);
  const answer = resolveNotification(buildRuleIndex(rows.map(toRule)), {
    event: input.event,
    ticket,
    recipient: { userId: input.userId, roles: input.roles },
    channel: input.channel,
  });
  const decidedByLevel = answer.decidedBy ? CASCADE_LEVEL_NUMBER[answer.decidedBy.level] : null;
  return { ...answer, decidedByLevel };
}
