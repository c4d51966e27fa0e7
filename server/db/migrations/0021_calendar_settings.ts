import type { Kysely } from 'kysely';
import { nowIso } from '../dialect.js';

/** Per-provider calendar settings (contact details in events, the ICS feed token) and OAuth round trips. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_settings')
    .addColumn('provider_id', 'integer', (c) => c.primaryKey().references('providers.id').onDelete('cascade'))
    .addColumn('include_customer_contact', 'integer', (c) => c.notNull().defaultTo(0))
    // SHA-256 of the feed token: the feed URL is shown once, when made.
    .addColumn('feed_token_hash', 'text', (c) => c.unique())
    .addColumn('feed_created_at', 'text')
    .execute();

  await db.schema
    .createTable('calendar_oauth_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code_verifier_enc', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_oauth_states').execute();
  await db.schema.dropTable('calendar_settings').execute();
}
