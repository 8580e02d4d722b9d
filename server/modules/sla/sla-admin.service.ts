import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findService } from '../catalog/catalog.repo.ts';
import { organizationExists } from '../organizations/organizations.repo.ts';
import { findUserById } from '../users/users.repo.ts';
import { parseCalendar } from './business-calendar.ts';
import { calendarOfRow, type SlaTargets, targetsOfRow } from './sla.model.ts';
import {
  type CalendarRow,
  type ContractRow,
  calendarInUse,
  clearDefaultPolicy,
  deleteCalendar,
  deleteContract,
  deletePolicy,
  findCalendar,
  findContract,
  findPolicy,
  insertCalendar,
  insertContract,
  insertPolicy,
  listCalendars,
  listContracts,
  listPolicies,
  policyUsage,
  type SlaPolicyRow,
  updateCalendar,
  updateContract,
  updatePolicy,
} from './sla.repo.ts';
import { forgetCachedPolicies } from './sla.service.ts';

const PERMISSION = 'admin.sla.manage';

export interface CalendarInput {
  name: string;
  timeZone: string;
  week: Record<string, { start: string; end: string }[]>;
  holidays: { date: string; yearly?: boolean }[];
}

export interface PolicyInput {
  name: string;
  calendarId: number;
  targets: SlaTargets;
  warnAtPercent: number;
  isDefault: boolean;
}

export interface ContractInput {
  name: string;
  organizationId: number | null;
  customerId: number | null;
  serviceId: number | null;
  slaPolicyId: number;
  validFrom: string;
  validTo: string | null;
}

export const calendarView = (row: CalendarRow) => {
  const calendar = calendarOfRow(row);
  return { id: row.id, name: row.name, timeZone: calendar.timeZone, week: calendar.week, holidays: calendar.holidays };
};

export const policyView = (row: SlaPolicyRow) => ({
  id: row.id,
  name: row.name,
  calendarId: row.calendar_id,
  targets: targetsOfRow(row),
  warnAtPercent: row.warn_at_percent,
  isDefault: row.is_default === 1,
});

export const contractView = (row: ContractRow) => ({
  id: row.id,
  name: row.name,
  organizationId: row.organization_id,
  customerId: row.customer_id,
  serviceId: row.service_id,
  slaPolicyId: row.sla_policy_id,
  validFrom: row.valid_from,
  validTo: row.valid_to,
});

function requireName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw badRequest('Name is required', ['name']);
  return trimmed;
}

/** Validates a calendar; the calculator's message names the part, the field names the input. */
function checkCalendar(input: CalendarInput) {
  try {
    return parseCalendar({ timeZone: input.timeZone, week: input.week, holidays: input.holidays });
  } catch (error) {
    const message = (error as Error).message;
    const field = message.startsWith('calendar.timeZone')
      ? 'timeZone'
      : message.startsWith('calendar.holidays')
        ? 'holidays'
        : 'week';
    throw badRequest(message, [field]);
  }
}

/** Every SLA write: authorize, run in one transaction with its audit row. */
async function auditedWrite<T>(
  ctx: AppContext,
  actor: Actor,
  entity: string,
  work: (
    trx: Trx,
    at: string,
  ) => Promise<{ result: T; entityId: number; action: string; before?: unknown; after?: unknown }>,
): Promise<T> {
  authorize(actor, PERMISSION);
  const at = ctx.clock.now().toISOString();
  forgetCachedPolicies(ctx.db);
  return inTransaction(ctx, async (trx) => {
    const done = await work(trx, at);
    await recordAudit(trx, {
      actorId: actor.id,
      entity,
      entityId: done.entityId,
      action: done.action,
      before: done.before,
      after: done.after,
      at,
    });
    return done.result;
  });
}

export async function listCalendarViews(ctx: AppContext) {
  return (await listCalendars(ctx.db.kysely)).map(calendarView);
}

