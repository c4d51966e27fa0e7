import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL only: the database itself refuses two live appointments of one member whose times overlap. The unique
 * index on (member, start, seat) already refuses the same start; this refuses every other overlap, except between
 * attendees of one class time (same start: their seats tell them apart). Instants are ISO-8601 UTC text, so the
 * range is made by a function declared immutable, which it is for such text (the `Z` leaves nothing to settings).
 * On SQLite the booking transaction's write lock is the guarantee, and the unique index its backstop.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create function instant_range(start_at text, end_at text) returns tstzrange
    language sql immutable strict parallel safe
    return tstzrange(start_at::timestamptz, end_at::timestamptz)`.execute(db);
  await sql`alter table appointments add constraint appointments_no_overlap exclude using gist (
    member_id with =, instant_range(start_at, end_at) with &&, start_at with <>
  ) where (status = 'confirmed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table appointments drop constraint appointments_no_overlap`.execute(db);
  await sql`drop function instant_range`.execute(db);
}
