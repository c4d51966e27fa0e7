import { type Kysely, sql } from 'kysely';

/**
 * Email notifications: who a row is for (its wording and who may read it), a de-duplication key
 * (reminders), the delivery lease's owner and how it was delivered; the per-provider reminder
 * setting; and each appointment's manage token, sealed, so later emails can link to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('providers')
    .addColumn('email_reminder', 'text', (c) =>
      c.notNull().defaultTo('24h').check(sql`email_reminder in ('off', '24h', '2h')`),
    )
    .execute();

  await db.schema
    .alterTable('email_outbox')
    .addColumn('to_role', 'text', (c) =>
      c.notNull().defaultTo('customer').check(sql`to_role in ('customer', 'provider')`),
    )
    .execute();
  await db.schema.alterTable('email_outbox').addColumn('dedupe_key', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('transport', 'text').execute();
  await db.schema.createIndex('email_outbox_dedupe').on('email_outbox').column('dedupe_key').unique().execute();
  await db.schema.createIndex('email_outbox_recipient').on('email_outbox').columns(['to_user_id', 'id']).execute();
  await db.schema.createIndex('email_outbox_appointment').on('email_outbox').column('appointment_id').execute();

  await db.schema
    .createTable('email_link_tokens')
    .addColumn('appointment_id', 'integer', (c) => c.primaryKey().references('appointments.id').onDelete('cascade'))
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_link_tokens').execute();
  for (const index of ['email_outbox_appointment', 'email_outbox_recipient', 'email_outbox_dedupe']) {
    await db.schema.dropIndex(index).execute();
  }
  for (const column of ['transport', 'claimed_by', 'dedupe_key', 'to_role']) {
    await db.schema.alterTable('email_outbox').dropColumn(column).execute();
  }
  await db.schema.alterTable('providers').dropColumn('email_reminder').execute();
}
