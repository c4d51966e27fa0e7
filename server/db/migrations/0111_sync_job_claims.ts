import type { Kysely } from 'kysely';

/**
 * Calendar sync jobs are claimed like emails (server/outbox/claim.ts): the claim holding a job is recorded, so only
 * it records the outcome, and a pass whose lease ran out (taken for dead, but only slow) changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sync_jobs').addColumn('claimed_by', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sync_jobs').dropColumn('claimed_by').execute();
}
