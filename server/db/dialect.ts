import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/** Any database or transaction, whatever its schema (migrations see `Kysely<any>`, features `Db`). */
type SomeDb = Pick<Kysely<unknown>, 'getExecutor'>;

/**
 * The few places where SQLite and PostgreSQL need different SQL, kept here so that features and migrations stay
 * dialect-free. The dialect is read off the adapter, so it works on a transaction (migrations run in one on
 * PostgreSQL) as on the database itself.
 */
export function isPostgres(db: SomeDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The current instant as an ISO-8601 UTC string with milliseconds, the shape of `Date.prototype.toISOString()`. */
export function nowIso(db: SomeDb): RawBuilder<string> {
  return isPostgres(db)
    ? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
}

/** An integer primary key the database numbers: SQLite's `autoincrement`, PostgreSQL's identity column. */
export function autoId(db: SomeDb): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db)
    ? (column) => column.primaryKey().generatedByDefaultAsIdentity()
    : (column) => column.primaryKey().autoIncrement();
}

/** The column type for bytes. */
export function bytesType(db: SomeDb): 'blob' | 'bytea' {
  return isPostgres(db) ? 'bytea' : 'blob';
}
