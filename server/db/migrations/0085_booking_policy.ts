import type { Kysely } from 'kysely';

/**
 * A business's policy for customers: how many hours before an appointment they may still cancel or move it
 * (0: until it starts) and a short text shown wherever they book or manage a booking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('providers')
    .addColumn('change_cutoff_hours', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('providers')
    .addColumn('policy_text', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('providers').dropColumn('policy_text').execute();
  await db.schema.alterTable('providers').dropColumn('change_cutoff_hours').execute();
}