export async function createCalendar(ctx: AppContext, actor: Actor, input: CalendarInput): Promise<number> {
  const name = requireName(input.name);
  const calendar = checkCalendar(input);
  return auditedWrite(ctx, actor, 'calendar', async (trx, at) => {
    const id = await insertCalendar(trx, {
      name,
      time_zone: calendar.timeZone,
      week: JSON.stringify(calendar.week),
      holidays: JSON.stringify(calendar.holidays),
      created_at: at,
      updated_at: at,
    });
    return { result: id, entityId: id, action: 'create', after: { name, ...calendar } };
  });
}

export async function changeCalendar(ctx: AppContext, actor: Actor, id: number, input: CalendarInput): Promise<void> {
  const before = await findCalendar(ctx.db.kysely, id);
  if (!before) throw notFound('Calendar');
  const name = requireName(input.name);
  const calendar = checkCalendar(input);
  await auditedWrite(ctx, actor, 'calendar', async (trx, at) => {
    await updateCalendar(trx, id, {
      name,
      time_zone: calendar.timeZone,
      week: JSON.stringify(calendar.week),
      holidays: JSON.stringify(calendar.holidays),
      updated_at: at,
    });
    // Open tickets on policies using this calendar get new due dates.
    for (const policy of (await listPolicies(trx)).filter((p) => p.calendar_id === id)) {
      await emit(trx, at, { type: 'sla.recompute', payload: { policyId: policy.id } });
    }
    return {
      result: undefined,
      entityId: id,
      action: 'update',
      before: calendarView(before),
      after: { name, ...calendar },
    };
  });
}

export async function removeCalendar(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const before = await findCalendar(ctx.db.kysely, id);
  if (!before) throw notFound('Calendar');
  if (await calendarInUse(ctx.db.kysely, id)) throw conflict('in_use', 'SLA policies still use this calendar');
  await auditedWrite(ctx, actor, 'calendar', async (trx) => {
    await deleteCalendar(trx, id);
    return { result: undefined, entityId: id, action: 'delete', before: calendarView(before) };
  });
}

export async function listPolicyViews(ctx: AppContext) {
  return (await listPolicies(ctx.db.kysely)).map(policyView);
}

async function checkPolicyInput(ctx: AppContext, input: PolicyInput) {
  if (!(await findCalendar(ctx.db.kysely, input.calendarId))) throw badRequest('Unknown calendar', ['calendarId']);
  for (const [priority, target] of Object.entries(input.targets)) {
    if (target.firstResponse !== null && target.resolution !== null && target.firstResponse > target.resolution) {
      throw badRequest(`The first response for ${priority} cannot be due after the resolution`, ['targets']);
    }
  }
}

function policyValues(input: PolicyInput, name: string) {
  return {
    name,
    calendar_id: input.calendarId,
    targets: JSON.stringify(input.targets),
    warn_at_percent: input.warnAtPercent,
    is_default: input.isDefault ? 1 : 0,
  };
}

export async function createPolicy(ctx: AppContext, actor: Actor, input: PolicyInput): Promise<number> {
  const name = requireName(input.name);
  await checkPolicyInput(ctx, input);
  return auditedWrite(ctx, actor, 'sla_policy', async (trx, at) => {
    const id = await insertPolicy(trx, { ...policyValues(input, name), created_at: at, updated_at: at });
    if (input.isDefault) await clearDefaultPolicy(trx, id);
    return { result: id, entityId: id, action: 'create', after: { ...input, name } };
  });
}

export async function changePolicy(ctx: AppContext, actor: Actor, id: number, input: PolicyInput): Promise<void> {
  const before = await findPolicy(ctx.db.kysely, id);
  if (!before) throw notFound('SLA policy');
  const name = requireName(input.name);
  await checkPolicyInput(ctx, input);
  await auditedWrite(ctx, actor, 'sla_policy', async (trx, at) => {
    await updatePolicy(trx, id, { ...policyValues(input, name), updated_at: at });
    if (input.isDefault) await clearDefaultPolicy(trx, id);
    await emit(trx, at, { type: 'sla.recompute', payload: { policyId: id } });
    return { result: undefined, entityId: id, action: 'update', before: policyView(before), after: { ...input, name } };
  });
}

