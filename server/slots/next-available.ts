import type { BusyTimeSource, BusyTimesOfMembers, Interval } from '../availability/availability.types.js';
import { firstTeamSlot } from '../availability/team-slots.js';
import { zoneClocks } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { effectiveOverridesOfMembers, weeklyHoursOfMembers } from '../schedule/schedule.repository.js';
import { firstActiveServices } from '../services/services.repository.js';
import { performersOfServices } from '../team/team.repository.js';
import { type BusyRead, bookedIntervalsOf, busyWindowOf, memberAvailability, timingOf } from './availability.loader.js';
import { busyWithin, oneMemberAtATime, spanOf } from './busy-of-members.js';

const DAY = 24 * 60 * 60 * 1000;
/** How far "next available" looks ahead: enough for a directory card, cheap enough for every result. */
export const NEXT_AVAILABLE_DAYS = 14;
/**
 * How long "nothing within the fortnight" holds, data unchanged: the fortnight's end moves with the clock and may
 * reach a free day. As long as the slots cache lets a new day at the horizon go unseen.
 */
export const NO_SLOT_HOLDS_MS = 60_000;

/** One member's calendar busy times as a business's answer was computed with them, and what was read. */
export interface MemberBusy extends BusyRead {
  busy: Interval[];
}

/** One business's next available start, and what it rests on besides its versioned data. */
export interface NextAvailableAnswer {
  /** The earliest bookable start (epoch ms), or null. */
  start: number | null;
  /**
   * The app clock span in which `start` stays the answer while the data and busy times stay: from the `now` it was
   * computed at until the start falls under the notice period (nothing before it can become free by time passing),
   * or {@link NO_SLOT_HOLDS_MS} for null.
   */
  validFrom: number;
  validUntil: number;
  /** The busy times of each member it was computed with (members without hours are not asked). */
  busy: MemberBusy[];
}

/**
 * The earliest bookable start (ISO instant) of each provider's first active service within the next
 * {@link NEXT_AVAILABLE_DAYS} days, with any member who performs it, or `null`. Five queries for the whole page,
 * then the same pure functions that the slots endpoint and the booking check use, so the card never promises a
 * time that the widget would not offer.
 */
export async function nextAvailableTimes(
  db: Db,
  providers: ProviderRow[],
  options: { now: number; busyTimes: BusyTimeSource<Db>; days?: number },
): Promise<Map<number, string | null>> {
  const answers = await computeNextAvailable(db, providers, {
    ...options,
    busyOfMembers: oneMemberAtATime(options.busyTimes),
  });
  return new Map([...answers].map(([id, a]) => [id, isoOrNull(a.start)]));
}

export const isoOrNull = (start: number | null) => (start === null ? null : new Date(start).toISOString());

/**
 * {@link nextAvailableTimes} with what each answer rests on, for remembering it (next-available-cached.ts). The
 * calendar busy times of the whole page come in one read (`busyOfMembers`).
 */
export async function computeNextAvailable(
  db: Db,
  providers: ProviderRow[],
  options: { now: number; busyOfMembers: BusyTimesOfMembers<Db>; days?: number },
): Promise<Map<number, NextAvailableAnswer>> {
  const { now } = options;
  const nothing = (): NextAvailableAnswer => ({
    start: null,
    validFrom: now,
    validUntil: now + NO_SLOT_HOLDS_MS,
    busy: [],
  });
  const result = new Map<number, NextAvailableAnswer>(providers.map((p) => [p.id, nothing()]));
  if (providers.length === 0) return result;
  const range = { start: now, end: now + (options.days ?? NEXT_AVAILABLE_DAYS) * DAY };
  // Local dates differ by zone; a day's slack on both sides covers every zone (UTC−12 … UTC+14).
  const fromDate = new Date(range.start - DAY).toISOString().slice(0, 10);
  const toDate = new Date(range.end + DAY).toISOString().slice(0, 10);

  const services = await firstActiveServices(
    db,
    providers.map((p) => p.id),
  );
  const performers = await performersOfServices(
    db,
    [...services.values()].map((s) => s.id),
  );
  const members = [...performers.values()].flat();
  const ids = members.map((m) => m.id);
  const [weekly, overrides, booked] = await Promise.all([
    weeklyHoursOfMembers(db, ids),
    effectiveOverridesOfMembers(db, members, fromDate, toDate),
    bookedIntervalsOf(db, 'member_id', ids, range),
  ]);

  // Members with nothing to offer are left out, their own-calendar lookup too.
  const teams = new Map(
    providers.flatMap((provider) => {
      const service = services.get(provider.id);
      if (!service) return [];
      const window = busyWindowOf(range, timingOf(service));
      const team = (performers.get(service.id) ?? [])
        .filter((m) => weekly.has(m.id) || overrides.get(m.id)?.some((o) => o.intervals.length > 0))
        .map((m) => ({ memberId: m.id, window }));
      return [[provider.id, { provider, service, team }] as const];
    }),
  );
  const asked = [...teams.values()].flatMap((t) => t.team);
  const busy = asked.length
    ? await options.busyOfMembers(
        db,
        asked.map((m) => m.memberId),
        spanOf(asked.map((m) => m.window)),
      )
    : new Map<number, Interval[]>();

  // One clock per zone for the whole page: most businesses share a zone, and its offsets and horizon are read once.
  const clocks = zoneClocks();
  for (const { provider, service, team } of teams.values()) {
    const memberBusy = team.map((m) => ({ ...m, busy: busyWithin(busy.get(m.memberId), m.window) }));
    const availability = memberBusy.map((m) =>
      memberAvailability({
        provider,
        service,
        memberId: m.memberId,
        weeklyHours: weekly.get(m.memberId) ?? [],
        overrides: overrides.get(m.memberId) ?? [],
        appointments: booked.get(m.memberId) ?? [],
        externalBusy: m.busy,
        now,
        range,
      }),
    );
    // A day at a time: a business free tomorrow costs a day's computation, not the fortnight's.
    const first = firstTeamSlot(availability, service.seats, range, { step: DAY, clocks });
    result.set(provider.id, {
      ...nothing(),
      ...(first && { start: first.start, validUntil: first.start - provider.min_notice_minutes * 60_000 }),
      busy: memberBusy,
    });
  }
  return result;
}
