import type { Kysely } from 'kysely';

/**
 * Rate limits' fixed windows, for instances sharing a PostgreSQL database (server/http/rate-limit.ts): a login
 * limit counts every instance's attempts. Ended windows are swept by the instances themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_windows_reset_at').on('rate_limit_windows').column('reset_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute();
}
