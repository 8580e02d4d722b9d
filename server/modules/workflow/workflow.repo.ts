import type { Trx } from '../../context.ts';
import type { Db } from '../../db/kysely.ts';
import type { TransitionActor } from './default-workflow.ts';
import {
  type StatusCategory,
  type StatusDef,
  type TicketTypeDef,
  type TransitionDef,
  type TransitionRequirement,
  Workflow,
} from './workflow.model.ts';

type Executor = Db['kysely'] | Trx;

/** Reads the whole workflow configuration (three small tables). */
export async function loadWorkflow(db: Executor): Promise<Workflow> {
  const [statuses, types, transitions] = await Promise.all([
    db.selectFrom('ticket_statuses').selectAll().execute(),
    db.selectFrom('ticket_types').selectAll().execute(),
    db.selectFrom('workflow_transitions').selectAll().orderBy('position').orderBy('id').execute(),
  ]);
  return new Workflow(
    statuses.map(
      (s): StatusDef => ({
        key: s.key,
        names: JSON.parse(s.names) as Record<string, string>,
        category: s.category as StatusCategory,
        pauseSla: s.pause_sla === 1,
        active: s.active === 1,
        system: s.system === 1,
        position: s.position,
      }),
    ),
    types.map(
      (t): TicketTypeDef => ({
        key: t.key,
        names: JSON.parse(t.names) as Record<string, string>,
        active: t.active === 1,
        system: t.system === 1,
        position: t.position,
      }),
    ),
    transitions.map(
      (t): TransitionDef => ({
        type: t.ticket_type,
        from: t.from_status,
        to: t.to_status,
        by: t.by_actor as TransitionActor,
        roles: JSON.parse(t.roles) as string[],
        requires: JSON.parse(t.requires) as TransitionRequirement[],
      }),
    ),
  );
}

export async function upsertStatus(db: Executor, s: StatusDef): Promise<void> {
  const values = {
    names: JSON.stringify(s.names),
    category: s.category,
    pause_sla: s.pauseSla ? 1 : 0,
    active: s.active ? 1 : 0,
    position: s.position,
  };
  await db
    .insertInto('ticket_statuses')
    .values({ key: s.key, system: 0, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteStatus(db: Executor, key: string): Promise<void> {
  await db
    .deleteFrom('workflow_transitions')
    .where((eb) => eb.or([eb('from_status', '=', key), eb('to_status', '=', key)]))
    .execute();
  await db.deleteFrom('ticket_statuses').where('key', '=', key).execute();
}

export async function upsertType(db: Executor, t: TicketTypeDef): Promise<void> {
  const values = { names: JSON.stringify(t.names), active: t.active ? 1 : 0, position: t.position };
  await db
    .insertInto('ticket_types')
    .values({ key: t.key, system: 0, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteType(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('workflow_transitions').where('ticket_type', '=', key).execute();
  await db.deleteFrom('ticket_types').where('key', '=', key).execute();
}

/** Replaces the transition set of one ticket type (null: the default set). */
export async function replaceTransitions(
  db: Executor,
  type: string | null,
  transitions: readonly TransitionDef[],
): Promise<void> {
  await db
    .deleteFrom('workflow_transitions')
    .where((eb) => (type === null ? eb('ticket_type', 'is', null) : eb('ticket_type', '=', type)))
    .execute();
  if (transitions.length === 0) return;
  await db
    .insertInto('workflow_transitions')
    .values(
      transitions.map((t, position) => ({
        ticket_type: type,
        from_status: t.from,
        to_status: t.to,
        by_actor: t.by,
        roles: JSON.stringify(t.roles),
        requires: JSON.stringify(t.requires),
        position,
      })),
    )
    .execute();
}

/** Whether any ticket has this status (or type): such statuses are retired, not deleted. */
export async function ticketsWith(db: Executor, column: 'status' | 'type', key: string): Promise<boolean> {
  return (await db.selectFrom('tickets').select('id').where(column, '=', key).executeTakeFirst()) !== undefined;
}
