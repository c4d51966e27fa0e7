import { DateTime } from 'luxon';
import { teamSlotsOf } from '../availability/team-slots.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { findService } from '../services/services.repository.js';
import { loadTeamAvailability } from '../slots/availability.loader.js';
import { performersOf } from '../team/team.repository.js';
import type { BookingDeps } from './booking.service.js';

/**
 * The free starts of one local date for the owner's "New appointment": the customers' slot grid, without the notice
 * period (the owner books for someone at the counter), for one member or (no `memberId`) anyone who performs the
 * service. Any other whole minute of the opening hours can be booked too; these are the ones worth offering.
 */
export async function ownerSlots(
  deps: Pick<BookingDeps, 'db' | 'now' | 'busyTimes'>,
  provider: ProviderRow,
  serviceId: number,
  date: string,
  memberId?: number,
) {
  const service = await findService(deps.db, provider.id, serviceId);
  if (service?.active !== 1) throw AppError.notFound('Service');
  const performers = await performersOf(deps.db, provider.id, service.id);
  const members = memberId === undefined ? performers : performers.filter((m) => m.id === memberId);
  const day = DateTime.fromISO(date, { zone: provider.time_zone });
  const range = { start: day.toMillis(), end: day.plus({ days: 1 }).toMillis() };
  const team = await loadTeamAvailability(deps.db, {
    provider,
    service,
    members,
    range,
    now: deps.now().getTime(),
    busyTimes: deps.busyTimes,
  });
  for (const m of team) m.input.rules = { ...m.input.rules, minNoticeMinutes: 0 };
  return {
    timeZone: provider.time_zone,
    slots: teamSlotsOf(team, service.seats, { range }).map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      ...(service.seats > 1 && { placesLeft: s.placesLeft }),
    })),
  };
}
