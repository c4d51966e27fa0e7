import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { outboxClaims } from '../outbox/claim.js';
import type { SyncJobRow, SyncJobStatus } from './calendar.table.js';

export type SyncAction = 'upsert' | 'delete';

export async function enqueueSyncJob(
  db: Db,
  job: { providerId: number; appointmentId: number; action: SyncAction },
  now: Date,
): Promise<void> {
  await db
    .insertInto('sync_jobs')
    .values({
      provider_id: job.providerId,
      appointment_id: job.appointmentId,
      action: job.action,
      status: 'pending',
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
}

/**
 * After a member (re)connects: every appointment of theirs still ahead goes to the new calendar, and their jobs that
 * failed get another go. Duplicates are harmless, since writing an event is idempotent.
 */
export async function enqueueBackfill(db: Db, memberId: number, now: Date): Promise<void> {
  const iso = now.toISOString();
  await db
    .insertInto('sync_jobs')
    .columns(['provider_id', 'appointment_id', 'action', 'status', 'next_attempt_at', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('appointments')
        .select((s) => [
          'provider_id',
          'id',
          sql.lit('upsert').as('action'),
          sql.lit('pending').as('status'),
          s.val(iso).as('next_attempt_at'),
          s.val(iso).as('created_at'),
        ])
        .where('member_id', '=', memberId)
        .where('status', '=', 'confirmed')
        .where('end_at', '>', iso)
        .orderBy('start_at'),
    )
    .execute();
  await db
    .updateTable('sync_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: iso, lease_until: null, claimed_by: null })
    .where('appointment_id', 'in', ofMember(db, memberId))
    .where('status', '=', 'failed')
    .execute();
}

/** The ids of a member's appointments: their sync jobs are theirs. */
const ofMember = (db: Db, memberId: number) =>
  db.selectFrom('appointments').select('appointments.id').where('appointments.member_id', '=', memberId);

/**
 * The calendar outbox, claimed like every outbox (server/outbox/claim.ts). Only the oldest unfinished job of an
 * appointment is ever due, so its create, reschedule and cancel reach the calendar in that order. A job waits while
 * it has no working calendar to write to: neither its member's connection is active nor is an event of it left in
 * another active one (after the appointment moved to another member).
 */
const syncJobs = outboxClaims({
  table: 'sync_jobs',
  waiting: 'pending',
  working: 'running',
  due: ({ and, or, not, exists, selectFrom }) =>
    and([
      or([
        exists(
          selectFrom('appointments as a')
            .innerJoin('calendar_connections as c', 'c.member_id', 'a.member_id')
            .select('c.id')
            .whereRef('a.id', '=', 'sync_jobs.appointment_id')
            .where('c.status', '=', 'active'),
        ),
        exists(
          selectFrom('calendar_events as e')
            .innerJoin('calendar_connections as c', 'c.id', 'e.connection_id')
            .select('e.connection_id')
            .whereRef('e.appointment_id', '=', 'sync_jobs.appointment_id')
            .where('e.deleted', '=', 0)
            .where('c.status', '=', 'active'),
        ),
      ]),
      not(
        exists(
          selectFrom('sync_jobs as o')
            .select('o.id')
            .whereRef('o.appointment_id', '=', 'sync_jobs.appointment_id')
            .whereRef('o.id', '<', 'sync_jobs.id')
            .where('o.status', 'in', ['pending', 'running']),
        ),
      ),
    ]),
});

/** Leases up to `limit` due jobs to one worker pass; a job whose lease ran out (its worker died) is due again. */
export function leaseDueJobs(db: Db, now: Date, leaseMs: number, limit: number): Promise<SyncJobRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return syncJobs.claim(db, { claimId: randomUUID(), now, leaseUntil, limit });
}

/**
 * A batch in groups to run one after the other within: the jobs of one class service together (they rewrite the
 * same class events), every other job on its own.
 */
export async function serialGroupsOf(db: Db, jobs: SyncJobRow[]): Promise<SyncJobRow[][]> {
  if (jobs.length === 0) return [];
  const rows = await db
    .selectFrom('appointments')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .select(['appointments.id', 'services.id as service_id', 'services.seats'])
    .where(
      'appointments.id',
      'in',
      jobs.map((j) => j.appointment_id),
    )
    .execute();
  const classOf = new Map(rows.filter((r) => r.seats > 1).map((r) => [r.id, `class ${r.service_id}`]));
  const groups = new Map<string, SyncJobRow[]>();
  for (const job of jobs) {
    const key = classOf.get(job.appointment_id) ?? `job ${job.id}`;
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return [...groups.values()];
}

export type JobOutcome =
  | { status: 'done' }
  | { status: 'pending'; nextAttemptAt: Date; error: string }
  | { status: 'failed'; error: string };

/** Records how a job went, only while its pass still holds it (a pass taken for dead changes nothing). */
export async function recordOutcome(db: Db, job: SyncJobRow, outcome: JobOutcome, now: Date): Promise<void> {
  if (!job.claimed_by) return;
  await syncJobs.settle(db, job.id, job.claimed_by, {
    status: outcome.status,
    last_error: outcome.status === 'done' ? null : outcome.error,
    ...(outcome.status === 'pending' && { next_attempt_at: outcome.nextAttemptAt.toISOString() }),
    ...(outcome.status === 'done' && { completed_at: now.toISOString() }),
  });
}

export interface SyncJobListing extends SyncJobRow {
  start_at: string;
  customer_name: string;
  service_name: string;
}

/** Sync jobs of one member's appointments (each member sees their own calendar's). */
export async function listSyncJobs(
  db: Db,
  memberId: number,
  filter: { status?: SyncJobStatus | undefined; limit: number },
): Promise<SyncJobListing[]> {
  let query = db
    .selectFrom('sync_jobs')
    .innerJoin('appointments', 'appointments.id', 'sync_jobs.appointment_id')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .selectAll('sync_jobs')
    .select(['appointments.start_at', 'appointments.customer_name', 'services.name as service_name'])
    .where('appointments.member_id', '=', memberId);
  if (filter.status) query = query.where('sync_jobs.status', '=', filter.status);
  return query.orderBy('sync_jobs.id', 'desc').limit(filter.limit).execute();
}

export async function countSyncJobs(db: Db, memberId: number): Promise<Record<SyncJobStatus, number>> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('appointment_id', 'in', ofMember(db, memberId))
    .groupBy('status')
    .execute();
  const counts = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** Jobs still queued after a failed attempt: the calendar service could not be reached, and they will be retried. */
export async function countRetryingJobs(db: Db, memberId: number): Promise<number> {
  const row = await db
    .selectFrom('sync_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('appointment_id', 'in', ofMember(db, memberId))
    .where('status', 'in', ['pending', 'running'])
    .where('last_error', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A failed job of this member's appointments goes back to the queue, due now. False if there is no such job. */
export async function retryFailedJob(db: Db, memberId: number, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sync_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('appointment_id', 'in', ofMember(db, memberId))
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** On a member's disconnect: nothing of theirs is left to send anywhere. */
export async function deleteUnfinishedJobs(db: Db, memberId: number): Promise<void> {
  await db
    .deleteFrom('sync_jobs')
    .where('appointment_id', 'in', ofMember(db, memberId))
    .where('status', '!=', 'done')
    .execute();
}

export async function pruneDoneJobs(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom('sync_jobs')
    .where('status', '=', 'done')
    .where('completed_at', '<', before.toISOString())
    .execute();
}
