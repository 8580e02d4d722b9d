import { isAgent } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../platform/errors.ts';
import { loadActor } from '../auth/actor.ts';
import { categoryExists, findService, groupExists } from '../catalog/catalog.repo.ts';

/** References a ticket may carry; each is checked to exist before anything is written. */
export interface TicketRefs {
  categoryId?: number | null;
  serviceId?: number | null;
  groupId?: number | null;
  ownerId?: number | null;
  requesterId?: number;
}

/**
 * Validates references, collecting every bad field into one 400 so the user fixes all at once.
 * Returns the service's group (used to route new tickets).
 */
export async function validateTicketRefs(
  ctx: AppContext,
  refs: TicketRefs,
): Promise<{ serviceGroupId: number | null }> {
  const bad: string[] = [];
  let serviceGroupId: number | null = null;
  if (refs.categoryId != null && !(await categoryExists(ctx.db.kysely, refs.categoryId))) bad.push('categoryId');
  if (refs.serviceId != null) {
    const service = await findService(ctx.db.kysely, refs.serviceId);
    if (!service) bad.push('serviceId');
    serviceGroupId = service?.group_id ?? null;
  }
  if (refs.groupId != null && !(await groupExists(ctx.db.kysely, refs.groupId))) bad.push('groupId');
  if (refs.ownerId != null) {
    const owner = await loadActor(ctx.db, refs.ownerId);
    if (!owner || !isAgent(owner)) bad.push('ownerId');
  }
  if (refs.requesterId !== undefined) {
    const requester = await loadActor(ctx.db, refs.requesterId);
    if (!requester) bad.push('requesterId');
  }
  if (bad.length > 0) throw badRequest(`Unknown or unusable: ${bad.join(', ')}`, bad);
  return { serviceGroupId };
}
