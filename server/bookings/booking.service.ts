import type { Role } from '../auth/auth.table.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { isUniqueViolation } from '../db/errors.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { ownerMemberOf } from '../team/team.repository.js';
import { type AppointmentListener, emitAppointmentEvent } from './appointment-events.js';
import { type AppointmentAction, nextStatus } from './appointment-state.js';
import { bookingView } from './booking.view.js';
import {
  type AppointmentDetail,
  findAppointment,
  insertAppointment,
  updateAppointment,
} from './bookings.repository.js';
import { assertBeforeCutoff } from './change-cutoff.js';
import { rememberResponse, replayFor, requestFingerprint, type StoredResponse } from './idempotency.js';
import { assertSlotFree, blockedInterval } from './slot-check.js';

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
  const fingerprint = requestFingerprint(request);
  return withWriteLock(deps.db, async (trx) => {
    if (options.idempotencyKey) {
      const replay = await replayFor(trx, 'booking', options.idempotencyKey, fingerprint, now);
      if (replay) return replay;
    }
    const { appointment, token } = await book(trx, deps, now, request, {
      actor: 'customer',
      customerUserId: options.customerUserId ?? null,
    });
    const response = { status: 201, body: { booking: bookingView(appointment, deps.appUrl, token) } };
    if (options.idempotencyKey)
      await rememberResponse(trx, 'booking', options.idempotencyKey, fingerprint, response, now);
    return response;
  });
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

async function book(
  trx: Db,
  deps: BookingDeps,
  now: Date,
  request: BookingRequest,
  by: { actor: Role; customerUserId: number | null },
): Promise<{ appointment: AppointmentDetail; token: string }> {
  const provider = await findProviderBySlug(trx, request.provider);
  if (!provider) throw AppError.notFound('Provider');
  const service = await findService(trx, provider.id, request.service);
  if (service?.active !== 1) throw AppError.notFound('Service');
  await assertSlotFree(trx, {
    provider,
    service,
    start: request.start,
    now: now.getTime(),
    busyTimes: deps.busyTimes,
    byOwner: by.actor === 'provider',
  });

  // Until bookings choose among a team, the owner serves every appointment.
  const member = await ownerMemberOf(trx, provider.id);
  const token = generateToken();
  const id = await insertAppointment(trx, {
    provider_id: provider.id,
    member_id: member.id,
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
  }).catch((error: unknown) => {
    // The unique index on live starts fired: another process won the race.
    if (isUniqueViolation(error, 'appointments'))
      throw new AppError('slot_taken', 'This time was just taken; please pick another');
    throw error;
  });
  await emitAppointmentEvent(trx, deps.listeners, {
    type: 'created',
    appointmentId: id,
    providerId: provider.id,
    actor: by.actor,
    manageToken: token,
  });
  return { appointment: (await findAppointment(trx, id))!, token };
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
}

/** Moves an appointment to a new start, keeping its id and raising its sequence. */
export async function rescheduleAppointment(
  deps: BookingDeps,
  change: Change,
  start: number,
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
    await assertSlotFree(trx, {
      provider,
      service,
      start,
      now: now.getTime(),
      busyTimes: deps.busyTimes,
      excludeAppointmentId: appointment.id,
      byOwner: change.actor === 'provider',
    });
    await updateAppointment(trx, appointment.id, {
      ...blockedInterval(service, start),
      updated_at: now.toISOString(),
      bumpSequence: true,
    });
    await emitAppointmentEvent(trx, deps.listeners, {
      type: 'rescheduled',
      appointmentId: appointment.id,
      providerId: appointment.provider_id,
      actor: change.actor,
      previous: { startAt: appointment.start_at, endAt: appointment.end_at },
    });
    return (await findAppointment(trx, appointment.id))!;
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
    });
    return (await findAppointment(trx, appointment.id))!;
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
