import type { BusyTimeSource, BusyTimesOfMembers, Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';

/** A per-member source read as a batched one, a read per member: for callers given only that (tests, scripts). */
export const oneMemberAtATime =
  (source: BusyTimeSource<Db>): BusyTimesOfMembers<Db> =>
  async (db, memberIds, range) =>
    new Map(await Promise.all(memberIds.map(async (id) => [id, await source(db, id, range)] as const)));

/** The smallest window holding all of these (one read for members whose windows differ by their service). */
export function spanOf(windows: readonly Interval[]): Interval {
  return {
    start: Math.min(...windows.map((w) => w.start)),
    end: Math.max(...windows.map((w) => w.end)),
  };
}

/** The busy times of a wider read that touch `window`: what a read over `window` alone gives. */
export function busyWithin(busy: readonly Interval[] | undefined, window: Interval): Interval[] {
  return (busy ?? []).filter((b) => b.start < window.end && b.end > window.start);
}

/** Two lists of busy times are the same, in the same order. */
export function sameBusy(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((x, i) => x.start === b[i]!.start && x.end === b[i]!.end);
}
