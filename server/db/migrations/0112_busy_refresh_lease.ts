import type { Kysely } from 'kysely';

/**
 * With several instances, one of them at a time refreshes a calendar connection's busy times: it holds the
 * connection's refresh lease (who, until when) while it reads the calendar; the others answer from what is stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_connections').addColumn('busy_claimed_by', 'text').execute();
  await db.schema.alterTable('calendar_connections').addColumn('busy_lease_until', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_connections').dropColumn('busy_lease_until').execute();
  await db.schema.alterTable('calendar_connections').dropColumn('busy_claimed_by').execute();
}
