import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Interval } from '../../availability/availability.types.js';

/** A recurring event's occurrences are walked up to the range's end; this many at most, whatever its rule says. */
const MAX_OCCURRENCES = 5_000;

/**
 * An instant of an iCalendar time. A zoned time whose VTIMEZONE came along (RFC 4791 §4.1 asks for one) and UTC
 * are exact; a floating time or a date (all-day) is a wall time in `zone`, the calendar's own.
 */
function instantOf(time: ICAL.Time, zone: string): number {
  const tzid = time.zone?.tzid;
  if (!time.isDate && (tzid === 'UTC' || (time.zone?.component && tzid !== 'floating')))
    return time.toUnixTime() * 1000;
  const named = !time.isDate && tzid && tzid !== 'floating' ? tzid : zone;
  const local = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
  };
  const at = DateTime.fromObject(local, { zone: named });
  return (at.isValid ? at : DateTime.fromObject(local, { zone })).toMillis();
}

/** Busy unless the event says it is free (TRANSP:TRANSPARENT) or called off (STATUS:CANCELLED). */
const blocks = (event: ICAL.Event) =>
  event.component.getFirstPropertyValue('transp') !== 'TRANSPARENT' &&
  event.component.getFirstPropertyValue('status') !== 'CANCELLED';

/**
 * The busy intervals of one calendar object resource (one event with its recurrence and the instances changed from
 * it, RFC 4791 §4.1) that overlap `range`. Recurrence is expanded here rather than by the server (`<C:expand>`),
 * which not every server does alike.
 */
export function busyOfObject(text: string, range: Interval, zone: string, skip: (uid: string) => boolean): Interval[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  const master = vevents.find((v) => !v.hasProperty('recurrence-id')) ?? vevents[0];
  if (!master) return [];
  const event = new ICAL.Event(master);
  if (skip(event.uid)) return [];
  for (const exception of vevents)
    if (exception !== master && exception.hasProperty('recurrence-id')) event.relateException(exception);

  const busy: Interval[] = [];
  const add = (start: ICAL.Time, end: ICAL.Time, item: ICAL.Event) => {
    const interval = { start: instantOf(start, zone), end: instantOf(end, zone) };
    if (blocks(item) && interval.start < range.end && interval.end > range.start) busy.push(interval);
  };
  if (!event.isRecurring()) {
    add(event.startDate, event.endDate, event);
    return busy;
  }
  const occurrences = event.iterator();
  for (let n = 0, next = occurrences.next(); next && n < MAX_OCCURRENCES; n++, next = occurrences.next()) {
    if (instantOf(next, zone) >= range.end) break;
    const details = event.getOccurrenceDetails(next);
    add(details.startDate, details.endDate, details.item);
  }
  return busy;
}
