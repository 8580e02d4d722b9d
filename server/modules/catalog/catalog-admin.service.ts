import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { requireName } from '../../platform/input.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import {
  activeStaffIds,
  type CatalogTable,
  catalogRowInUse,
  deleteCatalogRow,
  findCategory,
  findGroupRow,
  findServiceRow,
  groupExists,
  groupNameTaken,
  hasChildCategories,
  insertCategory,
  insertGroup,
  insertService,
  listGroupMembers,
  replaceGroupMembers,
  updateCategory,
  updateGroup,
  updateService,
} from './catalog.repo.ts';

const ENTITY: Record<CatalogTable, string> = { categories: 'category', services: 'service', support_groups: 'group' };

/** Categories are nested one level: a parent must itself be top-level, and not the category itself. */
async function checkParent(ctx: AppContext, parentId: number | null | undefined, selfId: number | null): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  const parent = await findCategory(ctx.db.kysely, parentId);
  if (!parent || parent.parent_id !== null || parentId === selfId) {
    throw badRequest('The parent must be an existing top-level category', ['parentId']);
  }
  if (selfId !== null && (await hasChildCategories(ctx.db.kysely, selfId))) {
    throw badRequest('A category with sub-categories cannot become a sub-category', ['parentId']);
  }
}

async function checkGroup(ctx: AppContext, groupId: number | null | undefined): Promise<void> {
  if (groupId !== undefined && groupId !== null && !(await groupExists(ctx.db.kysely, groupId))) {
    throw badRequest('Unknown support group', ['groupId']);
  }
}

export async function createCategory(ctx: AppContext, actor: Actor, input: { name: string; parentId?: number | null }) {
  authorize(actor, 'admin.catalog.manage');
  const name = requireName(input.name)!;
  await checkParent(ctx, input.parentId, null);
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const id = await insertCategory(trx, { name, parent_id: input.parentId ?? null, created_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'category',
      entityId: id,
      action: 'create',
      before: undefined,
      after: { name, parentId: input.parentId ?? null },
      at,
    });
    return id;
  });
}

export async function changeCategory(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name?: string; parentId?: number | null },
) {
  authorize(actor, 'admin.catalog.manage');
  const before = await findCategory(ctx.db.kysely, id);
  if (!before) throw notFound('Category');
  const name = requireName(input.name);
  await checkParent(ctx, input.parentId, id);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateCategory(trx, id, {
      ...(name !== undefined && { name }),
      ...(input.parentId !== undefined && { parent_id: input.parentId }),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'category',
      entityId: id,
      action: 'update',
      before: { name: before.name, parentId: before.parent_id },
      after: { name: name ?? before.name, parentId: input.parentId !== undefined ? input.parentId : before.parent_id },
      at,
    });
  });
}

export async function createService(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; description?: string; groupId?: number | null },
) {
  authorize(actor, 'admin.catalog.manage');
  const name = requireName(input.name)!;
  await checkGroup(ctx, input.groupId);
  const at = ctx.clock.now().toISOString();
  const values = { name, description: input.description?.trim() ?? '', group_id: input.groupId ?? null };
  return inTransaction(ctx, async (trx) => {
    const id = await insertService(trx, { ...values, created_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'service',
      entityId: id,
      action: 'create',
      before: undefined,
      after: values,
      at,
    });
    return id;
  });
}

export async function changeService(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name?: string; description?: string; groupId?: number | null },
) {
  authorize(actor, 'admin.catalog.manage');
  const before = await findServiceRow(ctx.db.kysely, id);
  if (!before) throw notFound('Service');
  const name = requireName(input.name);
  await checkGroup(ctx, input.groupId);
  const values = {
    ...(name !== undefined && { name }),
    ...(input.description !== undefined && { description: input.description.trim() }),
    ...(input.groupId !== undefined && { group_id: input.groupId }),
  };
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateService(trx, id, values);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'service',
      entityId: id,
      action: 'update',
      before,
      after: { ...before, ...values },
      at,
    });
  });
}

export async function createGroup(ctx: AppContext, actor: Actor, input: { name: string; tier: number }) {
  authorize(actor, 'admin.catalog.manage');
  const name = requireName(input.name)!;
  if (await groupNameTaken(ctx.db.kysely, name, null))
    throw conflict('name_taken', 'A group with this name exists', ['name']);
  const at = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const id = await insertGroup(trx, { name, tier: input.tier, created_at: at });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'group',
      entityId: id,
      action: 'create',
      before: undefined,
      after: { name, tier: input.tier },
      at,
    });
    return id;
  });
}

/** Renames a group, changes its tier, or replaces its members (active staff only). */
export async function changeGroup(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name?: string; tier?: number; memberIds?: number[] },
) {
  authorize(actor, 'admin.catalog.manage');
  const before = await findGroupRow(ctx.db.kysely, id);
  if (!before) throw notFound('Group');
  const name = requireName(input.name);
  if (name !== undefined && (await groupNameTaken(ctx.db.kysely, name, id)))
    throw conflict('name_taken', 'A group with this name exists', ['name']);
  const members = input.memberIds ? [...new Set(input.memberIds)].sort((a, b) => a - b) : undefined;
  if (members && (await activeStaffIds(ctx.db.kysely, members)).length !== members.length) {
    throw badRequest('Members must be active staff users', ['memberIds']);
  }
  const beforeMembers = await listGroupMembers(ctx.db.kysely, id);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateGroup(trx, id, {
      ...(name !== undefined && { name }),
      ...(input.tier !== undefined && { tier: input.tier }),
    });
    if (members) await replaceGroupMembers(trx, id, members);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'group',
      entityId: id,
      action: 'update',
      before: { ...before, memberIds: beforeMembers },
      after: { name: name ?? before.name, tier: input.tier ?? before.tier, memberIds: members ?? beforeMembers },
      at,
    });
  });
}

/** Deletes a category, service or group nothing refers to any more (409 `in_use` otherwise). */
export async function deleteCatalogEntry(
  ctx: AppContext,
  actor: Actor,
  table: CatalogTable,
  id: number,
): Promise<void> {
  authorize(actor, 'admin.catalog.manage');
  const exists =
    table === 'categories'
      ? await findCategory(ctx.db.kysely, id)
      : table === 'services'
        ? await findServiceRow(ctx.db.kysely, id)
        : await findGroupRow(ctx.db.kysely, id);
  if (!exists) throw notFound(ENTITY[table]);
  if (
    (await catalogRowInUse(ctx.db.kysely, table, id)) ||
    (table === 'categories' && (await hasChildCategories(ctx.db.kysely, id)))
  ) {
    throw conflict('in_use', `This ${ENTITY[table]} is still in use`);
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteCatalogRow(trx, table, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: ENTITY[table],
      entityId: id,
      action: 'delete',
      before: exists,
      after: undefined,
      at,
    });
  });
}

export async function groupMembers(ctx: AppContext, id: number): Promise<number[]> {
  if (!(await findGroupRow(ctx.db.kysely, id))) throw notFound('Group');
  return listGroupMembers(ctx.db.kysely, id);
}
