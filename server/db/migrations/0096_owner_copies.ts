import type { Kysely } from 'kysely';

/** The owner's choice to get a copy of the provider-side emails of the appointments their team members serve. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('providers')
    .addColumn('owner_copies', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('providers').dropColumn('owner_copies').execute();
}
