import { LOCALES } from '../../../common/domain.ts';
import type { CannedScope } from '../../../common/kb.ts';
import { fieldAccess } from '../../authz/fields.ts';
import { type Actor, can } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import { escapeHtml, sanitizeBody } from '../../platform/html.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { canReadTicket } from '../tickets/tickets.policy.ts';
import { findTicketById } from '../tickets/tickets.repo.ts';
import {
  type CannedRow,
  deleteCanned,
  findCanned,
  findUsableCanned,
  groupExists,
  insertCanned,
  listUsableCanned,
  updateCanned,
} from './canned.repo.ts';

export interface CannedInput {
  scope: CannedScope;
  groupId: number | null;
  name: string;
  locale: string;
  bodyHtml: string;
}

export interface CannedView extends CannedInput {
  id: number;
  ownerUserId: number | null;
  /** Whether the caller may change or delete it. */
  editable: boolean;
  updatedAt: string;
}

/** May the actor change this response? Personal: its owner; group: members; global: the permission. */
function mayManage(actor: Actor, scope: string, ownerId: number | null, groupId: number | null): boolean {
  if (scope === 'personal') return ownerId === actor.id;
  if (can(actor, 'canned.manage_global')) return true;
  return scope === 'group' && groupId !== null && actor.groupIds.includes(groupId);
}

function present(actor: Actor, row: CannedRow): CannedView {
  return {
    id: row.id,
    scope: row.scope as CannedScope,
    groupId: row.group_id,
    ownerUserId: row.owner_user_id,
    name: row.name,
    locale: row.locale,
    bodyHtml: row.body_html,
    editable: mayManage(actor, row.scope, row.owner_user_id, row.group_id),
    updatedAt: row.updated_at,
  };
}

async function check(ctx: AppContext, actor: Actor, input: CannedInput) {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,59}$/u.test(name)) {
    throw badRequest('The name is 1-60 letters, digits, dots, dashes or underscores (it is typed after ::)', ['name']);
  }
  if (!(LOCALES as readonly string[]).includes(input.locale)) throw badRequest('Unknown language', ['locale']);
  if (input.bodyHtml.trim() === '' || input.bodyHtml.length > 50_000) {
    throw badRequest('The text must not be empty or too long', ['bodyHtml']);
  }
  if (input.scope === 'group') {
    if (input.groupId === null || !(await groupExists(ctx.db.kysely, input.groupId))) {
      throw badRequest('A group response needs an existing group', ['groupId']);
    }
  } else if (input.groupId !== null) {
    throw badRequest('Only group responses have a group', ['groupId']);
  }
  const ownerId = input.scope === 'personal' ? actor.id : null;
  if (!mayManage(actor, input.scope, ownerId, input.groupId)) {
    throw forbidden(
      input.scope === 'global' ? 'Missing permission canned.manage_global' : 'You are not a member of this group',
    );
  }
  return {
    scope: input.scope,
    owner_user_id: ownerId,
    group_id: input.groupId,
    name,
    locale: input.locale,
    body_html: sanitizeBody(input.bodyHtml),
  };
}

/** Responses the agent may use, optionally one language. */
export async function listCanned(ctx: AppContext, actor: Actor, filter: { locale?: string }): Promise<CannedView[]> {
  return (await listUsableCanned(ctx.db.kysely, actor.id, actor.groupIds, filter)).map((r) => present(actor, r));
}

/** A response the agent may use; 404 otherwise (someone else's personal one does not exist for them). */
async function usable(ctx: AppContext, actor: Actor, id: number): Promise<CannedRow> {
  const row = await findUsableCanned(ctx.db.kysely, actor.id, actor.groupIds, id);
  if (!row) throw notFound('Canned response');
  return row;
}

export async function createCanned(ctx: AppContext, actor: Actor, input: CannedInput): Promise<CannedView> {
  const values = await check(ctx, actor, input);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const id = await insertCanned(trx, { ...values, created_by: actor.id, created_at: at, updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'canned_response',
      entityId: id,
      action: 'create',
      before: undefined,
      after: values,
      at,
    });
    return id;
  });
  return present(actor, (await findCanned(ctx.db.kysely, id))!);
}

export async function changeCanned(ctx: AppContext, actor: Actor, id: number, input: CannedInput): Promise<CannedView> {
  const before = await usable(ctx, actor, id);
  if (!mayManage(actor, before.scope, before.owner_user_id, before.group_id)) throw forbidden();
  const values = await check(ctx, actor, input);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateCanned(trx, id, { ...values, updated_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'canned_response',
      entityId: id,
      action: 'update',
      before,
      after: values,
      at,
    });
  });
  return present(actor, (await findCanned(ctx.db.kysely, id))!);
}

export async function removeCanned(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const before = await usable(ctx, actor, id);
  if (!mayManage(actor, before.scope, before.owner_user_id, before.group_id)) throw forbidden();
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteCanned(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'canned_response',
      entityId: id,
      action: 'delete',
      before,
      after: undefined,
      at,
    });
  });
}

/** Replaces `{{name}}` placeholders with escaped values; unknown names stay as typed. */
function fillPlaceholders(html: string, values: Record<string, string>): string {
  return html.replace(/\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? escapeHtml(values[name]) : whole,
  );
}

/** The response's HTML with the ticket's values filled in (fields hidden from the agent stay empty). */
export async function renderCanned(
  ctx: AppContext,
  actor: Actor,
  id: number,
  ticketId: number,
): Promise<{ html: string }> {
  const row = await usable(ctx, actor, id);
  const ticket = await findTicketById(ctx.db.kysely, ticketId);
  if (!ticket || !canReadTicket(actor, ticket)) throw badRequest('Unknown ticket', ['ticketId']);
  const context = { type: ticket.type, status: ticket.status };
  const shown = (field: 'subject' | 'requesterId', value: string) =>
    fieldAccess(actor, field, context) === 'hidden' ? '' : value;
  const values: Record<string, string> = {
    'customer.name': shown('requesterId', ticket.requester_name ?? ''),
    'customer.email': shown('requesterId', ticket.requester_email ?? ''),
    'ticket.number': String(ticket.number),
    'ticket.subject': shown('subject', ticket.subject),
    'ticket.status': ticket.status,
    'agent.name': actor.name,
    'agent.email': actor.email,
  };
  return { html: fillPlaceholders(row.body_html, values) };
}
