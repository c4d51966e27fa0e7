import type { Role } from '../auth/auth.table.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { findService } from '../services/services.repository.js';
import type { ServiceRow } from '../services/services.table.js';
import { staffFor } from '../slots/staff.js';
import { findMember, performersOf } from '../team/team.repository.js';
import type { TeamMemberRow } from '../team/team.table.js';
import { type AppointmentBatch, type AppointmentListener, emitAppointmentEvent } from './appointment-events.js';
import { type AppointmentAction, nextStatus } from './appointment-state.js';
import { bookedDetail } from './booked-detail.js';
import { bookingView } from './booking.view.js';
import {
  type AppointmentDetail,
  findAppointment,
  futureAppointmentsOf,
  insertAppointment,
  laterOccurrences,
  updateAppointment,
} from './bookings.repository.js';
import { assertBeforeCutoff } from './change-cutoff.js';
import { idempotentWrite, type StoredResponse } from './idempotency.js';
import { chooseMember, lowestFreeSeat } from './member-choice.js';
import { blockedInterval, freeMembersAt } from './slot-check.js';

export interface BookingDeps {
  db: Db;
  now: () => Date;
  appUrl: string;
  busyTimes: BusyTimeSource<Db>;
  listeners: readonly AppointmentListener[];
}

export interface BookingRequest {
  provider: string;
  service: number;
  start: number;
  /** No email: a walk-in or phone booking the owner made for someone who gave none (stored as ''). */
  customer: { name: string; email?: string | undefined; phone?: string | undefined };
  note?: string | undefined;
  timeZone?: string | undefined;
  /** A member's slug, or 'any' (the default): who may serve it, chosen at commit among those free then. */
  staff?: string | undefined;
  /** The owner's booking: this member serves it (must perform the service). */
  memberId?: number | undefined;
}

/**
 * Books a slot. Everything from the availability check to the outbox rows happens under the
 * write lock, so two requests for one slot cannot both pass the check.
 */
export async function createBooking(
  deps: BookingDeps,
  request: BookingRequest,
  options: { idempotencyKey?: string | undefined; customerUserId?: number | undefined } = {},
): Promise<StoredResponse> {
  const now = deps.now();
  return idempotentWrite(
    deps.db,
    { scope: 'booking', key: options.idempotencyKey, body: request, now },
    async (trx) => {
      const { appointment, token } = await book(trx, deps, now, request, {
        actor: 'customer',
        customerUserId: options.customerUserId ?? null,
      });
      return { status: 201, body: { booking: bookingView(appointment, deps.appUrl, token) } };
    },
  );
}

/**
 * The owner books for a caller or a walk-in: the same check, transaction and outbox as a customer's booking, but
 * without the notice period (the customer may be standing at the counter) and at any whole minute of the opening
 * hours, not only on the slot grid (see `byOwner` in slot-check.ts).
 */
export async function createOwnerBooking(deps: BookingDeps, request: BookingRequest): Promise<AppointmentDetail> {
  const now = deps.now();
  return withWriteLock(
    deps.db,
    async (trx) => (await book(trx, deps, now, request, { actor: 'provider', customerUserId: null })).appointment,
  );
}

/** What a booking request names: the business, its active service, and who may serve it (404/422 otherwise). */
export async function bookingTarget(
  trx: Db,
  request: Pick<BookingRequest, 'provider' | 'service' | 'staff' | 'memberId'>,
): Promise<{ provider: ProviderRow; service: ServiceRow; members: TeamMemberRow[] }> {
  const provider = await findProviderBySlug(trx, request.provider);
  if (!provider) throw AppError.notFound('Provider');
  const service = await findService(trx, provider.id, request.service);
  if (service?.active !== 1) throw AppError.notFound('Service');
  const members =
    request.memberId !== undefined
      ? [await performingMember(trx, provider.id, service.id, request.memberId)]
      : await staffFor(trx, provider.id, service.id, request.staff);
  return { provider, service, members };
}

