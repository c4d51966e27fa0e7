import { sql } from 'kysely';
import { DateTime } from 'luxon';
import type {
  BookedInterval,
  BusyTimeSource,
  DateOverride,
  Interval,
  ServiceTiming,
  WeeklyInterval,
} from '../availability/availability.types.js';
import type { ClassTime } from '../availability/class-slots.js';
import type { MemberAvailability } from '../availability/team-slots.js';
import type { Db } from '../db/connect.js';
import { preparedQuery } from '../db/prepared.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { effectiveOverridesOfMembers, weeklyHoursOfMembers } from '../schedule/schedule.repository.js';
import type { ServiceRow } from '../services/services.table.js';
import type { TeamMemberRow } from '../team/team.table.js';

export const noBusyTimes: BusyTimeSource<Db> = async () => [];

const DAY_MS = 24 * 60 * 60 * 1000;
// No appointment plus its buffers lasts two days, so this margin finds every one that can touch a range.
const MARGIN_MS = 2 * DAY_MS;

/** A booked or blocked interval and the service it is an appointment of (null: a blocked time). */
export interface BookedRow extends BookedInterval {
  serviceId: number | null;
}

/**
 * The query of `bookedIntervalsOf`, by member or by provider; `except` leaves one appointment out (and the waitlist
 * hold that would move it). On every slots answer and booking: built once each (server/db/prepared.ts).
 */
function busyIntervalsQuery(key: 'provider_id' | 'member_id', except: boolean) {
  return preparedQuery((db: Db, p: { ids: number[]; from: string; to: string; excludeAppointmentId?: number }) => {
    // Appointments and waitlist holds have the same columns for this: one select, one status each.
    const busyIn = (table: 'appointments' | 'waitlist_offers', status: 'confirmed' | 'open') =>
      db
        .selectFrom(table)
        .select((eb) => [
          eb.ref(key).as('key'),
          eb.ref('service_id').$castTo<number | null>().as('service_id'),
          'start_at',
          'end_at',
          'blocked_start_at',
          'blocked_end_at',
        ])
        .where(key, 'in', p.ids)
        .where('status', '=', status)
        .where('start_at', '>', p.from)
        .where('start_at', '<', p.to);
    let appointments = busyIn('appointments', 'confirmed');
    if (except) appointments = appointments.where('id', '!=', p.excludeAppointmentId!);
    // A time held for a waitlisted customer (an open offer, server/waitlist/) is booked for everyone else: it blocks
    // like the appointment it will be, and in a class it takes its place. Left out with the appointment it would move.
    let held = busyIn('waitlist_offers', 'open');
    if (except) {
      held = held.where(sql<boolean>`(appointment_id is null or appointment_id != ${p.excludeAppointmentId})`);
    }
    return appointments.unionAll(held).unionAll((eb) =>
      eb
        .selectFrom('blocked_times')
        .select((eb) => [
          eb.ref(key).as('key'),
          sql<number | null>`null`.as('service_id'),
          'start_at',
          'end_at',
          'start_at as blocked_start_at',
          'end_at as blocked_end_at',
        ])
        .where(key, 'in', p.ids)
        .where('start_at', '<', p.to)
        .where('end_at', '>', p.from),
    );
  });
}
const busyIntervalsIn = {
  provider_id: { all: busyIntervalsQuery('provider_id', false), except: busyIntervalsQuery('provider_id', true) },
  member_id: { all: busyIntervalsQuery('member_id', false), except: busyIntervalsQuery('member_id', true) },
};

/**
 * Confirmed appointments, waitlist holds and blocked times that may touch `range`, as the intervals they keep busy, by member (or
 * by provider: every member's together), in one query. A blocked time is an appointment without buffers: it forbids
 * exactly the starts a busy event in the member's calendar forbids (see busy-sweep.ts), and as the business's own
 * data it is cached and invalidated with the appointments.
 */
export async function bookedIntervalsOf(
  db: Db,
  key: 'provider_id' | 'member_id',
  ids: number[],
  range: Interval,
  excludeAppointmentId?: number,
): Promise<Map<number, BookedRow[]>> {
  const byKey = new Map<number, BookedRow[]>();
  if (ids.length === 0) return byKey;
  const from = new Date(range.start - MARGIN_MS).toISOString();
  const to = new Date(range.end + MARGIN_MS).toISOString();
  const rows =
    excludeAppointmentId === undefined
      ? await busyIntervalsIn[key].all.execute(db, { ids, from, to })
      : await busyIntervalsIn[key].except.execute(db, { ids, from, to, excludeAppointmentId });
  for (const a of rows) {
    const list = byKey.get(a.key) ?? [];
    list.push({
      serviceId: a.service_id,
      start: Date.parse(a.start_at),
      end: Date.parse(a.end_at),
      blockedStart: Date.parse(a.blocked_start_at),
      blockedEnd: Date.parse(a.blocked_end_at),
    });
    byKey.set(a.key, list);
  }
  return byKey;
}

