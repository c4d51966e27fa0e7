import type { Kysely } from 'kysely';
import { autoId } from '../dialect.js';

/**
 * Closures as date ranges: a two-week holiday is one row, not fourteen closed dates. Single-date closures made
 * before stay what they were (a date override without hours), so nothing is migrated.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('closures')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('closures_provider_to').on('closures').columns(['provider_id', 'to_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('closures').execute();
}
