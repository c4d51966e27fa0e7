import { createAccount, type DAVResponse, propfind } from 'tsdav';
import { CalendarCallError } from '../calendar.types.js';
import type { DavFetch } from './caldav.http.js';

/** A calendar collection that takes events. */
export interface DavCalendar {
  /** Absolute URL, ending in `/`. */
  url: string;
  name: string;
  /** The zone its floating times and all-day events are in (`calendar-timezone`), when it says. */
  timeZone: string | null;
}

/**
 * The account's calendar home (RFC 6764 and RFC 4791 §6.2.1): `/.well-known/caldav`, else the URL given, then
 * `current-user-principal`, then its `calendar-home-set`. Throws `auth` when the password was refused anywhere on the
 * way (tsdav tries several URLs and would report only the last one's failure), `permanent` when no CalDAV was found.
 */
export async function discoverHome(serverUrl: string, fetch: DavFetch): Promise<string> {
  let refused: CalendarCallError | null = null;
  const watching: DavFetch = (input, init) =>
    fetch(input, init).catch((error: unknown) => {
      if (error instanceof CalendarCallError && error.kind === 'auth') refused = error;
      throw error;
    });
  try {
    const account = await createAccount({ account: { serverUrl, accountType: 'caldav' }, fetch: watching });
    if (account.homeUrl) return account.homeUrl;
  } catch (error) {
    if (refused) throw refused;
    if (error instanceof CalendarCallError) throw error;
  }
  if (refused) throw refused;
  throw new CalendarCallError('permanent', `no CalDAV calendars found at ${serverUrl}`);
}

/** The text of a property tsdav parsed (`<x>text</x>` or `<x><![CDATA[text]]></x>`). */
export const davText = (value: unknown): string | null => {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const cdata = (value as { _cdata?: unknown } | null | undefined)?._cdata;
  return typeof cdata === 'string' ? cdata : null;
};

const componentsOf = (set: unknown): string[] => {
  const comp = (set as { comp?: unknown } | undefined)?.comp;
  const list = Array.isArray(comp) ? comp : comp ? [comp] : [];
  return list.map((c) => (c as { _attributes?: { name?: string } })?._attributes?.name ?? '').filter(Boolean);
};

/** The IANA zone named by a `calendar-timezone` (a VCALENDAR with one VTIMEZONE). */
const zoneOf = (vtimezone: string | null) => /^TZID[^:]*:(.+)$/m.exec(vtimezone ?? '')?.[1]?.trim() ?? null;

function calendarOf(response: DAVResponse, homeUrl: string): DavCalendar | null {
  const props = response.props ?? {};
  if (!response.ok || !Object.keys(props.resourcetype ?? {}).includes('calendar')) return null;
  // No supported-calendar-component-set means every kind (RFC 4791 §5.2.3); a tasks-only list is no place for events.
  const components = componentsOf(props.supportedCalendarComponentSet);
  if (components.length > 0 && !components.includes('VEVENT')) return null;
  const url = new URL(response.href ?? '', homeUrl).href.replace(/\/?$/, '/');
  const name = davText(props.displayname) || decodeURIComponent(url.split('/').filter(Boolean).at(-1) ?? url);
  return { url, name, timeZone: zoneOf(davText(props.calendarTimezone)) };
}

/** tsdav hands a refused request back as one response without properties, in place of a multistatus: throw it. */
export function refusedRequest(responses: DAVResponse[], what: string): void {
  const [first] = responses;
  if (responses.length === 1 && first && !first.ok && !first.props)
    throw new CalendarCallError('permanent', `${what}: the CalDAV server answered ${first.status}`, {
      status: first.status,
    });
}

/** The calendars in the home that take events, in the server's order. */
export async function listDavCalendars(homeUrl: string, fetch: DavFetch): Promise<DavCalendar[]> {
  const responses = await propfind({
    url: homeUrl,
    props: {
      'd:displayname': {},
      'd:resourcetype': {},
      'c:supported-calendar-component-set': {},
      'c:calendar-timezone': {},
    },
    depth: '1',
    fetch,
  });
  refusedRequest(responses, `listing the calendars at ${homeUrl}`);
  return responses.map((r) => calendarOf(r, homeUrl)).filter((c): c is DavCalendar => c !== null);
}
