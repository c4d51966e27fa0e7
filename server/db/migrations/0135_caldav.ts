import type { Kysely } from 'kysely';

/**
 * CalDAV calendars (iCloud, Fastmail, Nextcloud, Radicale): a connection keeps where the account's calendars live
 * and its app password, sealed; each written event keeps its ETag, so an update or delete says which version it
 * replaces (If-Match).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_connections').addColumn('dav_home_url', 'text').execute();
  await db.schema.alterTable('calendar_connections').addColumn('password_enc', 'text').execute();
  await db.schema.alterTable('calendar_events').addColumn('etag', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_events').dropColumn('etag').execute();
  await db.schema.alterTable('calendar_connections').dropColumn('password_enc').execute();
  await db.schema.alterTable('calendar_connections').dropColumn('dav_home_url').execute();
}
