import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { expect } from 'vitest';

export interface ParsedPerson {
  address: string;
  name: string | undefined;
}

export interface ParsedEvent {
  uid: string;
  organizer: ParsedPerson | undefined;
  attendees: ParsedPerson[];
}

/** A calendar as two independent parsers read it: Mozilla's ical.js (strict, RFC 6868-aware) and node-ical. */
export function parseBoth(text: string): {
  method: string | undefined;
  icalJs: ParsedEvent[];
  nodeIcal: ParsedEvent[];
} {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const person = (property: ICAL.Property | null): ParsedPerson | undefined =>
    property
      ? {
          address: String(property.getFirstValue()).toLowerCase(),
          name: property.getParameter('cn') as string | undefined,
        }
      : undefined;
  const icalJs = calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    organizer: person(event.getFirstProperty('organizer')),
    attendees: event.getAllProperties('attendee').map((p) => person(p)!),
  }));

  type NodePerson = string | { val: string; params?: { CN?: string } } | undefined;
  const nodePerson = (p: NodePerson): ParsedPerson | undefined =>
    p === undefined
      ? undefined
      : typeof p === 'string'
        ? { address: p.toLowerCase(), name: undefined }
        : { address: p.val.toLowerCase(), name: p.params?.CN };
  const events = Object.values(nodeIcal.sync.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');
  const nodeEvents = events.map((event) => {
    const attendees = (event as unknown as { attendee?: NodePerson | NodePerson[] }).attendee;
    return {
      uid: event.uid,
      organizer: nodePerson(event.organizer as NodePerson),
      attendees: (Array.isArray(attendees) ? attendees : attendees === undefined ? [] : [attendees]).map(
        (p) => nodePerson(p)!,
      ),
    };
  });
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? undefined,
    icalJs,
    nodeIcal: nodeEvents,
  };
}

/**
 * What libical's iTIP check and RFC 5545 §3.1 ask of a file: every content line (the last one too) ends in CRLF, and
 * a METHOD is only there with an ORGANIZER on every event (RFC 5546 §3.2). Calendars without METHOD are plain files.
 */
export function expectWellFormed(text: string): void {
  expect(text.endsWith('END:VCALENDAR\r\n'), JSON.stringify(text.slice(-30))).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const { method, icalJs } = parseBoth(text);
  if (method) for (const event of icalJs) expect(event.organizer, `${method} needs an ORGANIZER`).toBeDefined();
}