/** The class times of a service among a member's appointments: its attendees, grouped by start. */
export function classTimesOf(booked: readonly BookedRow[], serviceId: number): ClassTime[] {
  const byStart = new Map<number, BookedRow[]>();
  for (const b of booked) {
    if (b.serviceId !== serviceId) continue;
    const attendees = byStart.get(b.start) ?? [];
    attendees.push(b);
    byStart.set(b.start, attendees);
  }
  return [...byStart].map(([start, attendees]) => ({ start, attendees }));
}

export const timingOf = (service: ServiceRow): ServiceTiming => ({
  durationMinutes: service.duration_minutes,
  bufferBeforeMinutes: service.buffer_before_minutes,
  bufferAfterMinutes: service.buffer_after_minutes,
});

/**
 * Where busy times can touch a slot starting in `range`: a slot keeps its buffer before, its own time and its
 * buffer after, so busy times are read that much wider than the starts. Read over the starts alone, a busy event
 * in the second half of a slot (or past the edge of the customer's day) went unseen.
 */
export function busyWindowOf(range: Interval, timing: ServiceTiming): Interval {
  return {
    start: range.start - timing.bufferBeforeMinutes * 60_000,
    end: range.end + (timing.durationMinutes + timing.bufferAfterMinutes) * 60_000,
  };
}

/** One member's calendar busy times that an answer depends on: whose, and over which window. */
export interface BusyRead {
  memberId: number;
  window: Interval;
}

/** Whose calendar busy times these members' slots depend on, and over which window. */
export const busyReadsOf = (members: readonly MemberAvailability[]): BusyRead[] =>
  members.map((m) => ({ memberId: m.memberId, window: busyWindowOf(m.input.range, m.input.service) }));

/** The busy times `reads` name, read fresh: they are never cached with an answer. */
export const busyTimesOf = (db: Db, busyTimes: BusyTimeSource<Db>, reads: readonly BusyRead[]) =>
  Promise.all(reads.map((read) => busyTimes(db, read.memberId, read.window)));

/** Puts the rows of one member and service together as the pure slot functions want them. */
export function memberAvailability(parts: {
  provider: ProviderRow;
  service: ServiceRow;
  memberId: number;
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
  appointments: BookedRow[];
  externalBusy: Interval[];
  now: number;
  range: Interval;
}): MemberAvailability {
  const { provider, service } = parts;
  return {
    memberId: parts.memberId,
    input: {
      timeZone: provider.time_zone,
      weeklyHours: parts.weeklyHours,
      overrides: parts.overrides,
      service: timingOf(service),
      appointments: parts.appointments,
      externalBusy: parts.externalBusy,
      rules: {
        minNoticeMinutes: provider.min_notice_minutes,
        maxDaysAhead: provider.max_days_ahead,
        slotStepMinutes: provider.slot_step_minutes,
      },
      now: parts.now,
      range: parts.range,
    },
    classTimes: service.seats > 1 ? classTimesOf(parts.appointments, service.id) : [],
  };
}

/** Whose slots: a member and their business. */
export type MemberRef = Pick<TeamMemberRow, 'id' | 'provider_id'>;

export interface LoadOptions {
  provider: ProviderRow;
  service: ServiceRow;
  /** The members whose slots are wanted (one for a chosen member, every performer for "any"). */
  members: readonly MemberRef[];
  range: Interval;
  now: number;
  busyTimes: BusyTimeSource<Db>;
  /** Leave this appointment out, so a reschedule does not collide with itself. */
  excludeAppointmentId?: number;
}

/**
 * Gathers everything the slot functions need for some members of one provider, a service and a range: each
 * member's own hours, overrides (with the business's closures), appointments, blocked and calendar busy times.
 * Four queries however many members, and one busy-times read per member.
 */
export async function loadTeamAvailability(db: Db, options: LoadOptions): Promise<MemberAvailability[]> {
  const { provider, range, members } = options;
  if (members.length === 0) return [];
  const zone = provider.time_zone;
  // Local dates that may hold a slot in the range, a day wider on each side for zone offsets.
  const fromDate = DateTime.fromMillis(range.start - DAY_MS, { zone }).toISODate()!;
  const toDate = DateTime.fromMillis(range.end + DAY_MS, { zone }).toISODate()!;
  const ids = members.map((m) => m.id);
  const window = busyWindowOf(range, timingOf(options.service));
  const [weekly, overrides, booked, busy] = await Promise.all([
    weeklyHoursOfMembers(db, ids),
    effectiveOverridesOfMembers(db, [...members], fromDate, toDate),
    bookedIntervalsOf(db, 'member_id', ids, range, options.excludeAppointmentId),
    Promise.all(ids.map((id) => options.busyTimes(db, id, window))),
  ]);
  return ids.map((id, i) =>
    memberAvailability({
      provider,
      service: options.service,
      memberId: id,
      weeklyHours: weekly.get(id) ?? [],
      overrides: overrides.get(id) ?? [],
      appointments: booked.get(id) ?? [],
      externalBusy: busy[i]!,
      now: options.now,
      range,
    }),
  );
}
