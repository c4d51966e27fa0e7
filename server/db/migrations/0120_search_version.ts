import type { Kysely } from 'kysely';

/**
 * One number, raised each time the search index is rebuilt for stale businesses: an instance that keeps the index's
 * vocabulary in memory reads it to know whether another instance changed the index since (server/search/).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('search_version').values({ id: 1, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_version').execute();
}
