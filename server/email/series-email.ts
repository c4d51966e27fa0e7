import type { AppointmentEvent } from '../bookings/appointment-events.js';
import type { AppointmentDetail } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import type { CalendarAppointment } from '../ical/appointment-calendar.js';
import { occurrenceStarts } from '../series/occurrences.js';
import { seriesAppointments } from '../series/series.repository.js';

/**
 * What an email about a recurring series' occurrences says beyond one appointment: which occurrences it is about
 * (the whole series when booked, the ones a change concerns otherwise), and for the booking, the rule's starts left
 * unbooked. Its invitation is one event for the series (UID `series-<id>`): the master with RRULE and EXDATE when
 * booked, the instances (RECURRENCE-ID) a change concerns otherwise.
 */
export interface SeriesEmail {
  id: number;
  zone: string;
  everyWeeks: number;
  count: number;
  /** Each occurrence's start in the rule, by index. */
  ruleStarts: string[];
  about: { id: number; index: number; startAt: string; endAt: string; sequence: number }[];
  /** Only when the series was booked: the rule's starts not booked (EXDATE). */
  exclude?: string[];
}

export const seriesUid = (seriesId: number, appUrl: string) => `series-${seriesId}@${new URL(appUrl).hostname}`;

/** The series side of the email for `event` about `appointment`, an occurrence of a series. */
export async function seriesEmailOf(
  trx: Db,
  appointment: AppointmentDetail & { series_id: number },
  event: AppointmentEvent,
): Promise<SeriesEmail> {
  const count = appointment.series_count ?? 0;
  const everyWeeks = appointment.series_every_weeks ?? 1;
  const zone = appointment.provider_time_zone;
  const ruleStarts = occurrenceStarts(Date.parse(appointment.series_start_at!), zone, everyWeeks, count).map((ms) =>
    new Date(ms).toISOString(),
  );
  const rows = (await seriesAppointments(trx, appointment.series_id)).map((r) => ({
    id: r.id,
    index: r.series_index ?? 0,
    startAt: r.start_at,
    endAt: r.end_at,
    sequence: r.sequence,
  }));
  const series = { id: appointment.series_id, zone, everyWeeks, count, ruleStarts };
  if (event.type === 'created' && event.batch) {
    const booked = new Set(rows.map((r) => r.index));
    return { ...series, about: rows, exclude: ruleStarts.filter((_, index) => !booked.has(index)) };
  }
  const ids = new Set(event.batch?.appointmentIds ?? [appointment.id]);
  return { ...series, about: rows.filter((r) => ids.has(r.id)) };
}

/** The invitation's events: the series' master when booked, else the occurrences the change concerns. */
export function seriesEvents(base: CalendarAppointment, series: SeriesEmail, appUrl: string): CalendarAppointment[] {
  const uid = seriesUid(series.id, appUrl);
  if (series.exclude) {
    const duration = Date.parse(base.endAt) - Date.parse(base.startAt);
    const first = series.ruleStarts[0]!;
    return [
      {
        ...base,
        uid,
        zone: series.zone,
        sequence: 0,
        startAt: first,
        endAt: new Date(Date.parse(first) + duration).toISOString(),
        rule: { everyWeeks: series.everyWeeks, count: series.count, exclude: series.exclude },
      },
    ];
  }
  return series.about.map((o) => ({
    ...base,
    uid,
    zone: series.zone,
    sequence: o.sequence,
    startAt: o.startAt,
    endAt: o.endAt,
    recurrenceId: series.ruleStarts[o.index]!,
  }));
}