export async function removePolicy(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const before = await findPolicy(ctx.db.kysely, id);
  if (!before) throw notFound('SLA policy');
  const used = await policyUsage(ctx.db.kysely, id);
  if (used.length > 0) throw conflict('in_use', `Still used by: ${used.join(', ')}`);
  await auditedWrite(ctx, actor, 'sla_policy', async (trx) => {
    await deletePolicy(trx, id);
    return { result: undefined, entityId: id, action: 'delete', before: policyView(before) };
  });
}

export async function listContractViews(ctx: AppContext) {
  return (await listContracts(ctx.db.kysely)).map(contractView);
}

async function checkContract(ctx: AppContext, input: ContractInput): Promise<void> {
  const db = ctx.db.kysely;
  assertDate(input.validFrom, 'validFrom');
  assertDate(input.validTo, 'validTo');
  if ((input.organizationId === null) === (input.customerId === null)) {
    throw badRequest('A contract belongs to either an organization or a single customer', [
      'organizationId',
      'customerId',
    ]);
  }
  if (input.organizationId !== null && !(await organizationExists(db, input.organizationId))) {
    throw badRequest('Unknown organization', ['organizationId']);
  }
  if (input.customerId !== null && !(await findUserById(ctx.db, input.customerId))) {
    throw badRequest('Unknown customer', ['customerId']);
  }
  if (input.serviceId !== null && !(await findService(db, input.serviceId))) {
    throw badRequest('Unknown service', ['serviceId']);
  }
  if (!(await findPolicy(db, input.slaPolicyId))) throw badRequest('Unknown SLA policy', ['slaPolicyId']);
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw badRequest('The contract cannot end before it starts', ['validTo']);
  }
}

function contractValues(input: ContractInput, name: string) {
  return {
    name,
    organization_id: input.organizationId,
    customer_id: input.customerId,
    service_id: input.serviceId,
    sla_policy_id: input.slaPolicyId,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
}

/** Tickets of the contract's holder may now follow another policy: recompute them after commit. */
async function recomputeHolder(trx: Trx, at: string, contract: Pick<ContractRow, 'organization_id' | 'customer_id'>) {
  await emit(trx, at, {
    type: 'sla.recompute',
    payload: { organizationId: contract.organization_id, customerId: contract.customer_id },
  });
}

export async function createContract(ctx: AppContext, actor: Actor, input: ContractInput): Promise<number> {
  const name = requireName(input.name);
  await checkContract(ctx, input);
  return auditedWrite(ctx, actor, 'contract', async (trx, at) => {
    const values = contractValues(input, name);
    const id = await insertContract(trx, { ...values, created_at: at, updated_at: at });
    await recomputeHolder(trx, at, values);
    return { result: id, entityId: id, action: 'create', after: { ...input, name } };
  });
}

export async function changeContract(ctx: AppContext, actor: Actor, id: number, input: ContractInput): Promise<void> {
  const before = await findContract(ctx.db.kysely, id);
  if (!before) throw notFound('Contract');
  const name = requireName(input.name);
  await checkContract(ctx, input);
  await auditedWrite(ctx, actor, 'contract', async (trx, at) => {
    const values = contractValues(input, name);
    await updateContract(trx, id, { ...values, updated_at: at });
    await recomputeHolder(trx, at, before);
    if (before.organization_id !== values.organization_id || before.customer_id !== values.customer_id) {
      await recomputeHolder(trx, at, values);
    }
    return {
      result: undefined,
      entityId: id,
      action: 'update',
      before: contractView(before),
      after: { ...input, name },
    };
  });
}

export async function removeContract(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  const before = await findContract(ctx.db.kysely, id);
  if (!before) throw notFound('Contract');
  await auditedWrite(ctx, actor, 'contract', async (trx, at) => {
    await deleteContract(trx, id);
    await recomputeHolder(trx, at, before);
    return { result: undefined, entityId: id, action: 'delete', before: contractView(before) };
  });
}

/** Thrown for a date that is not a real calendar date. */
export function assertDate(value: string | null, field: string): void {
  if (value === null) return;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new AppError(400, 'validation_failed', `${field}: expected a real YYYY-MM-DD date`, [field]);
  }
}
