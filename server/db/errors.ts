/**
 * True when `error` is the database refusing a row for a unique index or key, or (PostgreSQL) for an exclusion
 * constraint such as the one against overlapping appointments. The one place that knows the drivers' error shapes:
 * better-sqlite3's codes, PostgreSQL's SQLSTATE 23505 (unique) and 23P01 (exclusion).
 */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, table: pgTable } = error as { code?: unknown; message?: unknown; table?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return table === undefined || String(message).includes(`: ${table}.`);
  }
  return (code === '23505' || code === '23P01') && (table === undefined || pgTable === table);
}

/**
 * True when PostgreSQL refused a value it cannot hold, whatever the column: a NUL character in text (SQLSTATE 22021;
 * SQLite stores it) or a number beyond the column's range (22003). Such a value came from the request: bad input.
 */
export function isUnstorableValue(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '22021' || code === '22003';
}
