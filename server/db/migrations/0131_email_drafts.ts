import type { Kysely } from 'kysely';

/**
 * An appointment email is queued as its draft (the facts it will say, as JSON) and written out by the email worker
 * when it is sent: rendering took a fifth of a booking's time inside the write lock. `subject`, `html`, `text` and
 * `ics` hold what was sent once it was (see server/email/draft.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').addColumn('draft', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('draft').execute();
}
