import { type Kysely, sql } from 'kysely';

/**
 * The directory walks listed businesses by name and stops with its page (0100_directory_order), testing each
 * against the search's matches. Walking the whole name index, every business passed cost a read of its row to check
 * it was open; walking an index of the open ones only, a business's row is read once it matched. A common word's
 * page went from 1.3 to 0.5 ms among 10,000 businesses (bench/README.md, directory search). Nothing else sorts
 * businesses by name, so this index replaces the one of every business.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index providers_listed_name on providers (name) where closed_at is null`.execute(db);
  await db.schema.dropIndex('providers_name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('providers_name').on('providers').column('name').execute();
  await db.schema.dropIndex('providers_listed_name').execute();
}