/** How an occurrence of a recurring series is booked: its place, and the one manage token of the whole series. */
export interface SeriesPlace {
  seriesId: number;
  index: number;
  token: string;
  batch: AppointmentBatch;
}

/**
 * Checks and books one appointment inside the caller's write transaction, and tells the listeners. A series books
 * each occurrence through here (`series`), all under one lock.
 */
export async function book(
  trx: Db,
  deps: BookingDeps,
  now: Date,
  request: BookingRequest,
  by: { actor: Role; customerUserId: number | null },
  series?: SeriesPlace,
): Promise<{ appointment: AppointmentDetail; token: string }> {
  const { provider, service, members } = await bookingTarget(trx, request);
  const free = await freeMembersAt(trx, {
    provider,
    service,
    members,
    start: request.start,
    now: now.getTime(),
    busyTimes: deps.busyTimes,
    byOwner: by.actor === 'provider',
  });
  const at = { provider, service, start: request.start };
  const { memberId } = await chooseMember(
    trx,
    at,
    free,
    members.map((m) => m.id),
  );
  const seat = await lowestFreeSeat(trx, service, memberId, new Date(request.start).toISOString());
  const token = series?.token ?? generateToken();
  const row = await insertAppointment(trx, {
    provider_id: provider.id,
    member_id: memberId,
    seat,
    service_id: service.id,
    customer_user_id: by.customerUserId,
    customer_name: request.customer.name,
    customer_email: request.customer.email ?? '',
    customer_phone: request.customer.phone || null,
    customer_time_zone: request.timeZone ?? null,
    note: request.note ?? '',
    ...blockedInterval(service, request.start),
    status: 'confirmed',
    manage_token_hash: hashToken(token),
    cancelled_by: null,
    updated_at: now.toISOString(),
    series_id: series?.seriesId ?? null,
    series_index: series?.index ?? null,
  }).catch((error: unknown) => {
    // The unique index on a member's live starts and seats fired: another process won the race.
    if (isUniqueViolation(error, 'appointments'))
      throw new AppError('slot_taken', 'This time was just taken; please pick another');
    throw error;
  });
  // Once, for the answer and every listener: no listener changes the appointment itself.
  const member = members.find((m) => m.id === memberId)!;
  const appointment = await bookedDetail(trx, { row, provider, service, member, inSeries: series !== undefined });
  await emitAppointmentEvent(trx, deps.listeners, {
    type: 'created',
    appointmentId: row.id,
    providerId: provider.id,
    actor: by.actor,
    manageToken: token,
    appointment,
    ...(series && { batch: series.batch }),
  });
  return { appointment, token };
}

export interface Change {
  appointmentId: number;
  actor: Role;
  /** Reads the appointment under the lock and refuses (throws) if the caller may not change it. */
  authorize: (appointment: AppointmentDetail) => void;
  /**
   * Holds the change to the business's cut-off: set for a customer's own cancel or reschedule (manage link or
   * account), not for the business nor for a customer deleting their account (erasure is not the business's call).
   */
  holdToCutoff?: boolean;
  /** The whole class time is cancelled (see `AppointmentEvent.classCancelled`). */
  classCancelled?: boolean;
}

/**
 * Moves an appointment to a new start, keeping its id and raising its sequence. `staff`: omitted keeps the member
 * (409 if they are busy then); 'any' keeps them if free, else gives it to a fair pick of the others free then; a
 * slug moves it to that member.
 */
