import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { vtimezone } from './vtimezone.js';

/** A wall time in `zone` as ical.js reads it with the VTIMEZONE given (no tz database of its own). */
function instantOf(text: string, zone: string, local: string): string {
  const timezone = new ICAL.Timezone(
    new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}END:VCALENDAR\r\n`)).getFirstSubcomponent('vtimezone')!,
  );
  const time = ICAL.Time.fromDateTimeString(local);
  time.zone = timezone;
  expect(timezone.tzid).toBe(zone);
  return time.toJSDate().toISOString();
}

describe('vtimezone', () => {
  it('gives America/New_York both changes of a year, at the minute they happen', () => {
    const text = vtimezone('America/New_York', Date.parse('2027-01-01T00:00:00Z'), Date.parse('2027-12-31T00:00:00Z'));
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270314T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500');
    expect(instantOf(text, 'America/New_York', '2027-03-08T09:00:00')).toBe('2027-03-08T14:00:00.000Z');
    expect(instantOf(text, 'America/New_York', '2027-03-15T09:00:00')).toBe('2027-03-15T13:00:00.000Z');
    expect(instantOf(text, 'America/New_York', '2027-11-08T09:00:00')).toBe('2027-11-08T14:00:00.000Z');
  });

  it('reads Europe/Berlin on either side of its autumn change', () => {
    const text = vtimezone('Europe/Berlin', Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-30T00:00:00Z'));
    expect(text.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:DAYLIGHT', 'BEGIN:STANDARD']);
    expect(instantOf(text, 'Europe/Berlin', '2026-10-13T18:30:00')).toBe('2026-10-13T16:30:00.000Z');
    expect(instantOf(text, 'Europe/Berlin', '2026-10-27T18:30:00')).toBe('2026-10-27T17:30:00.000Z');
  });

  it('is one observance for a zone without changes', () => {
    const text = vtimezone('Asia/Tokyo', Date.parse('2027-01-01T00:00:00Z'), Date.parse('2027-12-31T00:00:00Z'));
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(text).toContain('TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900');
  });
});
