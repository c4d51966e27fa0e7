import { type Kysely, sql } from 'kysely';
import { nowIso } from '../dialect.js';

/**
 * Links that prove an address (confirm it, set a new password, confirm a repeated sign-up) as single-use tokens
 * stored by hash; the outbox keeps such a link's token sealed only until the email is sent; and the mark that makes
 * an email count toward its recipient's hourly cap.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('verify_email', 'password_reset', 'signup')`),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.check(sql`role in ('customer', 'provider')`))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').column('user_id').execute();

  await db.schema.alterTable('email_outbox').addColumn('link_token_sealed', 'text').execute();
  await db.schema.alterTable('email_outbox').addColumn('cap_counted_at', 'text').execute();
  await db.schema
    .createIndex('email_outbox_recipient_cap')
    .on('email_outbox')
    .columns(['to_address', 'cap_counted_at'])
    .where(sql.ref('cap_counted_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('email_outbox_recipient_cap').execute();
  await db.schema.alterTable('email_outbox').dropColumn('cap_counted_at').execute();
  await db.schema.alterTable('email_outbox').dropColumn('link_token_sealed').execute();
  await db.schema.dropTable('account_tokens').execute();
}
