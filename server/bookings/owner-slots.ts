import { DateTime } from 'luxon';
import { computeSlots } from '../availability/slots.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { findService } from '../services/services.repository.js';
import { loadAvailabilityInput } from '../slots/availability.loader.js';
import type { BookingDeps } from './booking.service.js';

/**
 * The free starts of one local date for the owner's "New appointment": the customers' slot grid, without the notice
 * period (the owner books for someone at the counter). Any other whole minute of the opening hours can be booked
 * too; these are the ones worth offering.
 */
export async function ownerSlots(
  deps: Pick<BookingDeps, 'db' | 'now' | 'busyTimes'>,
  provider: ProviderRow,
  serviceId: number,
  date: string,
) {
  const service = await findService(deps.db, provider.id, serviceId);
  if (service?.active !== 1) throw AppError.notFound('Service');
  const day = DateTime.fromISO(date, { zone: provider.time_zone });
  const range = { start: day.toMillis(), end: day.plus({ days: 1 }).toMillis() };
  const input = await loadAvailabilityInput(deps.db, {
    provider,
    service,
    range,
    now: deps.now().getTime(),
    busyTimes: deps.busyTimes,
  });
  const slots = computeSlots({ ...input, rules: { ...input.rules, minNoticeMinutes: 0 } });
  return {
    timeZone: provider.time_zone,
    slots: slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })),
  };
}
