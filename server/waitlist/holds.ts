import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { heldIntervals } from './waitlist.repository.js';

/**
 * Busy times with the waitlist's holds added: while an offer is open, its time is busy for everyone but its taker
 * (`exceptOfferId`), in slots, bookings and moves alike. Calendar busy times are read fresh on every slots request
 * (never cached with the answer, see slots-cache.ts), so a hold shows and goes with no cache to invalidate;
 * the offer code bumps the slots version as well.
 */
export function withHolds(base: BusyTimeSource<Db>, now: () => Date, exceptOfferId?: number): BusyTimeSource<Db> {
  return async (db, memberId, range) => {
    const busy = await base(db, memberId, range);
    const held = await heldIntervals(db, memberId, range, now().toISOString(), exceptOfferId);
    return held.length === 0 ? busy : [...busy, ...held];
  };
}
