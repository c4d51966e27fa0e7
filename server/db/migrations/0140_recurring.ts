import type { Kysely } from 'kysely';
import { autoId, nowIso } from '../dialect.js';

/**
 * Recurring appointments (docs/api.md, "Recurring appointments"): a service may allow them (`repeat_max_count` and
 * the intervals in weeks a customer may pick, as `"1,2"`; both null: not allowed). A series is its occurrences, each
 * an appointment of its own linked by `series_id` and `series_index` (0-based, counted from `start_at`, occurrence 0,
 * whether it was booked or not).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('services').addColumn('repeat_max_count', 'integer').execute();
  await db.schema.alterTable('services').addColumn('repeat_every_weeks', 'text').execute();
  await db.schema
    .createTable('appointment_series')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('customer_user_id', 'integer')
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('every_weeks', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema.alterTable('appointments').addColumn('series_id', 'integer').execute();
  await db.schema.alterTable('appointments').addColumn('series_index', 'integer').execute();
  await db.schema
    .createIndex('appointments_series')
    .on('appointments')
    .columns(['series_id', 'series_index'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('appointments_series').execute();
  await db.schema.alterTable('appointments').dropColumn('series_index').execute();
  await db.schema.alterTable('appointments').dropColumn('series_id').execute();
  await db.schema.dropTable('appointment_series').execute();
  await db.schema.alterTable('services').dropColumn('repeat_every_weeks').execute();
  await db.schema.alterTable('services').dropColumn('repeat_max_count').execute();
}
