import { DateTime } from 'luxon';
import type { BusyTimeSource } from '../availability/availability.types.js';
import { chooseMember } from '../bookings/member-choice.js';
import { type FreeMember, freeMembersAt } from '../bookings/slot-check.js';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { repeatOf } from '../services/repeat.js';
import type { ServiceRow } from '../services/services.table.js';
import type { TeamMemberRow } from '../team/team.table.js';
import { occurrenceStarts } from './occurrences.js';

/** Why an occurrence cannot be booked. */
export type Unavailable = 'taken' | 'outside_hours' | 'beyond_horizon' | 'too_soon';

export interface Occurrence {
  index: number;
  start: number;
  end: number;
  free: boolean;
  reason?: Unavailable;
}

export interface SeriesPlan {
  /** Who serves every occurrence; null when nobody is free for any. */
  member: TeamMemberRow | null;
  occurrences: Occurrence[];
}

export interface SeriesAsk {
  provider: ProviderRow;
  service: ServiceRow;
  /** The member asked for, or every performer for "any". */
  members: readonly TeamMemberRow[];
  start: number;
  everyWeeks: number;
  count: number;
  now: number;
  busyTimes: BusyTimeSource<Db>;
}

/** 422 unless the service allows a series of this interval and length. */
export function assertRepeatAllowed(service: ServiceRow, everyWeeks: number, count: number): void {
  const repeat = repeatOf(service.repeat_max_count, service.repeat_every_weeks);
  if (!repeat) throw new AppError('repeat_not_allowed', 'This service cannot be booked as a recurring series');
  const fields: Record<string, string> = {};
  if (!repeat.everyWeeks.includes(everyWeeks)) fields.everyWeeks = `one of ${repeat.everyWeeks.join(', ')}`;
  if (count > repeat.maxCount) fields.count = `at most ${repeat.maxCount}`;
  if (Object.keys(fields).length > 0)
    throw new AppError('unprocessable', 'This service does not offer that repetition', fields);
}

/** The members free at one occurrence (each checked as a single booking would be), or why none is. */
async function freeAt(db: Db, ask: SeriesAsk, members: readonly TeamMemberRow[], start: number) {
  const earliest = ask.now + ask.provider.min_notice_minutes * 60_000;
  if (start < earliest) return { free: [] as FreeMember[], reason: 'too_soon' as const };
  const horizon = DateTime.fromMillis(ask.now, { zone: ask.provider.time_zone })
    .plus({ days: ask.provider.max_days_ahead })
    .toMillis();
  if (start >= horizon) return { free: [], reason: 'beyond_horizon' as const };
  try {
    const free = await freeMembersAt(db, { ...ask, members, start });
    return { free, reason: undefined };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'slot_not_offered') return { free: [], reason: 'outside_hours' as const };
    if (error.code === 'slot_taken') return { free: [], reason: 'taken' as const };
    throw error;
  }
}

/**
 * Every occurrence checked like a single booking (the same slot check, notice and horizon), for one member for the
 * whole series: customers want the same person. Of the members asked about, the one free for the most occurrences
 * serves it; among equals, the fair pick at the first occurrence one of them is free for.
 */
export async function planSeries(db: Db, ask: SeriesAsk): Promise<SeriesPlan> {
  const duration = ask.service.duration_minutes * 60_000;
  const starts = occurrenceStarts(ask.start, ask.provider.time_zone, ask.everyWeeks, ask.count);
  const checks: Awaited<ReturnType<typeof freeAt>>[] = [];
  for (const start of starts) checks.push(await freeAt(db, ask, ask.members, start));
  const freeCount = new Map(ask.members.map((m) => [m.id, 0]));
  for (const check of checks) for (const f of check.free) freeCount.set(f.memberId, freeCount.get(f.memberId)! + 1);
  const most = Math.max(...freeCount.values());
  const member = most > 0 ? await pickAmong(db, ask, starts, checks, freeCount, most) : null;
  const occurrences: Occurrence[] = [];
  for (const [index, start] of starts.entries()) {
    const check = checks[index]!;
    const free = member !== null && check.free.some((f) => f.memberId === member.id);
    // Free for another member but not this one: ask again about this one alone, for their own reason.
    const reason = free
      ? undefined
      : (check.reason ?? (member && (await freeAt(db, ask, [member], start)).reason) ?? 'taken');
    occurrences.push({ index, start, end: start + duration, free, ...(reason && { reason }) });
  }
  return { member, occurrences };
}

async function pickAmong(
  db: Db,
  ask: SeriesAsk,
  starts: number[],
  checks: { free: FreeMember[] }[],
  freeCount: Map<number, number>,
  most: number,
): Promise<TeamMemberRow> {
  const best = new Set([...freeCount].filter(([, n]) => n === most).map(([id]) => id));
  const first = checks.findIndex((c) => c.free.some((f) => best.has(f.memberId)));
  const pool = checks[first]!.free.filter((f) => best.has(f.memberId));
  const { memberId } = await chooseMember(
    db,
    { provider: ask.provider, service: ask.service, start: starts[first]! },
    pool,
    ask.members.map((m) => m.id),
  );
  return ask.members.find((m) => m.id === memberId)!;
}
