import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
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
 * After (re)connecting: every appointment still ahead goes to the new calendar, and jobs that
 * failed get another go. Duplicates are harmless, since writing an event is idempotent.
 */
export async function enqueueBackfill(db: Db, providerId: number, now: Date): Promise<void> {
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
        .where('provider_id', '=', providerId)
        .where('status', '=', 'confirmed')
        .where('end_at', '>', iso)
        .orderBy('start_at'),
    )
    .execute();
  await db
    .updateTable('sync_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: iso, lease_until: null })
    .where('provider_id', '=', providerId)
    .where('status', '=', 'failed')
    .execute();
}

/**
 * Takes up to `limit` due jobs for the worker, under the write lock so two workers never take
 * the same one. Only the oldest unfinished job of an appointment is ever due, so its create,
 * reschedule and cancel reach the calendar in that order; jobs wait while their provider's
 * connection is not active. A job whose lease ran out (its worker died) is due again.
 */
export async function leaseDueJobs(db: Db, now: Date, leaseMs: number, limit: number): Promise<SyncJobRow[]> {
  const iso = now.toISOString();
  return withWriteLock(db, async (trx) => {
    const due = await trx
      .selectFrom('sync_jobs as j')
      .innerJoin('calendar_connections as c', 'c.provider_id', 'j.provider_id')
      .selectAll('j')
      .where('c.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb.and([eb('j.status', '=', 'pending'), eb('j.next_attempt_at', '<=', iso)]),
          eb.and([eb('j.status', '=', 'running'), eb('j.lease_until', '<=', iso)]),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sync_jobs as o')
              .select('o.id')
              .whereRef('o.appointment_id', '=', 'j.appointment_id')
              .whereRef('o.id', '<', 'j.id')
              .where('o.status', 'in', ['pending', 'running']),
          ),
        ),
      )
      .orderBy('j.next_attempt_at')
      .orderBy('j.id')
      .limit(limit)
      .execute();
    if (due.length === 0) return [];
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    await trx
      .updateTable('sync_jobs')
      .set((eb) => ({ status: 'running', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((j) => j.id),
      )
      .execute();
    return due.map((j) => ({ ...j, status: 'running' as const, lease_until: leaseUntil, attempts: j.attempts + 1 }));
  });
}

export type JobOutcome =
  | { status: 'done' }
  | { status: 'pending'; nextAttemptAt: Date; error: string }
  | { status: 'failed'; error: string };

export async function recordOutcome(db: Db, id: number, outcome: JobOutcome, now: Date): Promise<void> {
  await db
    .updateTable('sync_jobs')
    .set({
      status: outcome.status,
      lease_until: null,
      last_error: outcome.status === 'done' ? null : outcome.error,
      ...(outcome.status === 'pending' && { next_attempt_at: outcome.nextAttemptAt.toISOString() }),
      ...(outcome.status === 'done' && { completed_at: now.toISOString() }),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export interface SyncJobListing extends SyncJobRow {
  start_at: string;
  customer_name: string;
  service_name: string;
}

export async function listSyncJobs(
  db: Db,
  providerId: number,
  filter: { status?: SyncJobStatus | undefined; limit: number },
): Promise<SyncJobListing[]> {
  let query = db
    .selectFrom('sync_jobs')
    .innerJoin('appointments', 'appointments.id', 'sync_jobs.appointment_id')
    .innerJoin('services', 'services.id', 'appointments.service_id')
    .selectAll('sync_jobs')
    .select(['appointments.start_at', 'appointments.customer_name', 'services.name as service_name'])
    .where('sync_jobs.provider_id', '=', providerId);
  if (filter.status) query = query.where('sync_jobs.status', '=', filter.status);
  return query.orderBy('sync_jobs.id', 'desc').limit(filter.limit).execute();
}

export async function countSyncJobs(db: Db, providerId: number): Promise<Record<SyncJobStatus, number>> {
  const rows = await db
    .selectFrom('sync_jobs')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('provider_id', '=', providerId)
    .groupBy('status')
    .execute();
  const counts = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** Jobs still queued after a failed attempt: the calendar service could not be reached, and they will be retried. */
export async function countRetryingJobs(db: Db, providerId: number): Promise<number> {
  const row = await db
    .selectFrom('sync_jobs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('provider_id', '=', providerId)
    .where('status', 'in', ['pending', 'running'])
    .where('last_error', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** A failed job of this provider goes back to the queue, due now. False if there is no such job. */
export async function retryFailedJob(db: Db, providerId: number, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('sync_jobs')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now.toISOString() })
    .where('id', '=', id)
    .where('provider_id', '=', providerId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** On disconnect: nothing is left to send anywhere. */
export async function deleteUnfinishedJobs(db: Db, providerId: number): Promise<void> {
  await db.deleteFrom('sync_jobs').where('provider_id', '=', providerId).where('status', '!=', 'done').execute();
}

export async function pruneDoneJobs(db: Db, before: Date): Promise<void> {
  await db
    .deleteFrom('sync_jobs')
    .where('status', '=', 'done')
    .where('completed_at', '<', before.toISOString())
    .execute();
}
