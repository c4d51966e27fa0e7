import type { Role } from '../auth/auth.table.js';
import type { ReminderLead } from '../providers/providers.table.js';

export const REMINDER_LEAD_MS: Record<Exclude<ReminderLead, 'off'>, number> = {
  '24h': 24 * 60 * 60_000,
  '2h': 2 * 60 * 60_000,
};

/**
 * A reminder is due from `lead` before the start until the start. It is skipped when the
 * appointment was booked or moved inside that window: the confirmation just sent is reminder enough.
 */
export function reminderDue(
  appointment: { startAt: string; updatedAt: string },
  lead: ReminderLead,
  now: Date,
): boolean {
  if (lead === 'off') return false;
  const start = Date.parse(appointment.startAt);
  const remindAt = start - REMINDER_LEAD_MS[lead];
  return now.getTime() >= remindAt && now.getTime() < start && Date.parse(appointment.updatedAt) <= remindAt;
}

/** One reminder per appointment time and recipient; a moved appointment is a new time. */
export const reminderKey = (appointmentId: number, startAt: string, to: Role) =>
  `reminder:${appointmentId}:${startAt}:${to}`;
