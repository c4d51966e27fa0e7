import type { BusyTimeSource } from '../availability/availability.types.js';
import { teamSlotsOf } from '../availability/team-slots.js';
import { zoneClocks } from '../availability/zone-clock.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { findProviderById } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import { loadTeamAvailability, type MemberRef } from '../slots/availability.loader.js';
import { performersOf } from '../team/team.repository.js';
import { daysFromText, inWindow } from './matching.js';
import type { WaitlistEntryRow } from './waitlist.table.js';

/** How many other times a refused take suggests. */
export const NEXT_TIMES = 5;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Other free times for an entry whose offer was taken or ran out, soonest first (ISO instants): for an earlier
 * entry the free starts before its appointment that its member choice and window accept; for a class entry the
 * class's other times with a place left. Computed like slots (holds of others included), a week at a time.
 */
export async function nextTimes(
  db: Db,
  deps: { now: () => Date; busyTimes: BusyTimeSource<Db> },
  entry: WaitlistEntryRow,
  except: number,
): Promise<string[]> {
  const provider = await findProviderById(db, entry.provider_id);
  const service = provider && (await findService(db, provider.id, entry.service_id));
  if (!provider || service?.active !== 1) return [];
  const now = deps.now().getTime();
  const horizon = now + (provider.max_days_ahead + 1) * DAY_MS;
  let members: MemberRef[];
  let end = horizon;
  let excludeAppointmentId: number | undefined;
  let accept = (start: number) => start !== except;
  if (entry.kind === 'earlier') {
    const appointment = entry.appointment_id === null ? undefined : await findAppointment(db, entry.appointment_id);
    if (appointment?.status !== 'confirmed') return [];
    members =
      entry.member_choice === 'any'
        ? await performersOf(db, provider.id, service.id)
        : [{ id: appointment.member_id, provider_id: provider.id }];
    end = Math.min(horizon, Date.parse(appointment.start_at));
    excludeAppointmentId = appointment.id;
    const window = { days: daysFromText(entry.days), from: entry.from_time, to: entry.to_time };
    accept = (start) => start !== except && inWindow(window, start, provider.time_zone);
  } else {
    if (entry.member_id === null) return [];
    members = [{ id: entry.member_id, provider_id: provider.id }];
  }
  const found: string[] = [];
  const clocks = zoneClocks();
  for (let start = now; start < end && found.length < NEXT_TIMES; start += WEEK_MS) {
    const range = { start, end: Math.min(start + WEEK_MS, end) };
    const loaded = await loadTeamAvailability(db, {
      provider,
      service,
      members,
      range,
      now,
      busyTimes: deps.busyTimes,
      ...(excludeAppointmentId !== undefined && { excludeAppointmentId }),
    });
    for (const slot of teamSlotsOf(loaded, service.seats, { range, clocks })) {
      if (slot.start >= end || !accept(slot.start)) continue;
      found.push(new Date(slot.start).toISOString());
      if (found.length === NEXT_TIMES) break;
    }
  }
  return found;
}
