import type { ColumnType } from 'kysely';

/**
 * Instants are ISO-8601 UTC strings (`Date.prototype.toISOString()`): they sort as text on
 * SQLite and PostgreSQL alike. Local wall-clock values (weekly hours) are `HH:mm`, dates `YYYY-MM-DD`.
 */
export type Instant = string;
/** Filled by the column's default when an insert leaves it out; never updated. */
export type CreatedAt = ColumnType<Instant, Instant | undefined, never>;
