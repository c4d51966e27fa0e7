/**
 * True when `error` is the database refusing a row for a unique index or key. The one place that
 * knows the driver's error shape (better-sqlite3 today; PostgreSQL reports SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, table: pgTable } = error as { code?: unknown; message?: unknown; table?: unknown };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return table === undefined || String(message).includes(`: ${table}.`);
  }
  return code === '23505' && (table === undefined || pgTable === table);
}
