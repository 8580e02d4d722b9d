import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../kysely.ts';

/** A migration that knows which engine it runs on, for the few unavoidable differences. */
export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Column type for UTC instants: ISO text on SQLite, timestamptz on PostgreSQL. */
export function instantType(dialect: DialectName): 'text' | 'timestamptz' {
  return dialect === 'postgres' ? 'timestamptz' : 'text';
}

/** Adds an integer surrogate primary key named `id`. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  );
}
