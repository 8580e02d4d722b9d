import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findPolicy } from '../sla/sla.repo.ts';
import {
  deleteVendor,
  findVendor,
  insertVendor,
  listContacts,
  listVendorRows,
  replaceContacts,
  updateVendor,
  type VendorContactRow,
  type VendorRow,
  vendorInUse,
} from './vendors.repo.ts';

export const VENDOR_KINDS = ['manufacturer', 'dealer', 'supplier', 'other'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export interface VendorContactInput {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface VendorInput {
  name: string;
  kind: VendorKind;
  email: string | null;
  phone: string | null;
  notes: string;
  slaPolicyId: number | null;
  active: boolean;
  contacts: VendorContactInput[];
}

export interface VendorView extends Omit<VendorInput, 'contacts'> {
  id: number;
  contacts: (VendorContactInput & { id: number })[];
}

function present(row: VendorRow, contacts: readonly VendorContactRow[]): VendorView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as VendorKind,
    email: row.email,
    phone: row.phone,
    notes: row.notes,
    slaPolicyId: row.sla_policy_id,
    active: row.active === 1,
    contacts: contacts
      .filter((c) => c.vendor_id === row.id)
      .map((c) => ({ id: c.id, name: c.name, email: c.email, phone: c.phone })),
  };
}

/** Every vendor with its contacts; agents who may escalate to vendors read this to choose one. */
export async function listVendors(ctx: AppContext): Promise<VendorView[]> {
  const rows = await listVendorRows(ctx.db.kysely);
  const contacts = await listContacts(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((row) => present(row, contacts));
}

const blankToNull = (value: string | null) => (value?.trim() ? value.trim() : null);

async function normalize(ctx: AppContext, input: VendorInput) {
  const name = input.name.trim();
  if (!name) throw badRequest('Name is required', ['name']);
  if (input.slaPolicyId !== null && !(await findPolicy(ctx.db.kysely, input.slaPolicyId))) {
    throw badRequest('Unknown SLA policy', ['slaPolicyId']);
  }
  const contacts = input.contacts.map((c) => ({
    name: c.name.trim(),
    email: blankToNull(c.email),
    phone: blankToNull(c.phone),
  }));
  if (contacts.some((c) => !c.name)) throw badRequest('Every contact needs a name', ['contacts']);
  return {
    row: {
      name,
      kind: input.kind,
      email: blankToNull(input.email),
      phone: blankToNull(input.phone),
      notes: input.notes.trim(),
      sla_policy_id: input.slaPolicyId,
      active: input.active ? 1 : 0,
    },
    contacts,
  };
}

export async function createVendor(ctx: AppContext, actor: Actor, input: VendorInput): Promise<number> {
  authorize(actor, 'admin.vendors.manage');
  const { row, contacts } = await normalize(ctx, input);
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const id = await insertVendor(trx, { ...row, created_at: at, updated_at: at });
    await replaceContacts(trx, id, contacts);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'vendor',
      entityId: id,
      action: 'create',
      before: undefined,
      after: input,
      at,
    });
    return id;
  });
}

export async function changeVendor(ctx: AppContext, actor: Actor, id: number, input: VendorInput): Promise<void> {
  authorize(actor, 'admin.vendors.manage');
  const before = await findVendor(ctx.db.kysely, id);
  if (!before) throw notFound('Vendor');
  const beforeView = present(before, await listContacts(ctx.db.kysely, [id]));
  const { row, contacts } = await normalize(ctx, input);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateVendor(trx, id, { ...row, updated_at: at });
    await replaceContacts(trx, id, contacts);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'vendor',
      entityId: id,
      action: 'update',
      before: beforeView,
      after: input,
      at,
    });
  });
}

/** Deletes a vendor no ticket was ever escalated to; otherwise 409 (deactivate it instead). */
export async function removeVendor(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'admin.vendors.manage');
  const before = await findVendor(ctx.db.kysely, id);
  if (!before) throw notFound('Vendor');
  if (await vendorInUse(ctx.db.kysely, id)) {
    throw conflict('in_use', 'Tickets were escalated to this vendor; deactivate it instead');
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteVendor(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'vendor',
      entityId: id,
      action: 'delete',
      before: present(before, []),
      after: undefined,
      at,
    });
  });
}
