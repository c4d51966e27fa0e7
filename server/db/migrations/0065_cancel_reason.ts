import type { Kysely } from 'kysely';

/** The owner's message to the customer when they cancel, kept with the appointment and put in the email. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('cancel_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('appointments').dropColumn('cancel_reason').execute();
}
