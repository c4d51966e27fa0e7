import type { AvailabilityInput, BookedInterval, Slot } from './availability.types.js';
import { computeSlots } from './slots.js';
import { type ZoneClocks, zoneClocks } from './zone-clock.js';

/** One class time a member already teaches: its start and the appointments of its attendees. */
export interface ClassTime {
  start: number;
  /** The attendees' appointments, the very objects found in `input.appointments`. */
  attendees: readonly BookedInterval[];
}

/** A bookable time with the places it has left; absent: one (a one-to-one service, the common case, unwrapped). */
export interface SeatSlot extends Slot {
  placesLeft?: number;
}

/**
 * The slots of a service with `seats` places per time (a class), for one member. A free time has all its places;
 * a class time already started by attendees stays bookable while places remain and nothing but its own attendees
 * stands in its way: attendees of the same class time do not block each other, while they block every other start
 * of the member (another class time, another service) like any appointment does.
 */
export function classSlots(
  input: AvailabilityInput,
  seats: number,
  classTimes: readonly ClassTime[],
  clocks: ZoneClocks = zoneClocks(),
): SeatSlot[] {
  if (seats <= 1) return computeSlots(input, clocks);
  const slots: SeatSlot[] = computeSlots(input, clocks).map((s) => ({ ...s, placesLeft: seats }));
  for (const time of classTimes) {
    const taken = time.attendees.length;
    if (taken >= seats || time.start < input.range.start || time.start >= input.range.end) continue;
    const others = input.appointments.filter((a) => !time.attendees.includes(a));
    const [slot] = computeSlots(
      { ...input, appointments: others, range: { start: time.start, end: time.start + 1 } },
      clocks,
    );
    if (slot?.start === time.start) slots.push({ ...slot, placesLeft: seats - taken });
  }
  return slots.sort((a, b) => a.start - b.start);
}
