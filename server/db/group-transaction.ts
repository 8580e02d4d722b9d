import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Transaction,
} from 'kysely';
import type { Db } from './kysely.ts';
import type { Database } from './schema.ts';

/** Every query of the group goes through the one open transaction. */
class GroupConnection implements DatabaseConnection {
  readonly #trx: Transaction<Database>;

  constructor(trx: Transaction<Database>) {
    this.#trx = trx;
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.#trx.executeQuery<R>(compiledQuery);
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered inside a group; failing loudly is the point.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported inside a group transaction');
  }
}

/**
 * A driver whose "transactions" are savepoints of the enclosing transaction: code that opens its
 * own transaction (the ticket services) nests inside the group, and a failure rolls back only
 * its own work.
 */
class SavepointDriver implements Driver {
  readonly #connection: GroupConnection;
  readonly #open: string[] = [];
  #next = 0;

  constructor(trx: Transaction<Database>) {
    this.#connection = new GroupConnection(trx);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const name = `fd_group_${++this.#next}`;
    this.#open.push(name);
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${this.#open.pop()}`));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#open.pop();
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/**
 * Kysely serialises SQLite connections with a mutex held for a whole transaction; inside a group
 * the code that opened a savepoint still reads through the group's `Db`, so that lock must go.
 * Queries still run one at a time: the caller awaits each.
 */
class GroupSqliteAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

function groupDialect(db: Db, trx: Transaction<Database>): Dialect {
  const sqlite = db.dialect === 'sqlite';
  return {
    createDriver: () => new SavepointDriver(trx),
    createAdapter: () => (sqlite ? new GroupSqliteAdapter() : new PostgresAdapter()),
    createQueryCompiler: () => (sqlite ? new SqliteQueryCompiler() : new PostgresQueryCompiler()),
    createIntrospector: (kysely) => (sqlite ? new SqliteIntrospector(kysely) : new PostgresIntrospector(kysely)),
  };
}

/** Configuration read once per group, by the group's query builder. */
const groupMemos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Loads configuration (settings, custom field definitions, …) once per group transaction when
 * `executor` is a group's query builder; anywhere else just loads. Filing never changes what is
 * read this way, and a group lasts a fraction of a second, so the shared copy cannot go stale.
 * Callers must not mutate the value.
 */
export function readOncePerGroup<T>(executor: object, key: string, load: () => Promise<T>): Promise<T> {
  const memo = groupMemos.get(executor);
  if (!memo) return load();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}

/**
 * Runs `work` inside ONE database transaction (group commit) with a `Db` whose queries all go
 * through it and whose `transaction()` opens a savepoint instead. Services written for their own
 * transaction run unchanged against it; wrap each unit of work in `transaction()` so a failing
 * one is rolled back alone while the others commit together. Only `work` may use the returned
 * `Db`, one query at a time (it is one connection), and it must not touch the outer `db` (on
 * SQLite that would wait for the connection this transaction holds).
 */
export async function inGroupTransaction<T>(db: Db, work: (group: Db) => Promise<T>): Promise<T> {
  return db.kysely.transaction().execute(async (trx) => {
    const kysely = new Kysely<Database>({ dialect: groupDialect(db, trx) });
    groupMemos.set(kysely, new Map());
    return work({ ...db, kysely, close: async () => {} });
  });
}
