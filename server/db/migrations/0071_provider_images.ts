import { type Kysely, sql } from 'kysely';
import { autoId, bytesType, nowIso } from '../dialect.js';

/**
 * A business's logo and photos, resized at upload and kept in the database (two sizes each), so a backup of the
 * one file holds them too and tests need no folder. Served by content hash: `/media/<hash>.webp`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('provider_images')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('logo', 'photo')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('full_hash', 'text', (c) => c.notNull())
    .addColumn('full_bytes', bytesType(db), (c) => c.notNull())
    .addColumn('thumb_hash', 'text', (c) => c.notNull())
    .addColumn('thumb_bytes', bytesType(db), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema
    .createIndex('provider_images_provider')
    .on('provider_images')
    .columns(['provider_id', 'kind', 'position'])
    .execute();
  await db.schema.createIndex('provider_images_full').on('provider_images').column('full_hash').execute();
  await db.schema.createIndex('provider_images_thumb').on('provider_images').column('thumb_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('provider_images').execute();
}
