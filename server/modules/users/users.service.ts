import { LOCALES, type Locale } from '../../../common/domain.ts';
import type { Actor } from '../../authz/policy.ts';
import { authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { requireName } from '../../platform/input.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { deleteSessionsOfUser } from '../auth/auth.repo.ts';
import { hashPassword, temporaryPassword } from '../auth/password.ts';
import { organizationExists } from '../organizations/organizations.repo.ts';
import { presentUser, type UserView } from './users.presenter.ts';
import {
  findOrganizationByDomain,
  findRoleByKey,
  findUserByEmail,
  findUserById,
  findUserByIdIn,
  insertUser,
  listUsers,
  markEmailVerified,
  updateUser,
} from './users.repo.ts';

export const MIN_PASSWORD_LENGTH = 8;

export interface NewUserInput {
  email: string;
  name: string;
  password?: string;
  role: string;
  locale?: string;
  organizationId?: number | null;
  /**
   * Join the organization of the e-mail domain (customers without one). False for
   * self-registration: nobody has proven yet that they read mail at that address.
   */
  joinDomainOrganization?: boolean;
  /**
   * Whoever creates the user vouches for the address (admins, the CLI, demo data), so it counts
   * as verified unless this is false: self-registration and contacts created from mail, whose
   * address is proven only by a used mailed link (ADR 0025).
   */
  emailVerified?: boolean;
}

/** Lower-cased, trimmed e-mail: the one form we store and look up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function pickLocale(locale: string | undefined): Locale {
  return (LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : 'en';
}

/**
 * Creates a user. Used by self-registration (role customer, no actor) and by admins.
 * A customer whose e-mail domain matches an organization joins it. `alsoWrite` runs in the
 * same transaction (registration's confirmation mail).
 */
export async function createUser(
  ctx: AppContext,
  input: NewUserInput,
  alsoWrite?: (trx: Trx, userId: number) => Promise<void>,
): Promise<UserView> {
  const email = normalizeEmail(input.email);
  const name = requireName(input.name)!;
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Password must have at least ${MIN_PASSWORD_LENGTH} characters`, ['password']);
  }
  const role = await findRoleByKey(ctx.db, input.role);
  if (!role) throw badRequest(`Unknown role ${input.role}`, ['role']);
  if (await findUserByEmail(ctx.db, email))
    throw conflict('email_taken', 'This e-mail address is already registered', ['email']);
  let organizationId = input.organizationId ?? null;
  await checkOrganization(ctx, organizationId);
  if (organizationId === null && role.key === 'customer' && input.joinDomainOrganization !== false) {
    organizationId = (await findOrganizationByDomain(ctx.db.kysely, email.split('@')[1] ?? ''))?.id ?? null;
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const now = ctx.clock.now().toISOString();
  try {
    const id = await inTransaction(ctx, async (trx) => {
      const userId = await insertUser(trx, {
        email,
        name,
        password_hash: passwordHash,
        role_id: role.id,
        organization_id: organizationId,
        locale: pickLocale(input.locale),
        active: 1,
        email_verified_at: input.emailVerified === false ? null : now,
        created_at: now,
        updated_at: now,
      });
      await emit(trx, now, { type: 'user.changed', payload: { userId } });
      await alsoWrite?.(trx, userId);
      return userId;
    });
    return presentUser((await findUserById(ctx.db, id))!);
  } catch (error) {
    // Two registrations racing for one address: the unique index decides.
    if (await findUserByEmail(ctx.db, email))
      throw conflict('email_taken', 'This e-mail address is already registered', ['email']);
    throw error;
  }
}

/**
 * Records, in the caller's transaction, that the user proved they read mail at their address:
 * they used a link mailed to it (e-mail confirmation or password reset). The first proof marks
 * the address verified and joins a customer without an organization to the one of their e-mail
 * domain; later proofs change nothing, so a customer an admin took out of it stays out.
 * Returns whether they joined an organization now.
 */
export async function proveAddress(trx: Trx, userId: number, at: string): Promise<{ joinedOrganization: boolean }> {
  if (!(await markEmailVerified(trx, userId, at))) return { joinedOrganization: false };
  await emit(trx, at, { type: 'user.changed', payload: { userId } });
  const user = await findUserByIdIn(trx, userId);
  if (user?.role_key !== 'customer' || user.organization_id !== null) return { joinedOrganization: false };
  const organization = await findOrganizationByDomain(trx, user.email.split('@')[1] ?? '');
  if (!organization) return { joinedOrganization: false };
  await updateUser(trx, userId, { organization_id: organization.id, updated_at: at });
  return { joinedOrganization: true };
}

async function checkOrganization(ctx: AppContext, organizationId: number | null | undefined): Promise<void> {
  if (
    organizationId !== undefined &&
    organizationId !== null &&
    !(await organizationExists(ctx.db.kysely, organizationId))
  )
    throw badRequest('Unknown organization', ['organizationId']);
}

/** Admin: create a user with any role. */
export async function createUserAsAdmin(ctx: AppContext, actor: Actor, input: NewUserInput): Promise<UserView> {
  authorize(actor, 'admin.users.manage');
  return createUser(ctx, input);
}

export interface UserChanges {
  name?: string;
  role?: string;
  active?: boolean;
  locale?: string;
  organizationId?: number | null;
}

/** Admin: change a user's name, role, organization, language or active flag. */
export async function updateUserAsAdmin(
  ctx: AppContext,
  actor: Actor,
  id: number,
  changes: UserChanges,
): Promise<UserView> {
  authorize(actor, 'admin.users.manage');
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound('User');
  if (id === actor.id && (changes.active === false || (changes.role && changes.role !== user.role_key))) {
    throw badRequest(
      'You cannot deactivate yourself or change your own role',
      changes.active === false ? ['active'] : ['role'],
    );
  }
  let roleId: number | undefined;
  if (changes.role !== undefined) {
    const role = await findRoleByKey(ctx.db, changes.role);
    if (!role) throw badRequest(`Unknown role ${changes.role}`, ['role']);
    roleId = role.id;
  }
  const name = requireName(changes.name);
  await checkOrganization(ctx, changes.organizationId);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    // Who changed whose role, access or organization (joining one shares tickets) is audited.
    const before = presentUser(user);
    const fields = (['name', 'role', 'active', 'locale', 'organizationId'] as const).filter(
      (k) => changes[k] !== undefined && changes[k] !== before[k],
    );
    if (fields.length > 0) {
      await recordAudit(trx, {
        actorId: actor.id,
        entity: 'user',
        entityId: id,
        action: 'update',
        before: Object.fromEntries(fields.map((k) => [k, before[k]])),
        after: Object.fromEntries(fields.map((k) => [k, changes[k]])),
        at: now,
      });
    }
    await updateUser(trx, id, {
      ...(name !== undefined && { name }),
      ...(roleId !== undefined && { role_id: roleId }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      ...(changes.locale !== undefined && { locale: pickLocale(changes.locale) }),
      ...(changes.organizationId !== undefined && { organization_id: changes.organizationId }),
      updated_at: now,
    });
    // The search index follows names, roles and organizations (search.jobs.ts).
    await emit(trx, now, { type: 'user.changed', payload: { userId: id } });
  });
  // A deactivated user is logged out everywhere at once.
  if (changes.active === false) await deleteSessionsOfUser(ctx.db.kysely, id);
  return presentUser((await findUserById(ctx.db, id))!);
}

/** A user changes their own name or language. */
export async function updateOwnProfile(
  ctx: AppContext,
  actor: Actor,
  changes: { name?: string; locale?: string },
): Promise<UserView> {
  const name = requireName(changes.name);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateUser(trx, actor.id, {
      ...(name !== undefined && { name }),
      ...(changes.locale !== undefined && { locale: pickLocale(changes.locale) }),
      updated_at: now,
    });
    await emit(trx, now, { type: 'user.changed', payload: { userId: actor.id } });
  });
  return presentUser((await findUserById(ctx.db, actor.id))!);
}

/**
 * Sets a new password (given, or a generated temporary one that is returned once) and ends
 * the user's sessions.
 */
export async function resetPassword(ctx: AppContext, userId: number, password?: string): Promise<string> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  const next = password ?? temporaryPassword();
  if (next.length < MIN_PASSWORD_LENGTH)
    throw badRequest(`Password must have at least ${MIN_PASSWORD_LENGTH} characters`, ['password']);
  await updateUser(ctx.db.kysely, userId, {
    password_hash: await hashPassword(next),
    updated_at: ctx.clock.now().toISOString(),
  });
  await deleteSessionsOfUser(ctx.db.kysely, userId);
  return next;
}

/** Admin: reset a user's password to a temporary one. */
export async function resetPasswordAsAdmin(ctx: AppContext, actor: Actor, userId: number): Promise<string> {
  authorize(actor, 'admin.users.manage');
  return resetPassword(ctx, userId);
}

/** The user directory: agents look up customers and colleagues; admins see everyone. */
export async function searchUsers(
  ctx: AppContext,
  actor: Actor,
  filter: { q?: string; role?: string[]; agents?: boolean; limit?: number },
): Promise<UserView[]> {
  authorize(actor, 'user.directory');
  const rows = await listUsers(ctx.db, {
    roles: filter.role,
    q: filter.q?.trim() || undefined,
    // `agents` asks for people who can work tickets now (watcher and assignee pickers): active ones only.
    activeOnly: filter.agents === true || !actor.permissions.has('admin.users.manage'),
    agentsOnly: filter.agents === true,
    limit: Math.min(filter.limit ?? 50, 200),
  });
  return rows.map(presentUser);
}
