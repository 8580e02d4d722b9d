import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { Actor } from './authz/policy.ts';
import type { Config } from './config.ts';
import type { Db } from './db/kysely.ts';
import type { Database } from './db/schema.ts';
import type { MailParsing } from './modules/mail/parse-pool.ts';
import type { MailTransport } from './modules/mail/transport.ts';
import type { WorkflowStore } from './modules/workflow/workflow.store.ts';
import type { Clock } from './platform/clock.ts';
import type { Worker } from './platform/jobs.ts';
import type { RealtimeHub } from './platform/realtime.ts';
import type { LocalStorage } from './platform/storage.ts';

/**
 * What services need from the outside world, passed explicitly. Services take only the
 * parts they use; nothing here carries business rules.
 */
export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  storage: LocalStorage;
  realtime: RealtimeHub<Actor>;
  worker: Worker;
  log: FastifyBaseLogger;
  /** Statuses, types and transitions, cached (see WorkflowStore). */
  workflow: WorkflowStore;
  /** The instance secret (encrypts stored mailbox passwords). */
  secret: Buffer;
  /** Outgoing mail: SMTP, or the dev mailbox when SMTP is not configured. */
  mailTransport: MailTransport;
  /** Parses inbound mail, on worker threads and ahead of filing when configured. */
  mailParsing: MailParsing;
}

export type Trx = Transaction<Database>;

/**
 * Runs `work` in one transaction (rows + history + outbox events) and wakes the worker
 * after commit so the events are processed at once.
 */
export async function inTransaction<T>(ctx: AppContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await ctx.db.kysely.transaction().execute(work);
  ctx.worker.nudge();
  return result;
}
