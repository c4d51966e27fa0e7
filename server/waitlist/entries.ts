import { generateToken, hashToken, tokenMatches } from '../auth/tokens.js';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { classAttendees } from '../bookings/bookings.repository.js';
import { freeMembersAt } from '../bookings/slot-check.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { SessionUser } from '../http/app-env.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { staffFor } from '../slots/staff.js';
import { performersOf } from '../team/team.repository.js';
import { daysToText } from './matching.js';
import { endEntry, type OfferDeps } from './offers.js';
import {
  findClassEntry,
  findEntry,
  findEntryOfAppointment,
  insertEntry,
  positionOf,
  updateEntry,
} from './waitlist.repository.js';
import type { WaitlistEntryRow } from './waitlist.table.js';
import { entryView } from './waitlist.view.js';

export interface WaitFilters {
  member?: 'same' | 'any' | undefined;
  days?: number[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * Puts a confirmed, upcoming one-to-one appointment on the waitlist for an earlier time, or replaces its filters
 * (keeping its place in line; an entry that had ended queues anew). 409 `not_waitlistable` otherwise.
 */
export async function askForEarlier(
  db: Db,
  now: Date,
  appointment: AppointmentDetail,
  filters: WaitFilters,
): Promise<WaitlistEntryRow> {
  if (
    appointment.status !== 'confirmed' ||
    Date.parse(appointment.start_at) <= now.getTime() ||
    (appointment.service_seats ?? 1) > 1
  )
    throw new AppError(
      'not_waitlistable',
      'Only a confirmed, upcoming one-to-one appointment can wait for an earlier time',
    );
  return withWriteLock(db, async (trx) => {
    // A business of one has nobody else: "any" is "same" there.
    const performers = await performersOf(trx, appointment.provider_id, appointment.service_id);
    const values = {
      member_choice: filters.member === 'any' && performers.length > 1 ? ('any' as const) : ('same' as const),
      days: daysToText(filters.days),
      from_time: filters.from ?? null,
      to_time: filters.to ?? null,
      updated_at: now.toISOString(),
    };
    const existing = await findEntryOfAppointment(trx, appointment.id);
    if (existing) {
      const inLine = existing.status === 'waiting' || existing.status === 'offered';
      await updateEntry(trx, existing.id, {
        ...values,
        ...(!inLine && { status: 'waiting', queued_at: now.toISOString() }),
      });
      return (await findEntryOfAppointment(trx, appointment.id))!;
    }
    await insertEntry(trx, {
      kind: 'earlier',
      provider_id: appointment.provider_id,
      service_id: appointment.service_id,
      member_id: null,
      appointment_id: appointment.id,
      class_start_at: null,
      customer_user_id: null,
      customer_name: null,
      customer_email: null,
      customer_time_zone: null,
      token_hash: null,
      status: 'waiting',
      queued_at: now.toISOString(),
      ...values,
    });
    return (await findEntryOfAppointment(trx, appointment.id))!;
  });
}

export interface ClassJoin {
  provider: string;
  service: number;
  start: number;
  staff?: string | undefined;
  customer: { name: string; email: string };
  timeZone?: string | undefined;
}

/**
 * Joins the line of a full class time: 404 when the business, service (a class) or class time is unknown, 409
 * `class_not_full` when a place is free (book it instead). Returns the entry and its token (shown once).
 */
export async function joinClassLine(
  deps: { db: Db; now: () => Date; busyTimes: BusyTimeSource<Db> },
  join: ClassJoin,
  user: SessionUser | null,
): Promise<{ entry: WaitlistEntryRow; token: string }> {
  const now = deps.now();
  return withWriteLock(deps.db, async (trx) => {
    const provider = await findProviderBySlug(trx, join.provider);
    const service = provider && (await findService(trx, provider.id, join.service));
    if (!provider || service?.active !== 1 || service.seats <= 1) throw AppError.notFound('Class');
    const members = await staffFor(trx, provider.id, service.id, join.staff);
    const startAt = new Date(join.start).toISOString();
    const full = await fullClassMember(trx, {
      provider,
      service,
      members,
      start: join.start,
      now: now.getTime(),
      busyTimes: deps.busyTimes,
    });
    const email = join.customer.email.toLowerCase();
    if (await findClassEntry(trx, { serviceId: service.id, memberId: full, startAt, email }))
      throw new AppError('conflict', 'This address is in line for this class time already');
    const token = generateToken();
    const id = await insertEntry(trx, {
      kind: 'class',
      provider_id: provider.id,
      service_id: service.id,
      member_id: full,
      member_choice: 'same',
      appointment_id: null,
      class_start_at: startAt,
      days: null,
      from_time: null,
      to_time: null,
      customer_user_id: user?.role === 'customer' ? user.id : null,
      customer_name: join.customer.name,
      customer_email: email,
      customer_time_zone: join.timeZone ?? null,
      token_hash: hashToken(token),
      status: 'waiting',
      queued_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    return { entry: (await findEntry(trx, id))!, token };
  });
}

/** The member whose class at `start` is full (taken or held); 409 when a place is free, 404 for no such class time. */
async function fullClassMember(trx: Db, at: Parameters<typeof freeMembersAt>[1]): Promise<number> {
  try {
    await freeMembersAt(trx, at);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'slot_taken') throw AppError.notFound('Class time');
    for (const member of at.members) {
      const attendees = await classAttendees(trx, {
        memberId: member.id,
        serviceId: at.service.id,
        startAt: new Date(at.start).toISOString(),
        providerId: at.provider.id,
      });
      if (attendees.length > 0) return member.id;
    }
    throw AppError.notFound('Class time');
  }
  throw new AppError('class_not_full', 'This class has a free place: book it instead');
}

/**
 * Who may see or leave an entry: a class entry's token or the signed-in customer who joined; an earlier entry's
 * appointment's manage token or the customer who booked it. Anything else is the 404 of an unknown entry.
 */
export function entryAccess(
  entry: WaitlistEntryRow,
  appointment: AppointmentDetail | undefined,
  token: string | undefined,
  user: SessionUser | null,
): void {
  const hash = entry.kind === 'class' ? entry.token_hash : appointment?.manage_token_hash;
  const owner = entry.kind === 'class' ? entry.customer_user_id : appointment?.customer_user_id;
  const byToken = token !== undefined && hash != null && tokenMatches(token, hash);
  const bySession = user?.role === 'customer' && owner != null && owner === user.id;
  if (!byToken && !bySession) throw AppError.notFound('Waitlist entry');
}

/** Leaves the line; an offer it held open goes to the next. */
export async function leaveLine(db: Db, deps: OfferDeps, entryId: number): Promise<void> {
  await withWriteLock(db, async (trx) => {
    const entry = await findEntry(trx, entryId);
    if (entry?.status === 'waiting' || entry?.status === 'offered') await endEntry(trx, deps, entry.id, 'left');
  });
}

/** An entry as the API shows it, with its place in line; a left entry is shown as none (the customer may ask again). */
export async function shownEntry(db: Db, entry: WaitlistEntryRow | undefined) {
  if (!entry || entry.status === 'left') return null;
  return entryView(entry, await positionOf(db, entry));
}
