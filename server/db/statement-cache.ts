import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

/**
 * What Kysely's SQLite dialect needs of a database, with `prepare` remembering statements by their SQL.
 *
 * Kysely prepares every query afresh, and on the booking path SQLite's parser was the single largest cost (more
 * than running the statements). Queries built by the query builder repeat the same SQL with new parameters, so
 * the most recent `limit` distinct statements are kept. A statement still being iterated (a streamed query) is
 * busy and cannot be shared, so a second, uncached one is prepared for that caller.
 */
export function cachingStatements(sqlite: SqliteDatabase, limit = 256) {
  const statements = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): Statement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Re-insert so the Map's order stays least recently used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > limit) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