export async function rescheduleAppointment(
  deps: BookingDeps,
  change: Change,
  start: number,
  staff?: string,
): Promise<AppointmentDetail> {
  const now = deps.now();
  return withWriteLock(deps.db, async (trx) => {
    const appointment = await loadAuthorized(trx, change);
    nextStatus(appointment.status, 'reschedule', { startAt: Date.parse(appointment.start_at), now: now.getTime() });
    checkCutoff(change, appointment, 'reschedule', now);
    // Gone when the business was closed meanwhile (its appointments are being cancelled).
    const provider = await findProviderBySlug(trx, appointment.provider_slug);
    if (!provider) throw AppError.notFound('Provider');
    const service = (await findService(trx, provider.id, appointment.service_id))!;
    const members =
      staff === undefined
        ? [{ id: appointment.member_id, provider_id: provider.id }]
        : await staffFor(trx, provider.id, service.id, staff);
    const free = await freeMembersAt(trx, {
      provider,
      service,
      members,
      start,
      now: now.getTime(),
      busyTimes: deps.busyTimes,
      excludeAppointmentId: appointment.id,
      byOwner: change.actor === 'provider',
    });
    const kept = free.find((f) => f.memberId === appointment.member_id);
    const { memberId } =
      kept ??
      (await chooseMember(
        trx,
        { provider, service, start },
        free,
        members.map((m) => m.id),
      ));
    await moveAppointment(trx, deps, change.actor, { appointment, service, start, memberId, now });
    return (await findAppointment(trx, appointment.id))!;
  });
}

/**
 * Gives an appointment to another member at the same time (the owner's "change member"): they must perform the
 * service (422) and be free then (409, or 422 when their hours do not hold it). Emails and calendars follow as for a
 * reschedule, with the previous member named in the event.
 */
export async function changeAppointmentMember(
  deps: BookingDeps,
  change: Change,
  memberId: number,
): Promise<AppointmentDetail> {
  const now = deps.now();
  return withWriteLock(deps.db, async (trx) => {
    const appointment = await loadAuthorized(trx, change);
    nextStatus(appointment.status, 'reschedule', { startAt: Date.parse(appointment.start_at), now: now.getTime() });
    const provider = await findProviderBySlug(trx, appointment.provider_slug);
    if (!provider) throw AppError.notFound('Provider');
    const service = (await findService(trx, provider.id, appointment.service_id))!;
    const member = await performingMember(trx, provider.id, service.id, memberId);
    if (member.id === appointment.member_id) return appointment;
    const start = Date.parse(appointment.start_at);
    await freeMembersAt(trx, {
      provider,
      service,
      members: [member],
      start,
      now: now.getTime(),
      busyTimes: deps.busyTimes,
      excludeAppointmentId: appointment.id,
      byOwner: true,
    });
    await moveAppointment(trx, deps, change.actor, { appointment, service, start, memberId: member.id, now });
    return (await findAppointment(trx, appointment.id))!;
  });
}

/**
 * A leaving member's future appointments: each given to `reassignTo` when free then, else to a fair pick of the
 * other members free then; or cancelled (`future: 'cancel'`, or nobody free), with the usual emails. One
 * transaction per appointment, so each customer's outcome stands alone.
 */
export async function reassignFutureAppointments(
  deps: BookingDeps,
  memberId: number,
  options: { future: 'reassign' | 'cancel'; reassignTo?: number | undefined; reason?: string | undefined },
): Promise<{ reassigned: number[]; cancelled: number[] }> {
  const result = { reassigned: [] as number[], cancelled: [] as number[] };
  const ids = await futureAppointmentsOf(deps.db, memberId, deps.now().toISOString());
  for (const id of ids) {
    const moved =
      options.future === 'reassign' &&
      (await withWriteLock(deps.db, (trx) => giveToAnother(trx, deps, id, memberId, options.reassignTo)));
    if (moved) {
      result.reassigned.push(id);
      continue;
    }
    const leaving = { appointmentId: id, actor: 'provider' as const, authorize: () => {} };
    await changeAppointmentStatus(deps, leaving, 'cancel', options.reason);
    result.cancelled.push(id);
  }
  return result;
}

