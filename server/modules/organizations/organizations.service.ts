import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { emitMany } from '../../platform/events.ts';
import { requireName } from '../../platform/input.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import {
  deleteOrganization,
  domainTaken,
  findOrganization,
  insertOrganization,
  listMembers,
  listOrganizations,
  memberIds,
  type OrganizationRow,
  organizationReferences,
  updateOrganization,
} from './organizations.repo.ts';

/** The public shape of an organization. */
export interface OrganizationView {
  id: number;
  name: string;
  domain: string | null;
  sharedTickets: boolean;
  memberCount: number;
  createdAt: string;
}

function present(row: OrganizationRow): OrganizationView {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    sharedTickets: row.shared_tickets === 1,
    memberCount: Number(row.member_count ?? 0),
    createdAt: row.created_at,
  };
}

/** The audited snapshot: what an admin set, not derived counts. */
const snapshot = (o: { name: string; domain: string | null; sharedTickets: boolean }) => ({
  name: o.name,
  domain: o.domain,
  sharedTickets: o.sharedTickets,
});

// A host name of two or more labels; the last (the top-level domain) is not all digits.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The stored form of a domain: trimmed, lower case, without a leading "@" (people paste
 * "@example.com"). Empty means none. Customers join by the part of their address after "@",
 * which is stored lower case too (users.service normalizeEmail).
 */
function normalizeDomain(domain: string | null | undefined): string | null | undefined {
  if (domain === undefined || domain === null) return domain;
  const value = domain.trim().toLowerCase().replace(/^@/, '');
  if (value === '') return null;
  if (!DOMAIN.test(value)) throw badRequest('The domain must look like example.com', ['domain']);
  return value;
}

async function checkDomainFree(ctx: AppContext, domain: string | null | undefined, selfId: number | null) {
  if (domain && (await domainTaken(ctx.db.kysely, domain, selfId))) {
    throw conflict('domain_taken', 'Another organization already has this domain', ['domain']);
  }
}

/**
 * Runs a write that sets a domain; when it fails because another admin took the domain in the
 * meantime (the unique index), answers as the check before it would have.
 */
async function writingDomain<T>(
  ctx: AppContext,
  domain: string | null | undefined,
  selfId: number | null,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await checkDomainFree(ctx, domain, selfId);
    throw error;
  }
}

/** Every organization with its member count (pickers and the admin list). */
export async function listOrganizationViews(ctx: AppContext): Promise<OrganizationView[]> {
  return (await listOrganizations(ctx.db.kysely)).map(present);
}

/** Admin: one organization with its members. */
export async function getOrganization(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'admin.users.manage');
  const row = await findOrganization(ctx.db.kysely, id);
  if (!row) throw notFound('Organization');
  const members = await listMembers(ctx.db.kysely, id);
  return {
    ...present(row),
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role_key, active: m.active === 1 })),
  };
}

/** Admin: creates an organization. */
export async function createOrganization(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; domain?: string | null; sharedTickets?: boolean },
): Promise<OrganizationView> {
  authorize(actor, 'admin.users.manage');
  const name = requireName(input.name)!;
  const domain = normalizeDomain(input.domain) ?? null;
  await checkDomainFree(ctx, domain, null);
  const sharedTickets = input.sharedTickets ?? false;
  const at = ctx.clock.now().toISOString();
  const id = await writingDomain(ctx, domain, null, () =>
    inTransaction(ctx, async (trx) => {
      const id = await insertOrganization(trx, { name, domain, shared_tickets: sharedTickets ? 1 : 0, created_at: at });
      await recordAudit(trx, {
        actorId: actor.id,
        entity: 'organization',
        entityId: id,
        action: 'create',
        before: undefined,
        after: snapshot({ name, domain, sharedTickets }),
        at,
      });
      return id;
    }),
  );
  return present((await findOrganization(ctx.db.kysely, id))!);
}

/**
 * Admin: renames an organization, changes its domain (only people who join later are
 * affected) or whether members see each other's tickets (effective on their next request).
 */
export async function changeOrganization(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name?: string; domain?: string | null; sharedTickets?: boolean },
): Promise<OrganizationView> {
  authorize(actor, 'admin.users.manage');
  const row = await findOrganization(ctx.db.kysely, id);
  if (!row) throw notFound('Organization');
  const before = present(row);
  const name = requireName(input.name);
  const domain = normalizeDomain(input.domain);
  await checkDomainFree(ctx, domain, id);
  const after = {
    name: name ?? before.name,
    domain: domain !== undefined ? domain : before.domain,
    sharedTickets: input.sharedTickets ?? before.sharedTickets,
  };
  const at = ctx.clock.now().toISOString();
  await writingDomain(ctx, domain, id, () =>
    inTransaction(ctx, async (trx) => {
      await updateOrganization(trx, id, {
        name: after.name,
        domain: after.domain,
        shared_tickets: after.sharedTickets ? 1 : 0,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        entity: 'organization',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
        at,
      });
      // The people search shows each member's organization name (search.jobs.ts reindexes).
      if (after.name !== before.name) {
        const ids = await memberIds(trx, id);
        await emitMany(
          trx,
          at,
          ids.map((userId) => ({ type: 'user.changed' as const, payload: { userId } })),
        );
      }
    }),
  );
  return present((await findOrganization(ctx.db.kysely, id))!);
}

/**
 * Admin: deletes an organization nothing refers to. While it has members, tickets or SLA
 * contracts the answer is 409 `in_use`, and `fields` names which of them are left.
 */
export async function removeOrganization(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'admin.users.manage');
  const row = await findOrganization(ctx.db.kysely, id);
  if (!row) throw notFound('Organization');
  const refs = await organizationReferences(ctx.db.kysely, id);
  const inUse = (['members', 'tickets', 'contracts'] as const).filter((k) => refs[k]);
  if (inUse.length > 0) {
    throw conflict('in_use', `The organization still has ${inUse.join(', ')}`, [...inUse]);
  }
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await deleteOrganization(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'organization',
      entityId: id,
      action: 'delete',
      before: snapshot(present(row)),
      after: undefined,
      at,
    });
  });
}
