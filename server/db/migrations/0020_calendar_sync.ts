import type { Kysely } from 'kysely';
import { nowIso } from '../dialect.js';

/**
 * Calendar sync: what a provider's connection needs (calendar, sharing, encrypted refresh token,
 * health), which events the app has written where, the cached busy times, and the job columns
 * the worker needs. `calendar_connections` and `sync_jobs` were created empty-handed in 0001.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of [
    ['calendar_id', 'text'],
    ['account_email', 'text'],
    ['share_with', 'text'],
    ['share_role', 'text'],
    ['refresh_token_enc', 'text'],
    ['last_error', 'text'],
    ['busy_refreshed_at', 'text'],
    ['busy_checked_at', 'text'],
    ['updated_at', 'text'],
  ] as const) {
    await db.schema.alterTable('calendar_connections').addColumn(column, type).execute();
  }
  // One calendar per provider: a new connection replaces the old one.
  await db.schema
    .createIndex('calendar_connections_provider')
    .on('calendar_connections')
    .column('provider_id')
    .unique()
    .execute();

  await db.schema.alterTable('sync_jobs').addColumn('completed_at', 'text').execute();
  await db.schema.createIndex('sync_jobs_appointment').on('sync_jobs').columns(['appointment_id', 'id']).execute();
  await db.schema.createIndex('sync_jobs_provider_status').on('sync_jobs').columns(['provider_id', 'status']).execute();

  await db.schema
    .createTable('calendar_events')
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('calendar_connections.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointments.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .addPrimaryKeyConstraint('calendar_events_pk', ['connection_id', 'appointment_id'])
    .execute();

  await db.schema
    .createTable('calendar_busy')
    .addColumn('connection_id', 'integer', (c) => c.notNull().references('calendar_connections.id').onDelete('cascade'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_busy_connection_start')
    .on('calendar_busy')
    .columns(['connection_id', 'start_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_busy').execute();
  await db.schema.dropTable('calendar_events').execute();
  await db.schema.dropIndex('sync_jobs_provider_status').execute();
  await db.schema.dropIndex('sync_jobs_appointment').execute();
  await db.schema.alterTable('sync_jobs').dropColumn('completed_at').execute();
  await db.schema.dropIndex('calendar_connections_provider').execute();
  for (const column of [
    'updated_at',
    'busy_checked_at',
    'busy_refreshed_at',
    'last_error',
    'refresh_token_enc',
    'share_role',
    'share_with',
    'account_email',
    'calendar_id',
  ]) {
    await db.schema.alterTable('calendar_connections').dropColumn(column).execute();
  }
}
