import { QUEUE_KEYS, type QueueKey, type TicketField } from '../../../common/domain.ts';
import { fieldAccess, mayBeHidden } from '../../authz/fields.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import type { CustomField } from '../customfields/customfields.model.ts';
import { activeCustomFields } from '../customfields/customfields.service.ts';
import { loadCustomSnapshot } from '../customfields/ticket-values.ts';
import type { Workflow } from '../workflow/workflow.model.ts';
import { loadVisibleTicket } from './ticket-load.ts';
import { filterScopes } from './tickets.policy.ts';
import { presentEnv, presentTicket, type TicketView } from './tickets.presenter.ts';
import {
  type Cursor,
  countTickets,
  listHistory,
  listTicketPage,
  type SortSpec,
  type TicketListFilter,
} from './tickets.repo.ts';

export const SORTS = ['-updated', 'updated', '-created', 'created', '-number', 'number', 'due', '-due'] as const;
export type SortName = (typeof SORTS)[number];

const SORT_SPECS: Record<SortName, SortSpec> = {
  '-updated': { key: 'updated_at', direction: 'desc' },
  updated: { key: 'updated_at', direction: 'asc' },
  '-created': { key: 'created_at', direction: 'desc' },
  created: { key: 'created_at', direction: 'asc' },
  '-number': { key: 'number', direction: 'desc' },
  number: { key: 'number', direction: 'asc' },
  due: { key: 'due_at', direction: 'asc' },
  '-due': { key: 'due_at', direction: 'desc' },
};

export interface TicketListQuery {
  queue?: QueueKey;
  status?: string[];
  ownerId?: number;
  requesterId?: number;
  q?: string;
  sort?: SortName;
  limit?: number;
  cursor?: string;
  /** Custom field filters as `key:value`. */
  cf?: string[];
}

/** The filter each agent queue stands for, by status category so admin-defined statuses fit in. */
function queueFilter(actor: Actor, queue: QueueKey, workflow: Workflow): TicketListFilter {
  const open = workflow.keysIn('new', 'open', 'pending');
  switch (queue) {
    case 'unassigned':
      return { statuses: open, ownerId: null };
    case 'mine':
      return { statuses: open, ownerId: actor.id };
    case 'open':
      return { statuses: open };
    case 'waiting':
      return { statuses: workflow.keysIn('pending') };
    case 'resolved':
      return { statuses: workflow.keysIn('resolved') };
  }
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'number') return { value, id };
  } catch {
    // fall through to the 400 below
  }
  throw badRequest('Invalid cursor', ['cursor']);
}

function parseSearch(q: string | undefined): TicketListFilter['numberOrText'] {
  const text = q?.trim();
  if (!text) return undefined;
  const number = /^#?(\d{1,9})$/.exec(text);
  return number ? { number: Number(number[1]) } : { text };
}

/**
 * Filters on a field the actor may not read would reveal it. A field hidden on every ticket is
 * refused (400 naming the parameter); one hidden on some tickets only (an override by type or
 * status) filters just the tickets where the actor sees it. A text search reads the subject.
 * Sorting by due date cannot be narrowed that way: refused where the SLA may be hidden.
 */
function filterRestrictions(
  ctx: AppContext,
  actor: Actor,
  query: TicketListQuery,
  numberOrText: TicketListFilter['numberOrText'],
): NonNullable<TicketListFilter['onlyWhere']> {
  const asked: [TicketField, string][] = [];
  if (query.ownerId !== undefined) asked.push(['ownerId', 'ownerId']);
  if (query.requesterId !== undefined) asked.push(['requesterId', 'requesterId']);
  if (numberOrText?.text !== undefined) asked.push(['subject', 'q']);
  const { scopes, refused } = filterScopes(actor, ctx.workflow.current(), asked);
  if ((query.sort === 'due' || query.sort === '-due') && mayBeHidden(actor, 'sla')) refused.push('sla');
  if (refused.length > 0) throw badRequest('You may not filter on these fields', refused);
  return scopes;
}