/** Gives one appointment to `preferred` if free, else to a fair pick of the other performers free then. */
async function giveToAnother(
  trx: Db,
  deps: BookingDeps,
  appointmentId: number,
  leavingId: number,
  preferred: number | undefined,
): Promise<boolean> {
  const appointment = await findAppointment(trx, appointmentId);
  if (appointment?.status !== 'confirmed' || appointment.member_id !== leavingId) return false;
  const provider = await findProviderBySlug(trx, appointment.provider_slug);
  if (!provider) return false;
  const service = (await findService(trx, provider.id, appointment.service_id))!;
  const others = (await performersOf(trx, provider.id, service.id)).filter((m) => m.id !== leavingId);
  const now = deps.now();
  const start = Date.parse(appointment.start_at);
  const check = {
    provider,
    service,
    start,
    now: now.getTime(),
    busyTimes: deps.busyTimes,
    excludeAppointmentId: appointment.id,
    byOwner: true,
  };
  const freeAmong = (members: typeof others) =>
    freeMembersAt(trx, { ...check, members }).catch((error: unknown) => {
      if (error instanceof AppError && (error.code === 'slot_taken' || error.code === 'slot_not_offered')) return [];
      throw error;
    });
  const chosen = others.filter((m) => m.id === preferred);
  let free = chosen.length > 0 ? await freeAmong(chosen) : [];
  if (free.length === 0) free = await freeAmong(others);
  if (free.length === 0) return false;
  const { memberId } = await chooseMember(
    trx,
    { provider, service, start },
    free,
    others.map((m) => m.id),
  );
  await moveAppointment(trx, deps, 'provider', { appointment, service, start, memberId, now });
  return true;
}

/**
 * Gives an appointment its new start and member (either may be unchanged), with a free seat if it is a class, and
 * tells the listeners as a reschedule (with the previous member when it changed). The caller checked both are free.
 */
async function moveAppointment(
  trx: Db,
  deps: BookingDeps,
  actor: Role,
  move: { appointment: AppointmentDetail; service: ServiceRow; start: number; memberId: number; now: Date },
): Promise<void> {
  const { appointment, service, start, memberId } = move;
  const times = blockedInterval(service, start);
  const seat = await lowestFreeSeat(trx, service, memberId, times.start_at, appointment.id);
  await updateAppointment(trx, appointment.id, {
    ...times,
    member_id: memberId,
    seat,
    updated_at: move.now.toISOString(),
    bumpSequence: true,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error, 'appointments'))
      throw new AppError('slot_taken', 'This time was just taken; please pick another');
    throw error;
  });
  await emitAppointmentEvent(trx, deps.listeners, {
    type: 'rescheduled',
    appointmentId: appointment.id,
    providerId: appointment.provider_id,
    actor,
    previous: {
      startAt: appointment.start_at,
      endAt: appointment.end_at,
      ...(memberId !== appointment.member_id && { memberId: appointment.member_id }),
    },
  });
}

/** A member of the business, active, who performs the service; else 422 (the owner named someone who cannot). */
async function performingMember(db: Db, providerId: number, serviceId: number, memberId: number) {
  const performers = await performersOf(db, providerId, serviceId);
  const member = performers.find((m) => m.id === memberId);
  if (member) return member;
  const known = await findMember(db, providerId, memberId);
  throw new AppError('unprocessable', known ? `${known.name} does not perform this service` : 'No such team member', {
    memberId: known ? 'does not perform this service' : 'not a member of this business',
  });
}

const eventOf = { cancel: 'cancelled', complete: 'completed', no_show: 'no_show' } as const;

/**
 * Cancels, completes or marks a no-show, as the life cycle in `appointment-state.ts` allows. A cancellation may
 * carry the owner's `reason`, kept with the appointment and quoted in the customer's email.
 */
export async function changeAppointmentStatus(
  deps: BookingDeps,
  change: Change,
  action: Exclude<AppointmentAction, 'reschedule'>,
  reason?: string,
): Promise<AppointmentDetail> {
  const now = deps.now();
  return withWriteLock(deps.db, async (trx) => {
    const appointment = await loadAuthorized(trx, change);
    await applyStatus(trx, deps, change, appointment, action, { reason, now });
    return (await findAppointment(trx, appointment.id))!;
  });
}

