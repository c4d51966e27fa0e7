import type { Kysely } from 'kysely';

/** The `Reply-To` of an outbox email: fixed when the email is written, like everything else it says. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('reply_to', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('reply_to').execute();
}
