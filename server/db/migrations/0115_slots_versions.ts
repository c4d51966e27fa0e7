import type { Kysely } from 'kysely';

/**
 * A counter per business, bumped by every change its slots are computed from, in the same transaction as an
 * appointment's change: how every instance on one PostgreSQL database learns that the slots answers it keeps for
 * that business are stale (server/slots/slots-versions.ts). No row yet is version 0.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('slots_versions')
    .addColumn('provider_id', 'integer', (c) => c.primaryKey().references('providers.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('slots_versions').execute();
}
