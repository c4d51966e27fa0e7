import type { z } from 'zod';
import { tokenMatches } from '../auth/tokens.js';
import type { AppointmentListener } from '../bookings/appointment-events.js';
import { type BookingDeps, book, rescheduleAppointment } from '../bookings/booking.service.js';
import { bookingView, type customerBookingSchema } from '../bookings/booking.view.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { findProviderById } from '../providers/providers.repository.js';
import { nextTimes } from './next-times.js';
import { freedOf, type OfferDeps, offerFreedTime, releaseOffer } from './offers.js';
import { closeOffer, findEntry, findOffer, teamNameOf, updateEntry } from './waitlist.repository.js';
import type { WaitlistEntryRow, WaitlistOfferRow } from './waitlist.table.js';

export interface TakeDeps {
  /** The booking path, with every appointment listener. */
  bookings: BookingDeps;
  offers: OfferDeps;
}

/** Refusals of a booking or move that mean the time went to someone else. */
const LOST = new Set(['slot_taken', 'slot_not_offered', 'unprocessable', 'offer_taken', 'offer_expired']);

/**
 * Takes an offer and answers the moved or new booking: moves the entry's appointment there through the reschedule
 * path, or books the class place through the booking path, so their emails, calendar sync and webhooks follow, and
 * the moved appointment's old time is offered onwards (the waitlist listener). Atomic: the offer is checked open and
 * marked taken inside the same write transaction as the move or booking; of two takes of one time exactly one
 * succeeds, the other gets 409 `offer_taken` or `offer_expired` with `next` times, and its entry keeps waiting.
 */
export async function takeOffer(
  deps: TakeDeps,
  offerId: number,
  token: string,
): Promise<z.output<typeof customerBookingSchema>> {
  const { db, now } = deps.bookings;
  const offer = await findOffer(db, offerId);
  if (!offer || !tokenMatches(token, offer.token_hash)) throw AppError.notFound('Offer');
  const entry = (await findEntry(db, offer.entry_id))!;
  if (offer.status !== 'open' || Date.parse(offer.expires_at) <= now().getTime())
    throw await refusal(deps, offer, entry);
  const member = await teamNameOf(db, offer.member_id);
  try {
    if (entry.kind === 'earlier') {
      // The hold is left out with the appointment it would move (`bookedIntervalsOf`); the take's own listener,
      // first, checks and marks the offer in the move's transaction.
      const bookings = { ...deps.bookings, listeners: [markTaken(deps.offers, offer.id), ...deps.bookings.listeners] };
      const change = { appointmentId: entry.appointment_id!, actor: 'customer' as const, authorize: () => {} };
      const moved = await rescheduleAppointment(bookings, change, Date.parse(offer.start_at), member.slug);
      return bookingView(moved, bookings.appUrl);
    }
    // A class place: the offer is taken first in the transaction, which lifts its hold for this very booking.
    const provider = (await findProviderById(db, offer.provider_id))!;
    return await withWriteLock(db, async (trx) => {
      const taken = await claimOffer(trx, deps.offers, offer.id);
      const request = {
        provider: provider.slug,
        service: taken.service_id,
        start: Date.parse(taken.start_at),
        staff: member.slug,
        customer: { name: entry.customer_name ?? '', email: entry.customer_email ?? '' },
        timeZone: entry.customer_time_zone ?? undefined,
      };
      const by = { actor: 'customer' as const, customerUserId: entry.customer_user_id };
      const { appointment, token: manageToken } = await book(trx, deps.bookings, now(), request, by);
      // Places still free at this class time go on down the line.
      await offerFreedTime(trx, deps.offers, freedOf(taken));
      return bookingView(appointment, deps.bookings.appUrl, manageToken);
    });
  } catch (error) {
    if (error instanceof AppError && LOST.has(error.code)) throw await refusal(deps, offer, entry);
    throw error;
  }
}

/**
 * Under the write lock: the offer must still be open and within its hold; it is marked taken and its entry done,
 * in the transaction of the move or booking (which rolls it all back if it fails).
 */
async function claimOffer(trx: Db, deps: OfferDeps, offerId: number): Promise<WaitlistOfferRow> {
  const now = deps.now();
  const offer = (await findOffer(trx, offerId))!;
  if (offer.status === 'taken') throw new AppError('offer_taken', 'This offer was taken already');
  if (offer.status === 'expired' || Date.parse(offer.expires_at) <= now.getTime())
    throw new AppError('offer_expired', 'This offer ran out');
  await closeOffer(trx, offer.id, 'taken', now.toISOString());
  await updateEntry(trx, offer.entry_id, { status: 'done', updated_at: now.toISOString() });
  await deps.slotsChanged(trx, offer.provider_id);
  return offer;
}

/** A move's listener, first of all: claims the offer inside the move's transaction. */
function markTaken(deps: OfferDeps, offerId: number): AppointmentListener {
  return async function takeTheOffer(trx, event) {
    if (event.type === 'rescheduled') await claimOffer(trx, deps, offerId);
  };
}

/**
 * The 409 for a take that lost: `offer_taken` when the offer or its time went to someone else, `offer_expired`
 * when its hold ran out; with up to 5 other times for the entry. An offer still open whose time is gone all the same
 * is closed and passed on, and the entry keeps waiting for other times.
 */
async function refusal(deps: TakeDeps, offer: WaitlistOfferRow, entry: WaitlistEntryRow): Promise<AppError> {
  const { db, now } = deps.bookings;
  const fresh = (await findOffer(db, offer.id))!;
  const lapsed =
    fresh.status === 'expired' || (fresh.status === 'open' && Date.parse(fresh.expires_at) <= now().getTime());
  if (fresh.status === 'open')
    await withWriteLock(db, async (trx) => {
      const current = await findOffer(trx, offer.id);
      if (current?.status === 'open') await releaseOffer(trx, deps.offers, current);
    });
  const current = (await findEntry(db, entry.id))!;
  const next =
    current.status === 'waiting' ? await nextTimes(db, deps.bookings, current, Date.parse(offer.start_at)) : [];
  return lapsed
    ? new AppError('offer_expired', 'This offer ran out; the time went to the next in line', undefined, undefined, {
        next,
      })
    : new AppError('offer_taken', 'Someone else took this time first', undefined, undefined, { next });
}
