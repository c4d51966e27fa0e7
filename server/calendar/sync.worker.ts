import { findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { appointmentUid } from '../ical/appointment-calendar.js';
import { type BackoffPolicy, retryDelayMs } from '../outbox/backoff.js';
import type { CalendarConnectionRow, SyncJobRow } from './calendar.table.js';
import { type CalendarAdapter, CalendarCallError } from './calendar.types.js';
import { recordCallFailure } from './connection-health.js';
import { findConnection, findWrittenEvent, recordEventWritten } from './connections.repository.js';
import { calendarEventOf } from './event-content.js';
import { findSettings } from './settings.repository.js';
import { type JobOutcome, leaseDueJobs, recordOutcome } from './sync-jobs.repository.js';

export interface SyncWorkerDeps {
  db: Db;
  now: () => Date;
  appUrl: string;
  adapterFor: (connection: CalendarConnectionRow) => CalendarAdapter;
  backoff: BackoffPolicy;
  /** Longer than any call can take (CALENDAR_TIMEOUT_MS), so a live job is never taken twice. */
  leaseMs: number;
  batchSize: number;
}

/**
 * One pass of the calendar outbox: takes the due jobs and applies each to its provider's
 * calendar. Returns how many it took, so callers can loop until the queue is drained.
 */
export function syncPass(deps: SyncWorkerDeps): () => Promise<number> {
  return async () => {
    const jobs = await leaseDueJobs(deps.db, deps.now(), deps.leaseMs, deps.batchSize);
    // Jobs in one batch belong to different appointments (see leaseDueJobs), so they may run side by side.
    await Promise.all(jobs.map((job) => runJob(deps, job)));
    return jobs.length;
  };
}

async function runJob(deps: SyncWorkerDeps, job: SyncJobRow): Promise<void> {
  const connection = await findConnection(deps.db, job.provider_id);
  let outcome: JobOutcome;
  if (connection?.status !== 'active') {
    outcome = { status: 'pending', nextAttemptAt: deps.now(), error: 'waiting for the calendar connection' };
  } else {
    try {
      outcome = await applyJob(deps, job, connection);
    } catch (error) {
      outcome = await outcomeOfFailure(deps, job, connection, error);
    }
  }
  await recordOutcome(deps.db, job.id, outcome, deps.now());
}

/** Writes the appointment as it is now; the job says only whether it should be in the calendar. */
async function applyJob(deps: SyncWorkerDeps, job: SyncJobRow, connection: CalendarConnectionRow): Promise<JobOutcome> {
  const { db } = deps;
  const appointment = await findAppointment(db, job.appointment_id);
  if (!appointment) return { status: 'done' };
  const adapter = deps.adapterFor(connection);
  const written = await findWrittenEvent(db, connection.id, appointment.id);
  const record = (externalId: string, start: string, end: string, deleted: boolean) =>
    recordEventWritten(
      db,
      { connectionId: connection.id, appointmentId: appointment.id, externalId, start, end, deleted },
      deps.now(),
    );
  if (job.action === 'upsert') {
    const event = calendarEventOf(appointment, await findSettings(db, job.provider_id), deps.appUrl);
    const externalId = await adapter.putEvent(event, written && !written.deleted ? written.external_id : null);
    await record(externalId, event.start, event.end, false);
  } else {
    await adapter.removeEvent(appointmentUid(appointment.id, deps.appUrl), written?.external_id ?? null);
    if (written) await record(written.external_id, written.start_at, written.end_at, true);
  }
  return { status: 'done' };
}

async function outcomeOfFailure(
  deps: SyncWorkerDeps,
  job: SyncJobRow,
  connection: CalendarConnectionRow,
  error: unknown,
): Promise<JobOutcome> {
  const now = deps.now();
  const failure =
    error instanceof CalendarCallError ? error : new CalendarCallError('transient', String(error), { cause: error });
  await recordCallFailure(deps.db, connection.id, failure, now);
  // Broken: the jobs wait for the provider to reconnect (only active connections' jobs are taken); bookings go on.
  if (failure.kind === 'auth') return { status: 'pending', nextAttemptAt: now, error: failure.message };
  // The server's own OAuth client was refused: no attempt counts against the job, which runs once it is fixed.
  if (failure.kind === 'config') {
    return {
      status: 'pending',
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(deps.backoff, job.attempts)),
      error: failure.message,
    };
  }
  if (failure.kind === 'permanent' || job.attempts >= deps.backoff.maxAttempts)
    return { status: 'failed', error: failure.message };
  const delay = retryDelayMs(deps.backoff, job.attempts, failure.retryAfterMs);
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), error: failure.message };
}
