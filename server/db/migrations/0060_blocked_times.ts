import type { Kysely } from 'kysely';
import { autoId, nowIso } from '../dialect.js';

/** Time the owner keeps free of bookings (a lunch, a doctor's visit): UTC instants, like appointments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('blocked_times')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .createIndex('blocked_times_provider_start')
    .on('blocked_times')
    .columns(['provider_id', 'start_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('blocked_times').execute();
}
