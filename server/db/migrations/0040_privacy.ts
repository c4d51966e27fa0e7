import { type Kysely, sql } from 'kysely';
import { autoId, isPostgres, nowIso } from '../dialect.js';

/**
 * Trust and privacy: old slugs of renamed businesses (kept for redirects, claimable by nobody else), closed
 * businesses, erased appointment contacts, and reviews that may outlive their author's account (anonymous).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('provider_slugs')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
    .addColumn('retired_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
    .execute();
  await db.schema.createIndex('provider_slugs_provider').on('provider_slugs').column('provider_id').execute();

  await db.schema.alterTable('providers').addColumn('closed_at', 'text').execute();
  await db.schema.alterTable('appointments').addColumn('contact_erased_at', 'text').execute();

  if (isPostgres(db)) {
    await sql`alter table reviews alter column customer_user_id drop not null,
      drop constraint reviews_customer_user_id_fkey,
      add constraint reviews_customer_user_id_fkey foreign key (customer_user_id) references users (id) on delete set null`.execute(
      db,
    );
  } else {
    // SQLite cannot relax NOT NULL in place: rebuild reviews with an author that may be gone (null).
    await db.schema
      .createTable('reviews_new')
      .addColumn('id', 'integer', autoId(db))
      .addColumn('appointment_id', 'integer', (c) =>
        c.notNull().unique().references('appointments.id').onDelete('cascade'),
      )
      .addColumn('provider_id', 'integer', (c) => c.notNull().references('providers.id').onDelete('cascade'))
      .addColumn('customer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('reply', 'text')
      .addColumn('replied_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(nowIso(db)))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into reviews_new select id, appointment_id, provider_id, customer_user_id, rating, body, reply, replied_at, created_at, updated_at from reviews`.execute(
      db,
    );
    await db.schema.dropTable('reviews').execute();
    await db.schema.alterTable('reviews_new').renameTo('reviews').execute();
    await db.schema
      .createIndex('reviews_provider_created')
      .on('reviews')
      .columns(['provider_id', 'created_at'])
      .execute();
  }
  await db.schema.createIndex('reviews_customer').on('reviews').column('customer_user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from reviews where customer_user_id is null`.execute(db);
  await db.schema.dropIndex('reviews_customer').execute();
  await db.schema.alterTable('appointments').dropColumn('contact_erased_at').execute();
  await db.schema.alterTable('providers').dropColumn('closed_at').execute();
  await db.schema.dropTable('provider_slugs').execute();
}
