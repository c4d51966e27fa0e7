import { type AppointmentDetail, findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { appointmentUid, classKeyOfUid, classUid } from '../ical/appointment-calendar.js';
import { type BackoffPolicy, retryDelayMs } from '../outbox/backoff.js';
import type { CalendarConnectionRow, SyncJobRow } from './calendar.table.js';
import { type CalendarAdapter, CalendarCallError, type CalendarEventData, type EventRef } from './calendar.types.js';
import { classEventOf, classKeyOf } from './class-event.js';
import { findClassTime, seatsOf } from './class-times.repository.js';
import { recordCallFailure } from './connection-health.js';
import {
  findConnection,
  findConnectionById,
  findEventByUid,
  listWrittenEvents,
  markEventRemoved,
  recordEventWritten,
} from './connections.repository.js';
import { calendarEventOf } from './event-content.js';
import { findSettings } from './settings.repository.js';
import { type JobOutcome, leaseDueJobs, recordOutcome, serialGroupsOf } from './sync-jobs.repository.js';

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
 * One pass of the calendar outbox: takes the due jobs and applies each to the serving member's
 * calendar. Returns how many it took, so callers can loop until the queue is drained.
 */
export function syncPass(deps: SyncWorkerDeps): () => Promise<number> {
  return async () => {
    const jobs = await leaseDueJobs(deps.db, deps.now(), deps.leaseMs, deps.batchSize);
    // Jobs of different appointments may run side by side, except those of one class service: they write the same
    // class events, and one after the other each writes the attendees as they are by then.
    const groups = await serialGroupsOf(deps.db, jobs);
    await Promise.all(
      groups.map(async (group) => {
        for (const job of group) await runJob(deps, job);
      }),
    );
    return jobs.length;
  };
}

/** A failed call says which connection failed, so its health (and not another member's) records it. */
class ConnectionFailure extends Error {
  constructor(
    readonly connection: CalendarConnectionRow,
    readonly failure: unknown,
  ) {
    super(String(failure));
  }
}

const onConnection = <T>(connection: CalendarConnectionRow, call: () => Promise<T>): Promise<T> =>
  call().catch((error: unknown) => Promise.reject(new ConnectionFailure(connection, error)));

async function runJob(deps: SyncWorkerDeps, job: SyncJobRow): Promise<void> {
  let outcome: JobOutcome;
  try {
    outcome = await applyJob(deps, job);
  } catch (error) {
    if (!(error instanceof ConnectionFailure)) throw error;
    outcome = await outcomeOfFailure(deps, job, error.connection, error.failure);
  }
  await recordOutcome(deps.db, job, outcome, deps.now());
}

/**
 * Brings the calendars in line with the appointment as it is now; the job says only whether it should be in one.
 * It belongs in its member's calendar (under a class time's UID for a class), and in no other event: one it was
 * written to before (another member's calendar, an earlier time) is removed, or for a class, rewritten without it.
 */
async function applyJob(deps: SyncWorkerDeps, job: SyncJobRow): Promise<JobOutcome> {
  const { db } = deps;
  const appointment = await findAppointment(db, job.appointment_id);
  if (!appointment) return { status: 'done' };
  const own = await findConnection(db, appointment.member_id);
  const isClass = (await seatsOf(db, appointment.service_id)) > 1;
  const uid = isClass ? classUid(classKeyOf(appointment), deps.appUrl) : appointmentUid(appointment.id, deps.appUrl);
  const wanted = job.action === 'upsert' && own?.status === 'active';

  let leftOwn = false;
  for (const written of await listWrittenEvents(db, appointment.id)) {
    const writtenUid = written.uid ?? appointmentUid(appointment.id, deps.appUrl);
    if (wanted && written.connection_id === own.id && writtenUid === uid) continue;
    leftOwn ||= written.connection_id === own?.id;
    const connection = await findConnectionById(db, written.connection_id);
    // A calendar that is gone or broken cannot be changed; reconnecting it starts from a clean slate.
    if (connection?.status !== 'active') continue;
    const ref = { id: written.external_id, etag: written.etag };
    await onConnection(connection, () => leaveEvent(deps, connection, appointment, writtenUid, ref));
  }

  if (!own) return { status: 'done' };
  if (own.status !== 'active')
    return { status: 'pending', nextAttemptAt: deps.now(), error: 'waiting for the calendar connection' };
  if (job.action === 'upsert') {
    await onConnection(own, () => putEvent(deps, own, appointment, uid, isClass));
  } else if (!isClass && !leftOwn) {
    // Nothing recorded (its answer was lost, say): removing by UID is harmless and catches such an event.
    await onConnection(own, () => deps.adapterFor(own).removeEvent(uid, null));
  }
  return { status: 'done' };
}

const spanOf = (event: CalendarEventData) => ({ start: event.start, end: event.end });

async function putEvent(
  deps: SyncWorkerDeps,
  connection: CalendarConnectionRow,
  appointment: AppointmentDetail,
  uid: string,
  isClass: boolean,
): Promise<void> {
  const privacy = await findSettings(deps.db, appointment.provider_id);
  const event: CalendarEventData = isClass
    ? classEventOf(await findClassTime(deps.db, classKeyOf(appointment)), privacy, deps.appUrl)
    : calendarEventOf(appointment, privacy, deps.appUrl);
  const known = await findEventByUid(deps.db, connection.id, uid);
  const written = await deps.adapterFor(connection).putEvent(event, known);
  await recordEventWritten(
    deps.db,
    {
      connectionId: connection.id,
      appointmentId: appointment.id,
      externalId: written.id,
      etag: written.etag,
      uid,
      ...spanOf(event),
      deleted: false,
    },
    deps.now(),
  );
}

/** The appointment is no longer in this event: it goes, unless it is a class time others still attend. */
async function leaveEvent(
  deps: SyncWorkerDeps,
  connection: CalendarConnectionRow,
  appointment: AppointmentDetail,
  uid: string,
  known: EventRef,
): Promise<void> {
  const key = classKeyOfUid(uid);
  const rest = key && (await findClassTime(deps.db, key));
  const adapter = deps.adapterFor(connection);
  const now = deps.now();
  if (rest && rest.appointments.length > 0) {
    const event = classEventOf(rest, await findSettings(deps.db, appointment.provider_id), deps.appUrl);
    const written = await adapter.putEvent(event, known);
    await recordEventWritten(
      deps.db,
      {
        connectionId: connection.id,
        appointmentId: appointment.id,
        externalId: written.id,
        etag: written.etag,
        uid,
        ...spanOf(event),
        deleted: true,
      },
      now,
    );
    return;
  }
  await adapter.removeEvent(uid, known);
  await markEventRemoved(deps.db, connection.id, uid, now);
  // Rows written before UIDs were recorded carry none: mark this appointment's own row too.
  await recordEventWritten(
    deps.db,
    {
      connectionId: connection.id,
      appointmentId: appointment.id,
      externalId: known.id,
      etag: known.etag,
      uid,
      start: appointment.start_at,
      end: appointment.end_at,
      deleted: true,
    },
    now,
  );
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
