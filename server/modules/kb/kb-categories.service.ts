import type { CategoryVisibility } from '../../../common/kb.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { categoryRank, type KbViewer, visibleCategoryLevels } from './kb.policy.ts';
import {
  categoryUsage,
  deleteCategory,
  findCategory,
  findCategoryBySlug,
  insertCategory,
  type KbCategoryRow,
  listCategoryRows,
  updateCategory,
} from './kb.repo.ts';

export interface CategoryInput {
  name: string;
  slug: string;
  parentId: number | null;
  position: number;
  visibility: CategoryVisibility;
}

export interface CategoryView extends CategoryInput {
  id: number;
}

function present(row: KbCategoryRow): CategoryView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    parentId: row.parent_id,
    position: row.position,
    visibility: row.visibility as CategoryVisibility,
  };
}

/**
 * The categories the viewer may see, flat and ordered (the client builds the tree). A category
 * under a hidden parent is left out too, so the tree never has holes.
 */
export async function listCategories(ctx: AppContext, viewer: KbViewer): Promise<CategoryView[]> {
  const rows = await listCategoryRows(ctx.db.kysely, visibleCategoryLevels(viewer));
  const ids = new Set(rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reachable = (row: KbCategoryRow): boolean => {
    const seen = new Set<number>();
    let current: KbCategoryRow | undefined = row;
    while (current && current.parent_id !== null) {
      if (!ids.has(current.parent_id) || seen.has(current.id)) return false;
      seen.add(current.id);
      current = byId.get(current.parent_id);
    }
    return true;
  };
  return rows.filter(reachable).map(present);
}

/** A child may not be more open than its parent; the parent must exist and not be the category itself or below it. */
async function checkPlacement(ctx: AppContext, id: number | null, input: CategoryInput): Promise<void> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.slug)) {
    throw badRequest('The slug may contain lower-case letters, digits and dashes', ['slug']);
  }
  const sameSlug = await findCategoryBySlug(ctx.db.kysely, input.slug);
  if (sameSlug && sameSlug.id !== id) throw conflict('slug_taken', 'Another category has this slug', ['slug']);
  if (input.parentId === null) return;
  let parent = await findCategory(ctx.db.kysely, input.parentId);
  if (!parent) throw badRequest('Unknown parent category', ['parentId']);
  if (categoryRank(input.visibility) < categoryRank(parent.visibility)) {
    throw badRequest('A category cannot be more visible than its parent', ['visibility']);
  }
  // Walk up from the new parent: meeting the category itself would make a cycle.
  while (parent) {
    if (parent.id === id) throw badRequest('A category cannot be placed under itself', ['parentId']);
    parent = parent.parent_id === null ? undefined : await findCategory(ctx.db.kysely, parent.parent_id);
  }
}

/** Creates a category (knowledge-base owners). */
export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryInput): Promise<CategoryView> {
  authorize(actor, 'kb.publish');
  await checkPlacement(ctx, null, input);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const id = await insertCategory(trx, {
      name: input.name,
      slug: input.slug,
      parent_id: input.parentId,
      position: input.position,
      visibility: input.visibility,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_category',
      entityId: id,
      action: 'create',
      before: undefined,
      after: input,
      at,
    });
    return id;
  });
  return present((await findCategory(ctx.db.kysely, id))!);
}

/** Changes a category; children stay at least as restricted as their parent. */
export async function changeCategory(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: CategoryInput,
): Promise<CategoryView> {
  authorize(actor, 'kb.publish');
  const before = await findCategory(ctx.db.kysely, id);
  if (!before) throw notFound('Category');
  await checkPlacement(ctx, id, input);
  const children = (await listCategoryRows(ctx.db.kysely, null)).filter((c) => c.parent_id === id);
  if (children.some((c) => categoryRank(c.visibility) < categoryRank(input.visibility))) {
    throw badRequest('A sub-category is more visible than this; restrict it first', ['visibility']);
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateCategory(trx, id, {
      name: input.name,
      slug: input.slug,
      parent_id: input.parentId,
      position: input.position,
      visibility: input.visibility,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_category',
      entityId: id,
      action: 'update',
      before: present(before),
      after: input,
      at,
    });
  });
  return present((await findCategory(ctx.db.kysely, id))!);
}

/** Deletes an empty category; 409 while it has sub-categories or articles. */
export async function removeCategory(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'kb.publish');
  const before = await findCategory(ctx.db.kysely, id);
  if (!before) throw notFound('Category');
  const usage = await categoryUsage(ctx.db.kysely, id);
  if (usage.children > 0 || usage.articles > 0) {
    throw conflict('category_in_use', 'Move or delete the sub-categories and articles first');
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteCategory(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'kb_category',
      entityId: id,
      action: 'delete',
      before: present(before),
      after: undefined,
      at,
    });
  });
}
