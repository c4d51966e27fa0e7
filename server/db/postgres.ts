import type pg from 'pg';

/**
 * A `pg` pool that reads numbers the way better-sqlite3 does: PostgreSQL's `count(*)` and `sum` give `bigint` and
 * `avg` gives `numeric`, which `pg` returns as strings by default. Counts here stay far below 2^53. `pg` is loaded
 * here, on first use, so that a server on SQLite never spends start-up time loading it.
 */
export async function postgresPool(connectionString: string, max = 10): Promise<pg.Pool> {
  const { default: pg } = await import('pg');
  return new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
        if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
}
