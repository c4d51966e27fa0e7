import { generateToken } from '../auth/tokens.js';
import { type BookingDeps, book, bookingTarget } from '../bookings/booking.service.js';
import { bookingView } from '../bookings/booking.view.js';
import { rememberResponse, replayFor, requestFingerprint, type StoredResponse } from '../bookings/idempotency.js';
import { withWriteLock } from '../db/transaction.js';
import type { ErrorCode } from '../errors.js';
import { insertSeries } from './series.repository.js';
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
  const fingerprint = requestFingerprint(request);
  return withWriteLock(deps.db, async (trx) => {
    if (options.idempotencyKey) {
      const replay = await replayFor(trx, 'series', options.idempotencyKey, fingerprint, now);
      if (replay) return replay;
    }
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
    const response = {
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
    if (options.idempotencyKey)
      await rememberResponse(trx, 'series', options.idempotencyKey, fingerprint, response, now);
    return response;
  });
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
