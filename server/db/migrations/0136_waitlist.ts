import { type Kysely, sql } from 'kysely';
import { autoId, nowIso } from '../dialect.js';

/**
 * The waitlist (docs/api.md, "Waitlist"): customers waiting for an earlier time or a place in a full class, and the
 * offers of freed times made to them one at a time. The partial unique index is the rule "one open offer per freed
 * time": a second offer of the same member's start cannot be opened while one is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('earlier', 'class')`))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('team_members.id').onDelete('cascade'))
    .addColumn('member_choice', 'text', (c) => c.notNull().check(sql`member_choice in ('same', 'any')`))
    .addColumn('appointment_id', 'integer', (c) => c.unique().references('appointments.id').onDelete('cascade'))
    .addColumn('class_start_at', 'text')
    .addColumn('days', 'text')
    .addColumn('from_time', 'text')
    .addColumn('to_time', 'text')
    .addColumn('customer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('customer_name', 'text')
    .addColumn('customer_email', 'text')
    .addColumn('customer_time_zone', 'text')
    .addColumn('token_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'offered', 'done', 'left')`))
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('waitlist_entries_line')
    .on('waitlist_entries')
    .columns(['provider_id', 'service_id', 'status', 'queued_at'])
    .execute();
  await db.schema.createIndex('waitlist_entries_customer').on('waitlist_entries').column('customer_user_id').execute();

  await db.schema
    .createTable('waitlist_offers')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('waitlist_entries.id').onDelete('cascade'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('team_members.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id').onDelete('cascade'))
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('blocked_start_at', 'text', (c) => c.notNull())
    .addColumn('blocked_end_at', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'taken', 'expired')`))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('waitlist_offers_one_open')
    .on('waitlist_offers')
    .columns(['member_id', 'start_at'])
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema.createIndex('waitlist_offers_due').on('waitlist_offers').columns(['status', 'expires_at']).execute();
  await db.schema
    .createIndex('waitlist_offers_time')
    .on('waitlist_offers')
    .columns(['member_id', 'start_at'])
    .execute();
  await db.schema.createIndex('waitlist_offers_entry').on('waitlist_offers').column('entry_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('waitlist_offers').execute();
  await db.schema.dropTable('waitlist_entries').execute();
}
