import { isPermission, type Permission } from '../../../common/permissions.ts';
import { type FieldRules, parseFieldRules } from '../../authz/fields.ts';
import { type Actor, authorize } from '../../authz/policy.ts';
import { type AppContext, inTransaction } from '../../context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import {
  deleteUnusedRole,
  findRoleRow,
  insertRole,
  listRolesWithUsage,
  type RoleRow,
  roleKeyExists,
  updateRole,
} from './roles.repo.ts';

/** Field rules as they arrive over the API (validated by the route schema, normalized here). */
export interface FieldRulesInput {
  default: Record<string, string>;
  overrides: { field: string; access: string; types?: string[]; statuses?: string[] }[];
}

const normalizeRules = (input: FieldRulesInput): FieldRules => parseFieldRules(JSON.stringify(input));

/** Roles the product itself relies on: registration makes customers; someone must administer. */
const REQUIRED_ROLES = new Set(['customer', 'admin']);

export interface RoleView {
  id: number;
  key: string;
  name: string;
  permissions: Permission[];
  fieldRules: FieldRules;
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

function presentRole(row: RoleRow): RoleView {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    permissions: (JSON.parse(row.permissions) as string[]).filter(isPermission),
    fieldRules: parseFieldRules(row.field_rules),
    userCount: Number(row.user_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a role: everything that decides access. */
const snapshot = (role: RoleView) => ({
  key: role.key,
  name: role.name,
  permissions: role.permissions,
  fieldRules: role.fieldRules,
});

function checkPermissions(names: string[]): Permission[] {
  const unknown = names.filter((n) => !isPermission(n));
  if (unknown.length > 0) throw badRequest(`Unknown permissions: ${unknown.join(', ')}`, ['permissions']);
  return [...new Set(names as Permission[])].sort();
}

/** A URL-safe key from a role name, made unique with a number when taken. */
async function uniqueKey(ctx: AppContext, wanted: string): Promise<string> {
  const base =
    wanted
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'role';
  let key = base;
  for (let n = 2; await roleKeyExists(ctx.db.kysely, key); n++) key = `${base}_${n}`;
  return key;
}

async function loadRole(ctx: AppContext, id: number): Promise<RoleView> {
  const row = await findRoleRow(ctx.db.kysely, id);
  if (!row) throw notFound('Role');
  return presentRole(row);
}

/** Every role with its permissions, field rules and how many users hold it. */
export async function listRoleDetails(ctx: AppContext): Promise<RoleView[]> {
  return (await listRolesWithUsage(ctx.db.kysely)).map(presentRole);
}

/** Creates a role, optionally as a copy of another (its permissions and field rules). */
export async function createRole(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; key?: string; permissions?: string[]; fieldRules?: FieldRulesInput; copyFromId?: number },
): Promise<RoleView> {
  authorize(actor, 'admin.roles.manage');
  const name = input.name.trim();
  if (!name) throw badRequest('Name is required', ['name']);
  const source = input.copyFromId !== undefined ? await loadRole(ctx, input.copyFromId).catch(() => null) : null;
  if (input.copyFromId !== undefined && !source) throw badRequest('The role to copy does not exist', ['copyFromId']);
  if (input.key !== undefined && (await roleKeyExists(ctx.db.kysely, input.key))) {
    throw conflict('role_key_taken', `A role with key ${input.key} exists`, ['key']);
  }
  const key = input.key ?? (await uniqueKey(ctx, name));
  const permissions = checkPermissions(input.permissions ?? source?.permissions ?? []);
  const fieldRules = input.fieldRules
    ? normalizeRules(input.fieldRules)
    : (source?.fieldRules ?? parseFieldRules('{}'));
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const newId = await insertRole(trx, {
      key,
      name,
      permissions: JSON.stringify(permissions),
      field_rules: JSON.stringify(fieldRules),
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'role',
      entityId: newId,
      action: source ? 'copy' : 'create',
      before: source ? snapshot(source) : undefined,
      after: { key, name, permissions, fieldRules },
      at,
    });
    return newId;
  });
  return loadRole(ctx, id);
}

/** Renames a role or replaces its permissions or field rules; takes effect on the next request. */
export async function updateRoleDefinition(
  ctx: AppContext,
  actor: Actor,
  id: number,
  changes: { name?: string; permissions?: string[]; fieldRules?: FieldRulesInput },
): Promise<RoleView> {
  authorize(actor, 'admin.roles.manage');
  const before = await loadRole(ctx, id);
  const name = changes.name?.trim();
  if (changes.name !== undefined && !name) throw badRequest('Name is required', ['name']);
  const permissions = changes.permissions ? checkPermissions(changes.permissions) : undefined;
  // An admin must not lock themselves (and everyone) out of role administration.
  if (permissions && actor.roleKey === before.key && !permissions.includes('admin.roles.manage')) {
    throw badRequest('You cannot remove role administration from your own role', ['permissions']);
  }
  const fieldRules = changes.fieldRules ? normalizeRules(changes.fieldRules) : undefined;
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateRole(trx, id, {
      ...(name !== undefined && { name }),
      ...(permissions && { permissions: JSON.stringify(permissions) }),
      ...(fieldRules && { field_rules: JSON.stringify(fieldRules) }),
      updated_at: at,
    });
    const after = {
      ...snapshot(before),
      ...(name !== undefined && { name }),
      ...(permissions && { permissions }),
      ...(fieldRules && { fieldRules }),
    };
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'role',
      entityId: id,
      action: 'update',
      before: snapshot(before),
      after,
      at,
    });
  });
  return loadRole(ctx, id);
}

/** Deletes a role nobody holds. The roles the product needs cannot be deleted. */
export async function deleteRole(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'admin.roles.manage');
  const role = await loadRole(ctx, id);
  if (REQUIRED_ROLES.has(role.key))
    throw conflict('role_required', `The ${role.key} role is needed by Frontdesk itself`);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    if (!(await deleteUnusedRole(trx, id))) {
      throw conflict('role_in_use', `${role.userCount} user(s) still have this role; give them another one first`);
    }
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'role',
      entityId: id,
      action: 'delete',
      before: snapshot(role),
      after: undefined,
      at,
    });
  });
}
