import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';

type Executor = Db['kysely'] | Trx;

export interface AuditEntry {
  actorId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before: unknown;
  after: unknown;
  at: string;
}

/** Records one configuration change; call it in the transaction that makes the change. */
export async function recordAudit(trx: Executor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: entry.at,
    })
    .execute();
}

/** Newest first, optionally one entity kind, keyset-paginated by id. */
export async function listAudit(db: Executor, filter: { entity?: string; beforeId?: number; limit: number }) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.actor_id',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.before',
      'audit_log.after',
      'audit_log.created_at',
      'users.name as actor_name',
    ]);
  if (filter.entity) query = query.where('audit_log.entity', '=', filter.entity);
  if (filter.beforeId !== undefined) query = query.where('audit_log.id', '<', filter.beforeId);
  return query.orderBy('audit_log.id', 'desc').limit(filter.limit).execute();
}