/**
 * Cancels an appointment; with `scope: 'following'`, an occurrence of a recurring series and every later confirmed
 * occurrence of it too, in one transaction, each through the same cancellation (its own status, sequence and
 * listeners) but told to the listeners as one batch, so each side gets one email. Not a series: just this one.
 */
export async function cancelAppointment(
  deps: BookingDeps,
  change: Change,
  scope: 'one' | 'following',
  reason?: string,
): Promise<{ appointment: AppointmentDetail; cancelled: number }> {
  const now = deps.now();
  return withWriteLock(deps.db, async (trx) => {
    const appointment = await loadAuthorized(trx, change);
    const later =
      scope === 'following' && appointment.series_id !== null
        ? await laterOccurrences(trx, appointment.series_id, appointment.series_index ?? 0, now.toISOString())
        : [];
    const targets = [appointment];
    for (const id of later) {
      const occurrence = (await findAppointment(trx, id))!;
      change.authorize(occurrence);
      targets.push(occurrence);
    }
    const appointmentIds = targets.map((t) => t.id);
    for (const [i, target] of targets.entries()) {
      const batch = targets.length > 1 ? { last: i === targets.length - 1, appointmentIds } : undefined;
      await applyStatus(trx, deps, change, target, 'cancel', { reason, now, batch });
    }
    return { appointment: (await findAppointment(trx, appointment.id))!, cancelled: targets.length };
  });
}

async function applyStatus(
  trx: Db,
  deps: BookingDeps,
  change: Change,
  appointment: AppointmentDetail,
  action: Exclude<AppointmentAction, 'reschedule'>,
  options: { reason?: string | undefined; now: Date; batch?: AppointmentBatch | undefined },
): Promise<void> {
  const { now, reason } = options;
  const status = nextStatus(appointment.status, action, {
    startAt: Date.parse(appointment.start_at),
    now: now.getTime(),
  });
  if (action === 'cancel') checkCutoff(change, appointment, action, now);
  await updateAppointment(trx, appointment.id, {
    status,
    ...(action === 'cancel' && { cancelled_by: change.actor, cancel_reason: reason || null }),
    updated_at: now.toISOString(),
    // Calendar apps only apply a cancellation whose SEQUENCE is higher than what they hold.
    bumpSequence: action === 'cancel',
  });
  await emitAppointmentEvent(trx, deps.listeners, {
    type: eventOf[action],
    appointmentId: appointment.id,
    providerId: appointment.provider_id,
    actor: change.actor,
    ...(change.classCancelled && { classCancelled: true }),
    ...(options.batch && { batch: options.batch }),
  });
}

function checkCutoff(change: Change, a: AppointmentDetail, action: 'cancel' | 'reschedule', now: Date): void {
  if (!change.holdToCutoff) return;
  assertBeforeCutoff({
    action,
    startAt: Date.parse(a.start_at),
    cutoffHours: a.provider_change_cutoff_hours,
    now: now.getTime(),
    zone: a.provider_time_zone,
    business: a.provider_name,
  });
}

async function loadAuthorized(trx: Db, change: Change): Promise<AppointmentDetail> {
  const appointment = await findAppointment(trx, change.appointmentId);
  if (!appointment) throw AppError.notFound('Appointment');
  change.authorize(appointment);
  return appointment;
}

/**
 * For admin routes: the appointment must belong to the signed-in provider (and to `memberId` when given: a staff
 * member's own), or it does not exist.
 */
export const ownedByProvider = (providerId: number, memberId?: number) => (a: AppointmentDetail) => {
  if (a.provider_id !== providerId || (memberId !== undefined && a.member_id !== memberId))
    throw AppError.notFound('Appointment');
};
