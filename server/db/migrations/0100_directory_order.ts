import { type Kysely, sql } from 'kysely';

/**
 * The directory lists businesses by name, filtered by `lower(category)` and `lower(city)`: with these indexes a
 * page walks them in name order and stops after its rows, so it costs the same among 1,000 or 10,000 businesses
 * (the old `(category, city)` index could not serve the `lower()` comparisons).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('providers_name').on('providers').column('name').execute();
  await sql`create index providers_category_name on providers (lower(category), name)`.execute(db);
  await sql`create index providers_city_name on providers (lower(city), name)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['providers_name', 'providers_category_name', 'providers_city_name'])
    await db.schema.dropIndex(index).execute();
}
