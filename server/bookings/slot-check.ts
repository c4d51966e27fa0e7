import type { BusyTimeSource } from '../availability/availability.types.js';
import { computeSlots } from '../availability/slots.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import type { ServiceRow } from '../services/services.table.js';
import { loadAvailabilityInput } from '../slots/availability.loader.js';

export interface SlotCheck {
  provider: ProviderRow;
  service: ServiceRow;
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

/** A one-minute grid anchored like the customers' holds every start of theirs, and every whole minute besides. */
const OWNER_RULES = { minNoticeMinutes: 0, slotStepMinutes: 1 } as const;

/**
 * Decides with the same function that lists slots, so what the widget shows is exactly what
 * can be booked: 422 if the schedule never offers this start, 409 if it is offered but taken.
 */
export async function assertSlotFree(db: Db, check: SlotCheck): Promise<void> {
  const input = await loadAvailabilityInput(db, {
    provider: check.provider,
    service: check.service,
    range: { start: check.start, end: check.start + 1 },
    now: check.now,
    busyTimes: check.busyTimes,
    ...(check.excludeAppointmentId !== undefined && { excludeAppointmentId: check.excludeAppointmentId }),
  });
  if (check.byOwner) input.rules = { ...input.rules, ...OWNER_RULES };
  // Offered and free is the usual answer: one computation. Only a refusal asks which of the two it is.
  if (computeSlots(input).some((s) => s.start === check.start)) return;
  const offered = computeSlots({ ...input, appointments: [], externalBusy: [] });
  if (!offered.some((s) => s.start === check.start)) {
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
