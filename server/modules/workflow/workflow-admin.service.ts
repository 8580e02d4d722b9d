import { LOCALES } from '../../../common/domain.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { activeCustomFields } from '../customfields/customfields.service.ts';
import { listRoleKeys } from '../roles/roles.repo.ts';
import type { StatusDef, TicketTypeDef, TransitionDef } from './workflow.model.ts';
import {
  deleteStatus,
  deleteType,
  loadWorkflow,
  replaceTransitions,
  ticketsWith,
  upsertStatus,
  upsertType,
} from './workflow.repo.ts';

const PERMISSION = 'admin.workflow.manage';

export type StatusInput = Omit<StatusDef, 'system'>;
export type TypeInput = Omit<TicketTypeDef, 'system'>;

/** Names per language: known locales only, trimmed, empty ones dropped. */
function cleanNames(names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const locale of LOCALES) {
    const name = names[locale]?.trim();
    if (name) out[locale] = name;
  }
  return out;
}

async function audited(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  action: string,
  before: unknown,
  after: unknown,
  work: (trx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<void>,
): Promise<void> {
  authorize(actor, PERMISSION);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await work(trx);
    await recordAudit(trx, { actorId: actor.id, entity, entityId: null, action, before, after, at });
  });
  await ctx.workflow.reload();
}

/**
 * Creates or changes a status. New statuses need a name in at least one language; built-in
 * ones may leave names empty (the UI has translations for them).
 */
export async function saveStatus(ctx: AppContext, actor: Actor, input: StatusInput): Promise<void> {
  const current = await loadWorkflow(ctx.db.kysely);
  const before = current.status(input.key);
  const names = cleanNames(input.names);
  if (!before?.system && Object.keys(names).length === 0) throw badRequest('Give the status a name', ['names']);
  if (before?.system && before.category !== input.category) {
    throw badRequest('The category of a built-in status cannot change', ['category']);
  }
  // The main process and its services move tickets into the built-in statuses directly.
  if (before?.system && !input.active) throw badRequest('Built-in statuses cannot be retired', ['active']);
  const after: StatusDef = { ...input, names, system: before?.system ?? false };
  await audited(ctx, actor, 'status', before ? 'update' : 'create', before, after, (trx) => upsertStatus(trx, after));
}

/** Deletes an unused custom status; one that tickets still have can only be retired (409). */
export async function removeStatus(ctx: AppContext, actor: Actor, key: string): Promise<void> {
  const before = (await loadWorkflow(ctx.db.kysely)).status(key);
  if (!before) throw notFound('Status');
  if (before.system) throw conflict('in_use', 'Built-in statuses cannot be deleted; retire them instead');
  if (await ticketsWith(ctx.db.kysely, 'status', key)) {
    throw conflict('in_use', 'Tickets are in this status; retire it instead of deleting it');
  }
  await audited(ctx, actor, 'status', 'delete', before, undefined, (trx) => deleteStatus(trx, key));
}

export async function saveType(ctx: AppContext, actor: Actor, input: TypeInput): Promise<void> {
  const before = (await loadWorkflow(ctx.db.kysely)).types.find((t) => t.key === input.key);
  const names = cleanNames(input.names);
  if (!before?.system && Object.keys(names).length === 0) throw badRequest('Give the type a name', ['names']);
  const after: TicketTypeDef = { ...input, names, system: before?.system ?? false };
  await audited(ctx, actor, 'ticket_type', before ? 'update' : 'create', before, after, (trx) =>
    upsertType(trx, after),
  );
}

export async function removeType(ctx: AppContext, actor: Actor, key: string): Promise<void> {
  const before = (await loadWorkflow(ctx.db.kysely)).types.find((t) => t.key === key);
  if (!before) throw notFound('Ticket type');
  if (before.system || (await ticketsWith(ctx.db.kysely, 'type', key))) {
    throw conflict('in_use', 'This type is built in or used by tickets; retire it instead');
  }
  await audited(ctx, actor, 'ticket_type', 'delete', before, undefined, (trx) => deleteType(trx, key));
}

/**
 * Replaces the transitions of one ticket type (or the default set when `type` is null). Every
 * status must exist, roles must exist, and a requester rule cannot be limited to staff roles.
 * An empty list for a type means "use the default set".
 */
export async function saveTransitions(
  ctx: AppContext,
  actor: Actor,
  type: string | null,
  transitions: Omit<TransitionDef, 'type'>[],
): Promise<void> {
  const workflow = await loadWorkflow(ctx.db.kysely);
  if (type !== null && !workflow.hasType(type, false)) throw badRequest('Unknown ticket type', ['type']);
  if (type === null && transitions.length === 0) {
    throw badRequest('The default workflow needs at least one transition', ['transitions']);
  }
  const roleKeys = new Set(await listRoleKeys(ctx.db.kysely));
  const fieldNames = new Set<string>((await activeCustomFields(ctx)).map((f) => f.name));
  const seen = new Set<string>();
  for (const t of transitions) {
    if (!workflow.status(t.from) || !workflow.status(t.to))
      throw badRequest(`Unknown status in ${t.from} -> ${t.to}`, ['transitions']);
    if (t.from === t.to) throw badRequest(`A transition must change the status (${t.from})`, ['transitions']);
    if (t.roles.some((r) => !roleKeys.has(r))) throw badRequest('Unknown role in transitions', ['transitions']);
    const unknownField = t.requires.find((r) => r.startsWith('cf.') && !fieldNames.has(r));
    if (unknownField) throw badRequest(`Unknown custom field ${unknownField}`, ['transitions']);
    const id = `${t.from}>${t.to}>${t.by}>${[...t.roles].sort().join(',')}`;
    if (seen.has(id)) throw badRequest(`Duplicate transition ${t.from} -> ${t.to}`, ['transitions']);
    seen.add(id);
  }
  const before = workflow.transitions.filter((t) => t.type === type);
  const after = transitions.map((t) => ({ ...t, type }));
  await audited(
    ctx,
    actor,
    'transitions',
    'update',
    { type, transitions: before },
    { type, transitions: after },
    (trx) => replaceTransitions(trx, type, after),
  );
}
