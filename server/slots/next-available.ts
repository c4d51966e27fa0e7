import type { BusyTimeSource } from '../availability/availability.types.js';
import { firstTeamSlot } from '../availability/team-slots.js';
import { zoneClocks } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { effectiveOverridesOfMembers, weeklyHoursOfMembers } from '../schedule/schedule.repository.js';
import { firstActiveServices } from '../services/services.repository.js';
import { performersOfServices } from '../team/team.repository.js';
import { bookedIntervalsOf, busyWindowOf, memberAvailability, timingOf } from './availability.loader.js';

const DAY = 24 * 60 * 60 * 1000;
/** How far "next available" looks ahead: enough for a directory card, cheap enough for every result. */
export const NEXT_AVAILABLE_DAYS = 14;

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
  const result = new Map<number, string | null>(providers.map((p) => [p.id, null]));
  if (providers.length === 0) return result;
  const range = { start: options.now, end: options.now + (options.days ?? NEXT_AVAILABLE_DAYS) * DAY };
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

  // One clock per zone for the whole page: most businesses share a zone, and its offsets and horizon are read once.
  const clocks = zoneClocks();
  await Promise.all(
    providers.map(async (provider) => {
      const service = services.get(provider.id);
      if (!service) return;
      const team = await Promise.all(
        (performers.get(service.id) ?? [])
          // Nothing to offer: skip the member's own-calendar lookup too.
          .filter((m) => weekly.has(m.id) || overrides.get(m.id)?.some((o) => o.intervals.length > 0))
          .map(async (m) =>
            memberAvailability({
              provider,
              service,
              memberId: m.id,
              weeklyHours: weekly.get(m.id) ?? [],
              overrides: overrides.get(m.id) ?? [],
              appointments: booked.get(m.id) ?? [],
              externalBusy: await options.busyTimes(db, m.id, busyWindowOf(range, timingOf(service))),
              now: options.now,
              range,
            }),
          ),
      );
      // A day at a time: a business free tomorrow costs a day's computation, not the fortnight's.
      const first = firstTeamSlot(team, service.seats, range, { step: DAY, clocks });
      result.set(provider.id, first ? new Date(first.start).toISOString() : null);
    }),
  );
  return result;
}
