import { type Kysely, sql } from 'kysely';
import { nowIso } from '../dialect.js';

/**
 * Calendars per team member: each member connects their own calendar (one each) and has their own ICS feed, and a
 * written event records its UID, because a class time is one event shared by all its attendees' appointments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('calendar_connections_provider').execute();
  await db.schema
    .createIndex('calendar_connections_provider')
    .on('calendar_connections')
    .column('provider_id')
    .execute();
  await db.schema
    .createIndex('calendar_connections_member')
    .on('calendar_connections')
    .column('member_id')
    .unique()
    .execute();
  // Null: the appointment's own UID (every event written before classes).
  await db.schema.alterTable('calendar_events').addColumn('uid', 'text').execute();
  await db.schema.alterTable('calendar_oauth_states').addColumn('member_id', 'integer').execute();

  await db.schema
    .createTable('member_feeds')
    .addColumn('member_id', 'integer', (c) => c.primaryKey().references('team_members.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    // SHA-256 of the feed token: the feed URL is shown once, when made.
    .addColumn('feed_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('feed_created_at', 'text', (c) => c.notNull())
    .execute();
  // Today's feed is the owner's: its URL keeps working.
  await sql`insert into member_feeds (member_id, provider_id, feed_token_hash, feed_created_at)
    select team_members.id, calendar_settings.provider_id, calendar_settings.feed_token_hash,
      coalesce(calendar_settings.feed_created_at, ${nowIso(db)})
    from calendar_settings
    join team_members on team_members.provider_id = calendar_settings.provider_id and team_members.role = 'owner'
    where calendar_settings.feed_token_hash is not null`.execute(db);
  await db.updateTable('calendar_settings').set({ feed_token_hash: null, feed_created_at: null }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update calendar_settings set
    feed_token_hash = (select feed_token_hash from member_feeds join team_members on team_members.id = member_feeds.member_id
      where member_feeds.provider_id = calendar_settings.provider_id and team_members.role = 'owner'),
    feed_created_at = (select feed_created_at from member_feeds join team_members on team_members.id = member_feeds.member_id
      where member_feeds.provider_id = calendar_settings.provider_id and team_members.role = 'owner')`.execute(db);
  await db.schema.dropTable('member_feeds').execute();
  await db.schema.alterTable('calendar_oauth_states').dropColumn('member_id').execute();
  await db.schema.alterTable('calendar_events').dropColumn('uid').execute();
  await db.schema.dropIndex('calendar_connections_member').execute();
  await db.schema.dropIndex('calendar_connections_provider').execute();
  await db.schema
    .createIndex('calendar_connections_provider')
    .on('calendar_connections')
    .column('provider_id')
    .unique()
    .execute();
}
