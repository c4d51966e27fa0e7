import type { BusyTimesOfMembers, Interval } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { busyWithin, sameBusy, spanOf } from './busy-of-members.js';
import { computeNextAvailable, isoOrNull, type NextAvailableAnswer } from './next-available.js';
import type { NextAvailableMemory } from './next-available-memory.js';

/**
 * `nextAvailableTimes` for a page of businesses, remembering each answer (next-available-memory.ts): the page costs
 * its businesses' versions (a query on PostgreSQL, none on SQLite), one read of the calendar busy times of the
 * members behind the remembered answers, and the full load and computation for the others only, in one batch.
 *
 * A remembered answer is given only while all of this holds, so the card never promises a time the widget would
 * not offer: the business's version is the one taken before its data was read (bookings, holds, hours, services,
 * rules, team: what bumps the slots cache bumps this), `now` is inside its span (the start not yet under the notice
 * period; "none" a minute at most), it is younger than the age limit, and its members' calendar busy times over the
 * windows it read are exactly those it was computed with. Busy times come from calendar sync, which bumps no
 * version, so they are read fresh for every page as before; only which businesses need computing depends on them.
 */
export async function cachedNextAvailableTimes(
  db: Db,
  providers: ProviderRow[],
  options: { now: number; busyOfMembers: BusyTimesOfMembers<Db>; memory: NextAvailableMemory },
): Promise<Map<number, string | null>> {
  const { now, memory } = options;
  const result = new Map<number, string | null>();
  if (providers.length === 0) return result;
  // Before any of the data is read: a change after this makes whatever is computed below stale.
  const versions = await memory.versionsOf(providers.map((p) => p.id));
  const remembered = new Map<number, NextAvailableAnswer>();
  for (const p of providers) {
    const answer = memory.get(p.id, versions.get(p.id) ?? 0);
    if (answer && now >= answer.validFrom && now <= answer.validUntil) remembered.set(p.id, answer);
  }
  const busy = await currentBusyOf([...remembered.values()], db, options.busyOfMembers);
  for (const [id, answer] of remembered) {
    if (answer.busy.every((m) => sameBusy(m.busy, busyWithin(busy.get(m.memberId), m.window))))
      result.set(id, isoOrNull(answer.start));
  }

  const missing = providers.filter((p) => !result.has(p.id));
  if (missing.length > 0) {
    // Over the directory's fortnight only: the memory keeps one answer a business, for that question.
    const computed = await computeNextAvailable(db, missing, { now, busyOfMembers: options.busyOfMembers });
    for (const [id, answer] of computed) {
      memory.set(id, answer, versions.get(id) ?? 0);
      result.set(id, isoOrNull(answer.start));
    }
  }
  // In the page's order, as nextAvailableTimes gives it.
  return new Map(providers.map((p) => [p.id, result.get(p.id) ?? null]));
}

/** The busy times now of every member behind these answers, over the windows they were read over: one read. */
async function currentBusyOf(
  answers: readonly NextAvailableAnswer[],
  db: Db,
  busyOfMembers: BusyTimesOfMembers<Db>,
): Promise<Map<number, Interval[]>> {
  const members = answers.flatMap((a) => a.busy);
  if (members.length === 0) return new Map();
  return busyOfMembers(
    db,
    members.map((m) => m.memberId),
    spanOf(members.map((m) => m.window)),
  );
}
