/**
 * A business with a team, answered in the page (the server's team API is being built alongside): the contract of
 * docs/teams.md as data, and every request the widget sent, to check what it asked for. Requests to any other
 * origin go to the real server as usual.
 */
import type {
  Booking,
  BookingRequest,
  FullClass,
  ProviderResponse,
  Slot,
  TeamMember,
  WaitlistEntry,
} from '../api/types.js';
import { addMonths, localDate } from '../lib/dates.js';

export const TEAM_API = 'http://team.test';

export const mia: TeamMember = {
  slug: 'mia',
  name: 'Mia Rossi',
  initials: 'MR',
  bio: 'Colour and long hair',
  photoUrl: null,
  serviceIds: [1, 2],
};
export const noah: TeamMember = {
  slug: 'noah',
  name: 'Noah Berg',
  initials: 'NB',
  bio: 'Short cuts and beards',
  photoUrl: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  serviceIds: [1, 3],
};

const money = { amountMinor: 4000, currency: 'EUR' };

/** Haircut by both, a 12-place yoga class by Mia only, a beard trim by Noah only; `null`: a server before teams. */
export const teamProvider = (team: TeamMember[] | null = [mia, noah]): ProviderResponse => ({
  provider: {
    slug: 'team-studio',
    name: 'Team Studio',
    category: 'Hair',
    description: '',
    city: 'Tokyo',
    address: '1 Main St',
    timeZone: 'Asia/Tokyo',
    rating: { average: null, count: 0 },
  },
  services: [
    { id: 1, name: 'Haircut', description: '', durationMinutes: 60, price: money, seats: 1 },
    { id: 2, name: 'Yoga flow', description: '', durationMinutes: 60, price: money, seats: 12 },
    { id: 3, name: 'Beard trim', description: '', durationMinutes: 30, price: money, seats: 1 },
  ],
  ...(team && { team }),
});

/** The day every answer has free times on: the 10th of next month in Tokyo. */
export const freeDay = (): string => `${addMonths(localDate(Date.now(), 'Asia/Tokyo').slice(0, 7), 1)}-10`;

/** 09:00 and 10:00 in Tokyo on the free day; a class has 5 places, then 1, left. */
function slots(service: number): Slot[] {
  const day = freeDay();
  const at = (hour: number) => new Date(`${day}T${String(hour - 9).padStart(2, '0')}:00:00Z`).toISOString();
  return [9, 10].map((hour, i) => ({
    start: at(hour),
    end: at(hour + 1),
    ...(service === 2 && { placesLeft: [5, 1][i]! }),
  }));
}

/** Mia's class at 11:00 in Tokyo on the free day has no place left; two are waiting for it already. */
export function fullClass(): FullClass {
  const start = new Date(`${freeDay()}T02:00:00Z`).toISOString();
  return { start, end: new Date(Date.parse(start) + 3_600_000).toISOString(), member: 'mia', waiting: 2 };
}

/** The entry the waitlist endpoints answer: third in line. */
const entry = (kind: WaitlistEntry['kind'], member: WaitlistEntry['member'] = 'same'): WaitlistEntry => ({
  id: 9,
  kind,
  status: 'waiting',
  member,
  days: null,
  from: null,
  to: null,
  position: 3,
  createdAt: new Date().toISOString(),
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the widget's requests to `TEAM_API`; `restore()` puts the real `fetch` back. */
export function fakeTeamApi(provider = teamProvider()) {
  const requests: URL[] = [];
  const bookings: BookingRequest[] = [];
  /** What the waitlist endpoints were sent, by path. */
  const waitlist: { path: string; method: string; body: unknown }[] = [];
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const url = new URL(String(input));
    if (url.origin !== TEAM_API) return realFetch(input, init);
    requests.push(url);
    const service = Number(url.searchParams.get('service'));
    if (url.pathname.endsWith('/slots')) return json({ timeZone: 'Asia/Tokyo', slots: slots(service) });
    if (url.pathname.endsWith('/next-available')) {
      return json({ timeZone: 'Asia/Tokyo', slot: slots(service)[0], date: freeDay() });
    }
    if (url.pathname.endsWith('/full-classes')) {
      return json({ classes: url.pathname.includes('/services/2/') ? [fullClass()] : [] });
    }
    if (url.pathname.includes('waitlist')) {
      const body = JSON.parse(String(init?.body)) as { member?: 'same' | 'any' };
      waitlist.push({ path: url.pathname, method: init?.method ?? 'GET', body });
      return url.pathname === '/api/waitlist/classes'
        ? json({ waitlist: entry('class'), token: 'w' }, 201)
        : json({ waitlist: entry('earlier', body.member) });
    }
    if (url.pathname === '/api/bookings') {
      const request = JSON.parse(String(init?.body)) as BookingRequest;
      bookings.push(request);
      // "Any available" goes to Noah, as a fair pick might.
      const member = provider.team?.find((m) => m.slug === (request.staff === 'any' ? 'noah' : request.staff));
      const slot = slots(request.service).find((s) => s.start === request.start)!;
      const booking: Booking = {
        id: bookings.length,
        status: 'confirmed',
        ...slot,
        manageUrl: `${TEAM_API}/manage/${bookings.length}?token=t`,
        // A server before teams says nothing of who serves.
        ...(provider.team && { staff: member ? { slug: member.slug, name: member.name } : null }),
      };
      return json({ booking }, 201);
    }
    return json(provider);
  };
  return {
    requests,
    bookings,
    waitlist,
    /** The `staff` parameter of every slots and next-available request so far. */
    staffAsked: () =>
      requests.filter((u) => u.pathname.includes('/providers/') && u.search).map((u) => u.searchParams.get('staff')),
    restore: () => (window.fetch = realFetch),
  };
}
