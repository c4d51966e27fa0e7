import { generateToken } from '../auth/tokens.js';
import { type BookingDeps, book, bookingTarget } from '../bookings/booking.service.js';
import { bookingView } from '../bookings/booking.view.js';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import { idempotentWrite, type StoredResponse } from '../bookings/idempotency.js';
import type { Db } from '../db/connect.js';
import { AppError, type ErrorCode } from '../errors.js';
import { insertSeries, seriesAppointments } from './series.repository.js';
import type { SeriesCheckRequest, SeriesRequest } from './series.schemas.js';
import { assertRepeatAllowed, type Occurrence, planSeries, type SeriesPlan } from './series-check.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** An occurrence as the API shows it: instants as ISO strings. */
const occurrenceView = (o: Occurrence) => ({ ...o, start: iso(o.start), end: iso(o.end) });

/** Which occurrences of a series are free, and who would serve them, as `POST /api/bookings/series` would decide. */
export async function checkSeries(deps: BookingDeps, request: SeriesCheckRequest) {
  const plan = await planFor(deps.db, deps, deps.now().getTime(), request);
  return { memberSlug: plan.member?.slug ?? null, occurrences: plan.occurrences.map(occurrenceView) };
}

async function planFor(
  db: BookingDeps['db'],
  deps: BookingDeps,
  now: number,
  request: SeriesCheckRequest,
): Promise<SeriesPlan> {
  const { provider, service, members } = await bookingTarget(db, request);
  assertRepeatAllowed(service, request.everyWeeks, request.count);
  const { start, everyWeeks, count } = request;
  return planSeries(db, { provider, service, members, start, everyWeeks, count, now, busyTimes: deps.busyTimes });
}

/**
 * Books a series: every occurrence checked and booked under one write lock, so what the check found free is what is
 * booked, and a concurrent single booking of one occurrence's slot is either before (the occurrence is taken) or
 * after (its slot is). Mode 'all' books all or nothing; 'available' the free ones. One manage token for the series.
 */
export async function createSeries(
  deps: BookingDeps,
  request: SeriesRequest,
  options: { idempotencyKey?: string | undefined; customerUserId?: number | undefined } = {},
): Promise<StoredResponse> {
  const now = deps.now();
  const asked = { scope: 'series', key: options.idempotencyKey, body: request, now };
  return idempotentWrite(deps.db, asked, async (trx) => {
    const plan = await planFor(trx, deps, now.getTime(), request);
    const free = plan.occurrences.filter((o) => o.free);
    if (!plan.member || free.length === 0 || (request.mode === 'all' && free.length < plan.occurrences.length))
      return conflict(plan);
    const { member } = plan;
    const series = await insertSeries(trx, {
      provider_id: member.provider_id,
      service_id: request.service,
      member_id: member.id,
      customer_user_id: options.customerUserId ?? null,
      start_at: iso(request.start),
      every_weeks: request.everyWeeks,
      count: request.count,
    });
    const token = generateToken();
    const booked = [];
    for (const [i, occurrence] of free.entries()) {
      const { appointment } = await book(
        trx,
        deps,
        now,
        { ...request, start: occurrence.start, memberId: member.id, staff: undefined },
        { actor: 'customer', customerUserId: options.customerUserId ?? null },
        { seriesId: series.id, index: occurrence.index, token, batch: { last: i === free.length - 1 } },
      );
      booked.push(appointment);
    }
    return {
      status: 201,
      body: {
        series: {
          id: series.id,
          everyWeeks: series.every_weeks,
          count: series.count,
          start: series.start_at,
          staff: { slug: member.slug, name: member.name },
        },
        bookings: booked.map((a) => bookingView(a, deps.appUrl, token)),
        skipped: plan.occurrences
          .filter((o) => !o.free)
          .map((o) => ({ index: o.index, start: iso(o.start), reason: o.reason })),
        token,
      },
    };
  });
}

/**
 * Every booked date of the series `appointment` is an occurrence of, in series order, for a caller already allowed
 * to see that occurrence: the series shares one manage token and one customer, so whoever holds one holds all.
 * A single booking is a 404 (it has no series to show).
 */
export async function seriesDates(db: Db, appointment: AppointmentDetail) {
  if (appointment.series_id == null) throw new AppError('not_found', 'This booking is not part of a recurring series');
  const rows = await seriesAppointments(db, appointment.series_id);
  return {
    series: {
      id: appointment.series_id,
      everyWeeks: appointment.series_every_weeks ?? 1,
      count: appointment.series_count ?? rows.length,
    },
    occurrences: rows.map((r) => ({
      id: r.id,
      index: r.series_index ?? 0,
      start: r.start_at,
      end: r.end_at,
      status: r.status,
    })),
  };
}

/** 409 naming the occurrences that are not free; nothing was booked. */
function conflict(plan: SeriesPlan): StoredResponse {
  const code: ErrorCode = 'series_conflict';
  const taken = plan.occurrences.filter((o) => !o.free).length;
  return {
    status: 409,
    body: {
      error: {
        code,
        message:
          taken === plan.occurrences.length
            ? 'None of these dates is free'
            : `${taken} of these dates ${taken === 1 ? 'is' : 'are'} not free; book the others or pick another time`,
      },
      occurrences: plan.occurrences.map(occurrenceView),
    },
  };
}
