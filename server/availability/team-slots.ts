import type { AvailabilityInput, Interval, Slot } from './availability.types.js';
import { type ClassTime, classSlots, type SeatSlot } from './class-slots.js';
import { type ZoneClocks, zoneClocks } from './zone-clock.js';

/** A slot of the team: who can take it, and for a class how many places are left across them. */
export interface TeamSlot extends Slot {
  memberIds: number[];
  placesLeft: number;
}

/**
 * "Any available": the union of the members' slots, one per start, naming every member free then (in the members'
 * order). Each list must be sorted by start (as `computeSlots` and `classSlots` return them); so is the answer.
 * Members' places add up. One k-way merge of the sorted lists: no hashing of starts, no sort, no list rebuilt per
 * member.
 */
export function teamSlots(members: readonly { memberId: number; slots: readonly SeatSlot[] }[]): TeamSlot[] {
  const next = members.map(() => 0);
  const union: TeamSlot[] = [];
  for (;;) {
    let start = Infinity;
    for (let k = 0; k < members.length; k++) start = Math.min(start, members[k]!.slots[next[k]!]?.start ?? Infinity);
    if (start === Infinity) return union;
    let slot: TeamSlot | undefined;
    for (let k = 0; k < members.length; k++) {
      const mine = members[k]!.slots[next[k]!];
      if (mine?.start !== start) continue;
      slot ??= { start, end: mine.end, memberIds: [], placesLeft: 0 };
      slot.memberIds.push(members[k]!.memberId);
      slot.placesLeft += mine.placesLeft ?? 1;
      next[k]!++;
    }
    union.push(slot!);
  }
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
 * The first team slot in `range`, looked for a `step` at a time (a week by default): a first slot tomorrow costs a
 * step of work, not the whole booking horizon. The same functions as the slots list, so the widget opens on a time it
 * offers. `clocks` may be shared by several questions in one request (a page of businesses, most in one zone).
 */
export function firstTeamSlot(
  members: readonly MemberAvailability[],
  seats: number,
  range: Interval,
  { step = WEEK, clocks = zoneClocks() }: { step?: number; clocks?: ZoneClocks } = {},
): TeamSlot | undefined {
  for (let start = range.start; start < range.end; start += step) {
    const [first] = teamSlotsOf(members, seats, { range: { start, end: Math.min(start + step, range.end) }, clocks });
    if (first) return first;
  }
  return undefined;
}