/** A page of the tickets the actor may see, newest activity first unless asked otherwise. */
export async function listTickets(
  ctx: AppContext,
  actor: Actor,
  query: TicketListQuery,
): Promise<{ items: TicketView[]; nextCursor: string | null }> {
  const numberOrText = parseSearch(query.q);
  const onlyWhere = filterRestrictions(ctx, actor, query, numberOrText);
  const workflow = ctx.workflow.current();
  if (query.status?.some((s) => !workflow.status(s))) throw badRequest('Unknown status', ['status']);
  const fields = await activeCustomFields(ctx);
  const base = query.queue ? queueFilter(actor, query.queue, ctx.workflow.current()) : {};
  const filter: TicketListFilter = {
    ...base,
    ...(query.status?.length && { statuses: query.status }),
    ...(query.ownerId !== undefined && { ownerId: query.ownerId }),
    ...(query.requesterId !== undefined && { requesterId: query.requesterId }),
    numberOrText,
    custom: customFilters(actor, fields, query.cf ?? []),
    onlyWhere,
  };
  const sort = SORT_SPECS[query.sort ?? '-updated'];
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await listTicketPage(ctx.db.kysely, actor, filter, sort, cursor, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ value: sort.key === 'number' ? last.number : last[sort.key], id: last.id })
      : null;
  const snapshot = await loadCustomSnapshot(
    ctx,
    page.map((r) => r.id),
  );
  const env = presentEnv(ctx);
  return { items: page.map((row) => presentTicket(actor, row, snapshot, env)), nextCursor };
}

/** Counts for the agent's queue navigation, within what the actor may see. */
export async function queueCounts(ctx: AppContext, actor: Actor): Promise<{ key: QueueKey; count: number }[]> {
  authorize(actor, 'menu.agent');
  const out: { key: QueueKey; count: number }[] = [];
  for (const key of QUEUE_KEYS)
    out.push({ key, count: await countTickets(ctx.db.kysely, actor, queueFilter(actor, key, ctx.workflow.current())) });
  return out;
}

export async function getTicket(ctx: AppContext, actor: Actor, id: number): Promise<TicketView> {
  const row = await loadVisibleTicket(ctx, actor, id);
  return presentTicket(actor, row, await loadCustomSnapshot(ctx, [id]), presentEnv(ctx));
}

/**
 * Turns `key:value` filters into typed conditions. A filter on a field the actor may not read
 * (by default) would reveal it, so it is refused like any hidden field.
 */
function customFilters(actor: Actor, fields: CustomField[], raw: string[]): NonNullable<TicketListFilter['custom']> {
  return raw.map((item) => {
    const at = item.indexOf(':');
    const key = item.slice(0, at);
    const value = item.slice(at + 1);
    const field = fields.find((f) => f.key === key);
    if (!field || fieldAccess(actor, field.name) === 'hidden')
      throw badRequest('Unknown custom field filter', [`cf.${key}`]);
    const numeric = ['number', 'user', 'organization', 'asset'].includes(field.type);
    if (numeric && !Number.isFinite(Number(value))) throw badRequest('Expected a number', [`cf.${key}`]);
    return { fieldId: field.id, ...(numeric ? { number: Number(value) } : { text: value }) };
  });
}

/**
 * The ticket's change history. Rows about fields the actor may not read are left out, and
 * so are rows about internal activity for those who cannot read internal notes.
 */
export async function ticketHistory(ctx: AppContext, actor: Actor, id: number) {
  const ticket = await loadVisibleTicket(ctx, actor, id);
  const context = { type: ticket.type, status: ticket.status };
  const rows = await listHistory(ctx.db.kysely, id);
  return rows
    .filter((r) => r.field === 'status' || fieldAccess(actor, r.field as TicketField, context) !== 'hidden')
    .map((r) => ({
      id: r.id,
      at: r.created_at,
      actorId: r.actor_id,
      actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
      field: r.field,
      from: r.old_value,
      to: r.new_value,
    }));
}
