import { type Insertable, sql } from 'kysely';
import type {
  CascadeLevel,
  NotificationChannel,
  NotificationEvent,
  RecipientRole,
} from '../../../common/notifications.ts';
import { isPermission, type Permission } from '../../../common/permissions.ts';
import { type FieldRules, parseFieldRules } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { NotificationTable } from '../../db/schema.ts';
import type { NotificationRule } from './cascade.model.ts';

type Executor = Db['kysely'] | Trx;

/**
 * A fingerprint of the whole rule table: changes whenever a rule is added, removed or edited
 * (a checksum over every column plus the latest change time), so a cached index can be reused
 * until then. One scan of a few hundred narrow rows, far cheaper than loading and indexing them.
 */
export async function rulesFingerprint(db: Executor): Promise<string> {
  const row = await db
    .selectFrom('notification_rules')
    .select([
      sql<string>`count(*)`.as('n'),
      sql<string>`max(updated_at)`.as('u'),
      sql<string>`sum(id * 7 + enabled * 3 + user_overridable * 5 + coalesce(category_id, 0) * 11
        + coalesce(service_id, 0) * 13 + coalesce(user_id, 0) * 17 + length(event) * 19 + length(level) * 23
        + length(recipient_role) * 29 + length(channel) * 31 + length(coalesce(status_to, '')) * 37
        + length(coalesce(ticket_type, '')) * 41)`.as('c'),
    ])
    .executeTakeFirstOrThrow();
  return `${row.n}|${row.u}|${row.c}`;
}

/** Every rule (all levels), or those of the given events, as the cascade sees them. */
export async function loadRulesForEvents(db: Executor, events?: readonly string[]): Promise<NotificationRule[]> {
  if (events?.length === 0) return [];
  let query = db.selectFrom('notification_rules').selectAll();
  if (events) query = query.where('event', 'in', events);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    level: row.level as CascadeLevel,
    ticketType: row.ticket_type,
    serviceId: row.service_id,
    userId: row.user_id,
    event: row.event as NotificationEvent,
    categoryId: row.category_id,
    statusTo: row.status_to,
    recipientRole: row.recipient_role as RecipientRole,
    channel: row.channel as NotificationChannel,
    enabled: row.enabled === 1,
    userOverridable: row.user_overridable === 1,
  }));
}

/** Active members of a support group. */
export async function groupMemberIds(db: Executor, groupId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select('users.id')
    .where('group_members.group_id', '=', groupId)
    .where('users.active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/** People following a ticket. */
export async function watcherIds(db: Executor, ticketId: number): Promise<number[]> {
  const rows = await db.selectFrom('ticket_watchers').select('user_id').where('ticket_id', '=', ticketId).execute();
  return rows.map((r) => r.user_id);
}

/** Active users of an organization (the requester's colleagues). */
export async function organizationUserIds(db: Executor, organizationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Active users whose role grants `permission`, with the groups they belong to. Roles store their
 * permissions as a JSON array, so the filter is a text match refined in code.
 */
export async function usersWithPermission(
  db: Executor,
  permission: string,
): Promise<{ id: number; groupIds: number[] }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('group_members', 'group_members.user_id', 'users.id')
    .select(['users.id', 'roles.permissions', 'group_members.group_id'])
    .where('users.active', '=', 1)
    .where('roles.permissions', 'like', `%"${permission}"%`)
    .execute();
  const out = new Map<number, number[]>();
  for (const row of rows) {
    if (!(JSON.parse(row.permissions) as string[]).includes(permission)) continue;
    const groups = out.get(row.id) ?? [];
    if (row.group_id !== null) groups.push(row.group_id);
    out.set(row.id, groups);
  }
  return [...out].map(([id, groupIds]) => ({ id, groupIds }));
}

/** Active agents (candidates for an @mention): id and name. */
export async function agentNames(db: Executor): Promise<{ id: number; name: string; email: string }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select(['users.id', 'users.name', 'users.email', 'roles.permissions'])
    .where('users.active', '=', 1)
    .where('roles.permissions', 'like', '%"menu.agent"%')
    .execute();
  return rows
    .filter((r) => (JSON.parse(r.permissions) as string[]).includes('menu.agent'))
    .map(({ id, name, email }) => ({ id, name, email }));
}

/**
 * Active people as authorization sees them, loaded together (two queries for any number), the
 * same shape `loadActor` gives for one. A fan-out to 60 people would otherwise take 120 queries.
 */
export async function loadActors(db: Executor, ids: readonly number[]): Promise<Map<number, Actor>> {
  const out = new Map<number, Actor>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('organizations', 'organizations.id', 'users.organization_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.locale',
      'users.organization_id',
      'roles.key as role_key',
      'roles.permissions',
      'roles.field_rules',
      'organizations.shared_tickets',
    ])
    .where('users.id', 'in', ids)
    .where('users.active', '=', 1)
    .execute();
  const memberships = await db
    .selectFrom('group_members')
    .select(['user_id', 'group_id'])
    .where('user_id', 'in', ids)
    .execute();
  // Roles repeat across people: parse each role's JSON once.
  const roles = new Map<string, { permissions: ReadonlySet<Permission>; fieldRules: FieldRules }>();
  for (const row of rows) {
    let role = roles.get(row.role_key);
    if (!role) {
      const permissions = new Set((JSON.parse(row.permissions) as string[]).filter(isPermission));
      role = { permissions, fieldRules: parseFieldRules(row.field_rules) };
      roles.set(row.role_key, role);
    }
    out.set(row.id, {
      id: row.id,
      email: row.email,
      name: row.name,
      roleKey: row.role_key,
      locale: row.locale,
      organizationId: row.organization_id,
      organizationSharesTickets: row.shared_tickets === 1,
      groupIds: memberships.filter((m) => m.user_id === row.id).map((m) => m.group_id),
      permissions: role.permissions,
      fieldRules: role.fieldRules,
    });
  }
  return out;
}

/** Inserts in-app notifications, skipping those already delivered (same dedupe key); returns the new ones. */
export async function insertNotificationsOnce(
  trx: Executor,
  rows: Insertable<NotificationTable>[],
): Promise<{ id: number; user_id: number }[]> {
  const out: { id: number; user_id: number }[] = [];
  // Chunks keep each statement well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 200) {
    const inserted = await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'user_id'])
      .execute();
    out.push(...inserted);
  }
  return out;
}
