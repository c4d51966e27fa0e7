import type { AvailabilityInput, Interval, Slot } from './availability.types.js';
import { type ClassTime, classSlots, type SeatSlot } from './class-slots.js';
import { type ZoneClocks, zoneClocks } from './zone-clock.js';

/** A slot of the team: who can take it, and for a class how many places are left across them. */
export interface TeamSlot extends Slot {
  memberIds: number[];
  placesLeft: number;
}

/**
 * "Any available": the union of the members' slots, one per start, naming every member free then. Each list must
 * be sorted by start (as `computeSlots` and `classSlots` return them); so is the answer. Members' places add up.
 * Merged list by list, as sorted lists merge: no hashing of starts, no sort.
 */
export function teamSlots(members: readonly { memberId: number; slots: readonly SeatSlot[] }[]): TeamSlot[] {
  let union: TeamSlot[] = [];
  for (const { memberId, slots } of members) union = mergeInto(union, memberId, slots);
  return union;
}

function mergeInto(union: TeamSlot[], memberId: number, slots: readonly SeatSlot[]): TeamSlot[] {
  const merged: TeamSlot[] = [];
  let i = 0;
  let j = 0;
  while (i < union.length || j < slots.length) {
    const mine = slots[j];
    const known = union[i];
    if (mine && (!known || mine.start < known.start)) {
      merged.push({ start: mine.start, end: mine.end, memberIds: [memberId], placesLeft: mine.placesLeft ?? 1 });
      j++;
    } else if (mine && known && mine.start === known.start) {
      // The union's slots are this function's own objects: adding to them in place is safe.
      known.memberIds.push(memberId);
      known.placesLeft += mine.placesLeft ?? 1;
      merged.push(known);
      i++;
      j++;
    } else {
      merged.push(known!);
      i++;
    }
  }
  return merged;
}

/** Everything one member's slots are computed from; for a class service, the class times they already teach. */
export interface MemberAvailability {
  memberId: number;
  input: AvailabilityInput;
  classTimes: readonly ClassTime[];
}

/**
 * The team's slots for `members` in `range`, a service of `seats` places per time (1: one-to-one), at `now`: each
 * member's own slots (their hours, appointments and calendar only), then their union.
 */
export function teamSlotsOf(
  members: readonly MemberAvailability[],
  seats: number,
  at: { range: Interval; now?: number; clocks?: ZoneClocks },
): TeamSlot[] {
  // One clock for the whole team: members share the business's zone, so each date is resolved once, not per member.
  const clocks = at.clocks ?? zoneClocks();
  return teamSlots(
    members.map((m) => ({
      memberId: m.memberId,
      slots: classSlots({ ...m.input, range: at.range, now: at.now ?? m.input.now }, seats, m.classTimes, clocks),
    })),
  );
}

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * The first team slot in `range`, looked for a week at a time: a first slot tomorrow costs a week of work, not the
 * whole booking horizon. The same functions as the slots list, so the widget opens on a time it offers.
 */
export function firstTeamSlot(
  members: readonly MemberAvailability[],
  seats: number,
  range: Interval,
): TeamSlot | undefined {
  const clocks = zoneClocks();
  for (let start = range.start; start < range.end; start += WEEK) {
    const [first] = teamSlotsOf(members, seats, { range: { start, end: Math.min(start + WEEK, range.end) }, clocks });
    if (first) return first;
  }
  return undefined;
}
