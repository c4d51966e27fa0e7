import type { BusyTimeSource } from '../availability/availability.types.js';
import { classSlots } from '../availability/class-slots.js';
import { computeSlots } from '../availability/slots.js';
import { zoneClocks } from '../availability/zone-clock.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import type { ServiceRow } from '../services/services.table.js';
import { loadTeamAvailability, type MemberRef } from '../slots/availability.loader.js';

export interface SlotCheck {
  provider: ProviderRow;
  service: ServiceRow;
  /** Who may take it: the member asked for, or every performer for "any". */
  members: readonly MemberRef[];
  start: number;
  now: number;
  busyTimes: BusyTimeSource<Db>;
  excludeAppointmentId?: number;
  /**
   * The owner books or moves: no notice period (the customer may be at the counter) and any whole minute of the
   * opening hours, not only the slot grid customers see. Still free of every other appointment, blocked and busy
   * time, and within the booking horizon, the window calendar busy times are kept for.
   */
  byOwner?: boolean;
}

/** A member free at the time asked for, and the places their class time has left (1 for one-to-one). */
export interface FreeMember {
  memberId: number;
  placesLeft: number;
}

/** A one-minute grid anchored like the customers' holds every start of theirs, and every whole minute besides. */
const OWNER_RULES = { minNoticeMinutes: 0, slotStepMinutes: 1 } as const;

/**
 * The members free at `start`, decided with the same functions that list slots, so what the widget shows is exactly
 * what can be booked: 422 if no member's schedule ever offers this start, 409 if it is offered but taken by all.
 */
export async function freeMembersAt(db: Db, check: SlotCheck): Promise<FreeMember[]> {
  const team = await loadTeamAvailability(db, {
    provider: check.provider,
    service: check.service,
    members: check.members,
    range: { start: check.start, end: check.start + 1 },
    now: check.now,
    busyTimes: check.busyTimes,
    ...(check.excludeAppointmentId !== undefined && { excludeAppointmentId: check.excludeAppointmentId }),
  });
  if (check.byOwner) for (const m of team) m.input.rules = { ...m.input.rules, ...OWNER_RULES };
  const free: FreeMember[] = [];
  const clocks = zoneClocks(); // one for every performer of an "any" booking: their dates are resolved once
  for (const m of team) {
    const [slot] = classSlots(m.input, check.service.seats, m.classTimes, clocks);
    if (slot?.start === check.start) free.push({ memberId: m.memberId, placesLeft: slot.placesLeft ?? 1 });
  }
  // Free is the usual answer: one computation per member. Only a refusal asks which of the two it is.
  if (free.length > 0) return free;
  const offered = team.some((m) =>
    computeSlots({ ...m.input, appointments: [], externalBusy: [] }, clocks).some((s) => s.start === check.start),
  );
  if (!offered) {
    throw new AppError('slot_not_offered', 'This time is not an offered slot for this service', {
      start: 'not an offered slot',
    });
  }
  throw new AppError('slot_taken', 'This time was just taken; please pick another');
}

/** The interval an appointment keeps busy: its own time widened by the service's buffers. */
export function blockedInterval(service: ServiceRow, start: number) {
  const end = start + service.duration_minutes * 60_000;
  return {
    start_at: new Date(start).toISOString(),
    end_at: new Date(end).toISOString(),
    blocked_start_at: new Date(start - service.buffer_before_minutes * 60_000).toISOString(),
    blocked_end_at: new Date(end + service.buffer_after_minutes * 60_000).toISOString(),
  };
}
