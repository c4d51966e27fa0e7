import { DateTime } from 'luxon';

/** How long a freed time is held for the customer it is offered to. */
export const WAITLIST_HOLD_MINUTES = 15;

/** The days and hours an entry accepts, in the business's zone (null: any). */
export interface WaitWindow {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[] | null;
  /** "HH:MM": the start must fall in [from, to). */
  from: string | null;
  to: string | null;
}

/** A waiting entry as matching needs it: plain data, read from an entry and its appointment. */
export interface WaitingEntry extends WaitWindow {
  id: number;
  kind: 'earlier' | 'class';
  memberChoice: 'same' | 'any';
  /** The appointment it would move (earlier); null for a class entry. */
  appointmentId: number | null;
  /** The member of its appointment (earlier) or of its class time (class). */
  memberId: number;
  /** The start it waits to improve on (earlier) or the class time it waits for (class), in ms. */
  start: number;
  /** Its place in line: queued time in ms, then id. */
  queuedAt: number;
}

/** A time a cancellation or a move freed: a member's start of a service. */
export interface FreedTime {
  memberId: number;
  start: number;
  /** The service has places per time (a class): only that class time's line is offered it. */
  isClass: boolean;
}

/** Whether `start` (ms) falls in the window, read on the wall clock of `zone` (DST-safe: Luxon resolves each instant). */
export function inWindow(window: WaitWindow, start: number, zone: string): boolean {
  const local = DateTime.fromMillis(start, { zone });
  if (window.days && !window.days.includes(local.weekday)) return false;
  const time = local.toFormat('HH:mm');
  if (window.from !== null && time < window.from) return false;
  if (window.to !== null && time >= window.to) return false;
  return true;
}

/**
 * The entries a freed time may be offered to, first in line first. An earlier entry wants a start before its own
 * appointment's and after `earliest` (now plus the business's notice), with its member unless it takes any, in its
 * window; a class entry wants exactly its class time. `skip`: entries already offered this very time (they had their
 * turn). The caller still checks the time is free for each, as a booking would.
 */
export function candidatesFor(
  entries: readonly WaitingEntry[],
  freed: FreedTime,
  rules: { zone: string; earliest: number; skip?: ReadonlySet<number> },
): WaitingEntry[] {
  return entries
    .filter((e) => {
      if (rules.skip?.has(e.id)) return false;
      if (freed.isClass) return e.kind === 'class' && e.memberId === freed.memberId && e.start === freed.start;
      return (
        e.kind === 'earlier' &&
        (e.memberChoice === 'any' || e.memberId === freed.memberId) &&
        freed.start < e.start &&
        freed.start >= rules.earliest &&
        inWindow(e, freed.start, rules.zone)
      );
    })
    .sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
}

/** Days as stored ("1,3,5") and back. */
export const daysToText = (days: readonly number[] | null | undefined): string | null =>
  days && days.length > 0 ? [...new Set(days)].sort((a, b) => a - b).join(',') : null;
export const daysFromText = (text: string | null): number[] | null => (text ? text.split(',').map(Number) : null);
