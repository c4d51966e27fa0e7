/** Lengths of time as an owner types them: a number and a unit, stored in minutes. */
export type Unit = 'minutes' | 'hours' | 'days';

const MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 1440 };

/** 1440 → 1 day, 90 → 1.5 hours, 0 → 0 hours: days when whole days, hours otherwise. */
export function splitMinutes(minutes: number): { amount: number; unit: 'hours' | 'days' } {
  if (minutes >= MINUTES.days && minutes % MINUTES.days === 0) return { amount: minutes / MINUTES.days, unit: 'days' };
  return { amount: Math.round((minutes / MINUTES.hours) * 100) / 100, unit: 'hours' };
}

/** The minutes of `amount` `unit`s, rounded to whole minutes (1.5 hours → 90). */
export const toMinutes = (amount: number, unit: Unit): number => Math.round(amount * MINUTES[unit]);

/** "every 15 minutes", "every hour", "every 2 hours", "every 90 minutes": a start-time grid in plain words. */
export function everyPhrase(minutes: number): string {
  if (minutes % 60 !== 0) return `Every ${minutes} minutes`;
  return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
}
