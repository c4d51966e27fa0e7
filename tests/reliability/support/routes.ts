import type { Hono } from 'hono';
import { ROLES, type Role, type World } from './world.js';

/** Every route the app serves, from Hono's own table: new routes show up here by themselves. */
export function routesOf(app: Pick<Hono, 'routes'>): string[] {
  const seen = new Set<string>();
  for (const route of app.routes) if (route.method !== 'ALL') seen.add(`${route.method} ${route.path}`);
  return [...seen];
}

/**
 * What a role must get:
 * - `ok` 2xx; `own` 2xx holding nothing of customer A's, the guest's or provider A's private data;
 * - `redirect` 3xx; `login` 3xx to the sign-in page;
 * - `unauthenticated` 401; `forbidden` 403; `hidden` 404 (someone else's resource does not exist for you);
 * - `reached` past authorization (any answer but 401, 403, 404), for routes whose success needs outside services;
 * - `served` any answer but 401, 403 (for routes this table does not know yet).
 * Nothing may answer 5xx.
 */
export type Outcome =
  | 'ok'
  | 'own'
  | 'redirect'
  | 'login'
  | 'unauthenticated'
  | 'forbidden'
  | 'hidden'
  | 'reached'
  | 'served';

export interface RequestSpec {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Recipe {
  variant?: string;
  request: (w: World, role: Role) => RequestSpec;
  expect: Record<Role, Outcome>;
}

const everyone = (outcome: Outcome): Record<Role, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, outcome])) as Record<Role, Outcome>;
const signedIn: Record<Role, Outcome> = { ...everyone('ok'), anonymous: 'unauthenticated' };
/** Customer A's own things under /api/me: the others see only their own. */
/** The same outcome for every member of a business (owner, admin, staff of A; owner and staff of B). */
const members = (outcome: Outcome) => ({
  provider: outcome,
  admin: outcome,
  staff: outcome,
  otherProvider: outcome,
  otherStaff: outcome,
});
const mine: Record<Role, Outcome> = {
  anonymous: 'unauthenticated',
  customer: 'ok',
  otherCustomer: 'own',
  ...members('own'),
};
const customersOnly: Record<Role, Outcome> = {
  anonymous: 'unauthenticated',
  customer: 'ok',
  otherCustomer: 'hidden',
  ...members('forbidden'),
};
/**
 * Business A's resource that only its owner and admins manage (services, emails, reviews, team, closures): staff
 * are refused for their role, another business must not even learn it exists.
 */
const adminOwned: Record<Role, Outcome> = {
  anonymous: 'unauthenticated',
  customer: 'forbidden',
  otherCustomer: 'forbidden',
  provider: 'ok',
  admin: 'ok',
  staff: 'forbidden',
  otherProvider: 'hidden',
  otherStaff: 'forbidden',
};
/** The owner, an admin and the staff member of A alike. */
const ofAMember = (outcome: Outcome) => ({ provider: outcome, admin: outcome, staff: outcome });
/** An admin collection or setting of the owner's and admins': each business gets their own. */
const adminOwn: Record<Role, Outcome> = { ...adminOwned, otherProvider: 'own' };
/** Only the owner: closing the business. */
const ownerOwn: Record<Role, Outcome> = { ...adminOwn, admin: 'forbidden' };
/** The owner member's own work in A (their appointments, blocked times): A's staff do not see it either. */
const ownersWork: Record<Role, Outcome> = { ...adminOwned, staff: 'hidden', otherStaff: 'hidden' };
/** A member's own time or appointments: every member gets their own, staff included, with nobody else's customers. */
const memberOwn: Record<Role, Outcome> = { ...adminOwn, staff: 'own', otherStaff: 'own' };
const adminReached: Record<Role, Outcome> = {
  ...adminOwned,
  provider: 'reached',
  otherProvider: 'reached',
  admin: 'reached',
};
/** Acts on the provider's own calendar connection, which neither has here: 404 is their own "not connected". */
const adminServed: Record<Role, Outcome> = {
  ...adminOwned,
  provider: 'served',
  otherProvider: 'served',
  admin: 'served',
};
/** A member's own calendar: staff connect theirs like the owner and admins. */
const memberReached: Record<Role, Outcome> = { ...adminReached, staff: 'reached', otherStaff: 'reached' };
const memberServed: Record<Role, Outcome> = { ...adminServed, staff: 'served', otherStaff: 'served' };
/** Customer A's booking without its token: only A, signed in, may see it. */
const bookingBySession: Record<Role, Outcome> = { ...everyone('hidden'), customer: 'ok' };
const privatePage: Record<Role, Outcome> = {
  anonymous: 'login',
  customer: 'ok',
  otherCustomer: 'ok',
  ...members('redirect'),
};
const adminPage: Record<Role, Outcome> = {
  anonymous: 'login',
  customer: 'redirect',
  otherCustomer: 'redirect',
  ...members('own'),
  provider: 'ok',
};
const signInPage: Record<Role, Outcome> = { ...everyone('redirect'), anonymous: 'ok' };

const at = (path: string) => () => ({ path });
const withBody = (path: string, body: unknown) => () => ({ path, body });
/** Bookings by different roles need different free slots (Friday 4 December, 09:00… Berlin). */
const slotFor = (role: Role) => `2026-12-04T${String(8 + ROLES.indexOf(role)).padStart(2, '0')}:00:00.000Z`;
const ownProfile = (w: World, role: Role) => {
  const a = role !== 'otherProvider' && role !== 'otherStaff';
  return {
    slug: a ? w.provider.slug : w.otherProvider.slug,
    name: a ? 'Alpha Studio' : 'Beta Studio',
    category: 'Hair salon',
    description: 'A test business',
    city: a ? 'Berlin' : 'Lisbon',
    address: 'Teststraße 1, Berlin',
    phone: '+49 30 000000',
    timeZone: 'Europe/Berlin',
    bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
  };
};
const ownLogin = (w: World, role: Role) => ({
  email: role === 'anonymous' ? w.sessions.customer.email : w.sessions[role].email,
  password: 'correct horse battery',
});
const token = (w: World) => `token=${w.booking.token}`;

/** The authorization spec: every route the app has, with a request that would succeed for its rightful caller. */
export const recipes: Record<string, Recipe[]> = {
  'POST /api/auth/signup': [
    {
      request: (_, role) => ({
        path: '/api/auth/signup',
        body: {
          email: `new-${role}@example.com`,
          password: 'a long enough passphrase',
          name: 'New Person',
          role: 'customer',
        },
      }),
      expect: everyone('ok'),
    },
  ],
  'POST /api/auth/login': [
    { request: (w, role) => ({ path: '/api/auth/login', body: ownLogin(w, role) }), expect: everyone('ok') },
  ],
  'POST /api/auth/logout': [{ request: at('/api/auth/logout'), expect: everyone('ok') }],
  'POST /api/auth/password': [
    {
      request: withBody('/api/auth/password', {
        currentPassword: 'correct horse battery',
        newPassword: 'another long passphrase',
      }),
      expect: signedIn,
    },
  ],
  'POST /api/auth/verify-email/request': [{ request: at('/api/auth/verify-email/request'), expect: signedIn }],
  'POST /api/auth/verify-email': [
    {
      variant: 'with the link token',
      request: (w) => ({ path: '/api/auth/verify-email', body: { token: w.verificationToken } }),
      expect: everyone('ok'),
    },
  ],
  // The same answer for every caller and address: nobody learns whether an address has an account.
  'POST /api/auth/password-reset/request': [
    {
      request: (w) => ({ path: '/api/auth/password-reset/request', body: { email: w.sessions.customer.email } }),
      expect: everyone('ok'),
    },
  ],
  'POST /api/auth/password-reset': [
    {
      variant: 'with the link token',
      request: (w) => ({
        path: '/api/auth/password-reset',
        body: { token: w.resetToken, password: 'another long passphrase' },
      }),
      expect: everyone('ok'),
    },
  ],

  'GET /api/me': [{ request: at('/api/me'), expect: signedIn }],
  'GET /api/me/appointments': [{ request: at('/api/me/appointments'), expect: mine }],
  // Provider A's own mailbox holds the notices of customer A's bookings: theirs to read.
  'GET /api/me/emails': [{ request: at('/api/me/emails'), expect: { ...mine, provider: 'ok' } }],
  // Like the mailbox: provider A's export holds the notices of customer A's bookings, theirs to read.
  'GET /api/me/export': [{ request: at('/api/me/export'), expect: { ...mine, provider: 'ok' } }],
  // Each customer may delete their own account (and only that); a business account is closed from the admin.
  'DELETE /api/me': [
    {
      request: withBody('/api/me', { password: 'correct horse battery', reviews: 'anonymous' }),
      expect: { anonymous: 'unauthenticated', customer: 'ok', otherCustomer: 'own', ...members('forbidden') },
    },
  ],
  'GET /api/me/emails/:id': [
    {
      request: (w) => ({ path: `/api/me/emails/${w.customerEmailId}` }),
      expect: { ...everyone('hidden'), anonymous: 'unauthenticated', customer: 'ok' },
    },
  ],
  'GET /api/me/emails/:id/html': [
    {
      request: (w) => ({ path: `/api/me/emails/${w.customerEmailId}/html` }),
      expect: { ...everyone('hidden'), anonymous: 'unauthenticated', customer: 'ok' },
    },
  ],

  'GET /api/providers': [{ request: at('/api/providers?q=studio'), expect: everyone('ok') }],
  'GET /api/providers/facets': [{ request: at('/api/providers/facets'), expect: everyone('ok') }],
  'GET /api/providers/:slug': [
    { request: (w) => ({ path: `/api/providers/${w.provider.slug}` }), expect: everyone('ok') },
  ],
  'GET /api/providers/:slug/slots': [
    {
      request: (w) => ({
        path: `/api/providers/${w.provider.slug}/slots?service=${w.provider.serviceId}&from=2026-12-03&to=2026-12-09`,
      }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/providers/:slug/reviews': [
    { request: (w) => ({ path: `/api/providers/${w.provider.slug}/reviews` }), expect: everyone('ok') },
  ],

  'POST /api/bookings': [
    {
      request: (w, role) => ({
        path: '/api/bookings',
        body: {
          provider: w.provider.slug,
          service: w.provider.serviceId,
          start: slotFor(role),
          customer: { name: 'New Customer', email: 'new.customer@example.com' },
        },
      }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/bookings/:id': [
    { variant: 'signed in', request: (w) => ({ path: `/api/bookings/${w.booking.id}` }), expect: bookingBySession },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}?${token(w)}` }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/bookings/:id/calendar.ics': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/calendar.ics` }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/calendar.ics?${token(w)}` }),
      expect: everyone('ok'),
    },
  ],
  'POST /api/bookings/:id/cancel': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/cancel`, body: {} }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/cancel`, body: { token: w.booking.token } }),
      expect: everyone('ok'),
    },
  ],
  'POST /api/bookings/:id/reschedule': [
    {
      variant: 'signed in',
      request: (w) => ({
        path: `/api/bookings/${w.booking.id}/reschedule`,
        body: { start: '2026-12-03T13:00:00.000Z' },
      }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({
        path: `/api/bookings/${w.booking.id}/reschedule`,
        body: { token: w.booking.token, start: '2026-12-03T13:00:00.000Z' },
      }),
      expect: everyone('ok'),
    },
  ],
  'PUT /api/bookings/:id/waitlist': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist`, body: { days: [1] } }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist`, body: { token: w.booking.token } }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/bookings/:id/waitlist': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist` }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist?${token(w)}` }),
      expect: everyone('ok'),
    },
  ],
  'DELETE /api/bookings/:id/waitlist': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist`, body: {} }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/waitlist`, body: { token: w.booking.token } }),
      expect: everyone('ok'),
    },
  ],
  'POST /api/bookings/:id/erase': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.pastId}/erase`, body: {} }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.pastId}/erase`, body: { token: w.pastToken } }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/bookings/:id/emails': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/emails` }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/emails?${token(w)}` }),
      expect: everyone('ok'),
    },
  ],
  'GET /api/bookings/:id/emails/:emailId/html': [
    {
      variant: 'signed in',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/emails/${w.booking.customerEmailId}/html` }),
      expect: bookingBySession,
    },
    {
      variant: 'manage token',
      request: (w) => ({ path: `/api/bookings/${w.booking.id}/emails/${w.booking.customerEmailId}/html?${token(w)}` }),
      expect: everyone('ok'),
    },
  ],

  'GET /api/reviews': [{ request: at('/api/reviews'), expect: { ...customersOnly, otherCustomer: 'own' } }],
  'POST /api/reviews': [
    {
      request: (w) => ({ path: '/api/reviews', body: { appointmentId: w.completedId, rating: 4, body: 'Good.' } }),
      expect: customersOnly,
    },
  ],
  'PATCH /api/reviews/:id': [
    { request: (w) => ({ path: `/api/reviews/${w.reviewId}`, body: { rating: 4 } }), expect: customersOnly },
  ],

  'GET /api/admin/profile': [{ request: at('/api/admin/profile'), expect: memberOwn }],
  'PUT /api/admin/profile': [
    { request: (w, role) => ({ path: '/api/admin/profile', body: ownProfile(w, role) }), expect: adminOwn },
  ],
  'POST /api/admin/business/close': [
    {
      request: (w, role) => ({
        path: '/api/admin/business/close',
        body: { confirm: role === 'otherProvider' ? w.otherProvider.slug : w.provider.slug },
      }),
      expect: ownerOwn,
    },
  ],
  'GET /api/admin/services': [{ request: at('/api/admin/services'), expect: adminOwn }],
  'POST /api/admin/services': [
    {
      request: withBody('/api/admin/services', {
        name: 'Trim',
        durationMinutes: 45,
        price: { amountMinor: 1000, currency: 'EUR' },
      }),
      expect: adminOwn,
    },
  ],
  'GET /api/admin/services/:id': [
    { request: (w) => ({ path: `/api/admin/services/${w.provider.serviceId}` }), expect: adminOwned },
  ],
  'PATCH /api/admin/services/:id': [
    {
      request: (w) => ({ path: `/api/admin/services/${w.provider.serviceId}`, body: { name: 'Renamed' } }),
      expect: adminOwned,
    },
  ],
  'DELETE /api/admin/services/:id': [
    { request: (w) => ({ path: `/api/admin/services/${w.spareServiceId}` }), expect: adminOwned },
  ],
  'GET /api/admin/schedule': [
    { request: at('/api/admin/schedule'), expect: memberOwn },
    // The owner and admins name any member of their business; staff only themselves; another business's: none.
    {
      variant: "?member= A's staff member",
      request: (w) => ({ path: `/api/admin/schedule?member=${w.members.staff}` }),
      expect: { ...adminOwned, staff: 'ok', otherStaff: 'hidden' },
    },
    {
      variant: "?member= A's owner",
      request: (w) => ({ path: `/api/admin/schedule?member=${w.members.owner}` }),
      expect: { ...adminOwned, otherStaff: 'hidden' },
    },
  ],
  'PUT /api/admin/schedule/weekly': [
    {
      request: withBody('/api/admin/schedule/weekly', { intervals: [{ weekday: 1, start: '10:00', end: '12:00' }] }),
      expect: memberOwn,
    },
    {
      variant: "?member= A's staff member",
      request: (w) => ({
        path: `/api/admin/schedule/weekly?member=${w.members.staff}`,
        body: { intervals: [{ weekday: 1, start: '10:00', end: '12:00' }] },
      }),
      expect: { ...adminOwned, staff: 'ok', otherStaff: 'hidden' },
    },
  ],
  'PUT /api/admin/schedule/overrides/:date': [
    {
      request: withBody('/api/admin/schedule/overrides/2026-12-11', { intervals: [{ start: '10:00', end: '12:00' }] }),
      expect: memberOwn,
    },
  ],
  // The override is the owner's: the others' own schedules have none on that date.
  'DELETE /api/admin/schedule/overrides/:date': [
    {
      request: (w) => ({ path: `/api/admin/schedule/overrides/${w.overrideDate}` }),
      expect: { ...ownersWork, admin: 'hidden' },
    },
    {
      variant: "?member= A's owner",
      request: (w) => ({ path: `/api/admin/schedule/overrides/${w.overrideDate}?member=${w.members.owner}` }),
      expect: { ...adminOwned, otherStaff: 'hidden' },
    },
  ],
  'POST /api/admin/schedule/closures': [
    { request: withBody('/api/admin/schedule/closures', { from: '2026-12-21', to: '2026-12-22' }), expect: adminOwn },
  ],
  'DELETE /api/admin/schedule/closures/:id': [
    { request: (w) => ({ path: `/api/admin/schedule/closures/${w.closureId}` }), expect: adminOwned },
  ],
  'GET /api/admin/appointments': [{ request: at('/api/admin/appointments'), expect: memberOwn }],
  'POST /api/admin/appointments': [
    {
      // Another provider names provider A's service: not theirs, so not found. The owner and admins book it for the
      // owner; staff for themselves (on their Friday hours).
      request: (w, role) => ({
        path: '/api/admin/appointments',
        body: {
          service: w.provider.serviceId,
          start: '2026-12-04T10:00:00.000Z',
          customer: { name: 'Walter Walk-in' },
          ...(role !== 'staff' && role !== 'otherStaff' && { memberId: w.members.owner }),
        },
      }),
      expect: { ...adminOwned, staff: 'ok', otherStaff: 'hidden' },
    },
  ],
  'GET /api/admin/appointments/slots': [
    {
      request: (w) => ({ path: `/api/admin/appointments/slots?service=${w.provider.serviceId}&date=2026-12-04` }),
      expect: { ...adminOwned, staff: 'ok', otherStaff: 'hidden' },
    },
  ],
  'GET /api/admin/blocked-times': [
    { request: at('/api/admin/blocked-times?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z'), expect: memberOwn },
  ],
  'POST /api/admin/blocked-times': [
    {
      request: withBody('/api/admin/blocked-times', { date: '2026-12-07', from: '12:00', to: '13:00' }),
      expect: memberOwn,
    },
  ],
  'DELETE /api/admin/blocked-times/:id': [
    { request: (w) => ({ path: `/api/admin/blocked-times/${w.blockedTimeId}` }), expect: ownersWork },
  ],
  'GET /api/admin/appointments/:id': [
    { request: (w) => ({ path: `/api/admin/appointments/${w.booking.id}` }), expect: ownersWork },
    {
      variant: "A's staff member's",
      request: (w) => ({ path: `/api/admin/appointments/${w.staffBookingId}` }),
      expect: { ...ownersWork, staff: 'ok' },
    },
  ],
  'POST /api/admin/appointments/:id/reschedule': [
    {
      request: (w) => ({
        path: `/api/admin/appointments/${w.booking.id}/reschedule`,
        body: { start: '2026-12-03T13:00:00.000Z' },
      }),
      expect: ownersWork,
    },
  ],
  // Giving the owner's appointment to the member who has it already: allowed, a no-op, for the owner and admins only.
  'PUT /api/admin/appointments/:id/member': [
    {
      request: (w) => ({
        path: `/api/admin/appointments/${w.booking.id}/member`,
        body: { memberId: w.members.owner },
      }),
      expect: adminOwned,
    },
  ],
  'POST /api/admin/appointments/:id/cancel': [
    { request: (w) => ({ path: `/api/admin/appointments/${w.booking.id}/cancel` }), expect: ownersWork },
    {
      variant: "A's staff member's",
      request: (w) => ({ path: `/api/admin/appointments/${w.staffBookingId}/cancel` }),
      expect: { ...ownersWork, staff: 'ok' },
    },
  ],
  'POST /api/admin/appointments/:id/complete': [
    { request: (w) => ({ path: `/api/admin/appointments/${w.pastId}/complete` }), expect: ownersWork },
  ],
  'POST /api/admin/appointments/:id/no-show': [
    { request: (w) => ({ path: `/api/admin/appointments/${w.pastId}/no-show` }), expect: ownersWork },
  ],
  'GET /api/admin/emails': [{ request: at('/api/admin/emails'), expect: adminOwn }],
  'GET /api/admin/emails/:id': [
    { request: (w) => ({ path: `/api/admin/emails/${w.providerEmailId}` }), expect: adminOwned },
  ],
  'GET /api/admin/emails/:id/html': [
    { request: (w) => ({ path: `/api/admin/emails/${w.providerEmailId}/html` }), expect: adminOwned },
  ],
  'POST /api/admin/emails/:id/retry': [
    { request: (w) => ({ path: `/api/admin/emails/${w.failedEmailId}/retry` }), expect: adminOwned },
  ],
  'GET /api/admin/reviews': [{ request: at('/api/admin/reviews'), expect: adminOwn }],
  'POST /api/admin/reviews/:id/reply': [
    {
      request: (w) => ({ path: `/api/admin/reviews/${w.reviewId}/reply`, body: { reply: 'Thank you!' } }),
      expect: adminOwned,
    },
  ],
  'GET /api/admin/calendar': [
    { request: at('/api/admin/calendar'), expect: memberOwn },
    {
      variant: "?member= A's staff member",
      request: (w) => ({ path: `/api/admin/calendar?member=${w.members.staff}` }),
      expect: { ...adminOwned, staff: 'ok', otherStaff: 'hidden' },
    },
    {
      variant: "?member= A's owner",
      request: (w) => ({ path: `/api/admin/calendar?member=${w.members.owner}` }),
      expect: { ...adminOwned, otherStaff: 'hidden' },
    },
  ],
  'PUT /api/admin/calendar/settings': [
    { request: withBody('/api/admin/calendar/settings', { includeCustomerContact: false }), expect: adminOwn },
  ],
  // Calendar connections need Google or Microsoft, which are not configured here: the answer only has to come
  // from past the gate. Their faults and success are tested against the fakes in tests/calendar/.
  'PUT /api/admin/calendar/google-shared': [
    {
      request: withBody('/api/admin/calendar/google-shared', { shareWith: 'someone@gmail.com', role: 'writer' }),
      expect: memberReached,
    },
  ],
  // A plain-http CalDAV server, refused (CALDAV_ALLOW_PRIVATE is off) past the gate without a network call.
  'PUT /api/admin/calendar/caldav': [
    {
      request: withBody('/api/admin/calendar/caldav', {
        serverUrl: 'http://127.0.0.1:9/',
        username: 'someone',
        password: 'app-password',
      }),
      expect: memberReached,
    },
  ],
  'POST /api/admin/calendar/:service/connect': [
    { request: at('/api/admin/calendar/google/connect'), expect: memberReached },
  ],
  'GET /api/admin/calendar/:service/callback': [
    { request: at('/api/admin/calendar/google/callback?code=abc&state=def'), expect: memberReached },
  ],
  'GET /api/admin/calendar/calendars': [{ request: at('/api/admin/calendar/calendars'), expect: memberServed }],
  'PUT /api/admin/calendar/calendar': [
    { request: withBody('/api/admin/calendar/calendar', { calendarId: 'primary' }), expect: memberServed },
  ],
  'DELETE /api/admin/calendar/connection': [{ request: at('/api/admin/calendar/connection'), expect: memberReached }],
  'POST /api/admin/calendar/busy/refresh': [{ request: at('/api/admin/calendar/busy/refresh'), expect: memberServed }],
  'GET /api/admin/calendar/sync-jobs': [{ request: at('/api/admin/calendar/sync-jobs'), expect: memberOwn }],
  'POST /api/admin/calendar/sync-jobs/:id/retry': [
    // The owner's job, of their calendar: not among another member's own jobs, so the owner and admins name them.
    {
      request: (w) => ({ path: `/api/admin/calendar/sync-jobs/${w.failedSyncJobId}/retry` }),
      expect: { ...ownersWork, admin: 'hidden' },
    },
    {
      variant: "?member= A's owner",
      request: (w) => ({ path: `/api/admin/calendar/sync-jobs/${w.failedSyncJobId}/retry?member=${w.members.owner}` }),
      expect: { ...adminOwned, otherStaff: 'hidden' },
    },
  ],
  'POST /api/admin/calendar/feed/rotate': [{ request: at('/api/admin/calendar/feed/rotate'), expect: memberOwn }],
  'DELETE /api/admin/calendar/feed': [{ request: at('/api/admin/calendar/feed'), expect: memberOwn }],
  'GET /api/admin/team': [{ request: at('/api/admin/team'), expect: adminOwn }],
  'POST /api/admin/team/invitations': [
    {
      request: withBody('/api/admin/team/invitations', { email: 'new.member@example.com', name: 'Nia', role: 'staff' }),
      expect: adminOwn,
    },
  ],
  'DELETE /api/admin/team/invitations/:id': [
    { request: (w) => ({ path: `/api/admin/team/invitations/${w.invitation.id}` }), expect: adminOwned },
  ],
  'PATCH /api/admin/team/:id': [
    { request: (w) => ({ path: `/api/admin/team/${w.members.staff}`, body: { bio: 'Colour' } }), expect: adminOwned },
  ],
  'DELETE /api/admin/team/:id': [
    {
      request: (w) => ({ path: `/api/admin/team/${w.members.staff}`, body: { future: 'cancel' } }),
      expect: adminOwned,
    },
  ],
  // Anyone in a business but its owner may leave it (the owner gets 409: they close the business instead).
  'POST /api/admin/team/leave': [
    {
      request: withBody('/api/admin/team/leave', { future: 'cancel' }),
      expect: { ...adminReached, admin: 'ok', staff: 'ok', otherStaff: 'ok' },
    },
  ],
  // A member's photo: the owner and admins change anyone's in A, staff only their own; B's people do not find A's
  // members at all. The upload's form is not sent here (its checks are tests/api/member-photos.test.ts's).
  'PUT /api/admin/team/:id/photo': [
    {
      request: (w) => ({ path: `/api/admin/team/${w.members.staff}/photo`, body: {} }),
      expect: { ...adminOwned, ...ofAMember('reached'), otherStaff: 'hidden' },
    },
    {
      variant: "the owner's",
      request: (w) => ({ path: `/api/admin/team/${w.members.owner}/photo`, body: {} }),
      expect: { ...adminOwned, provider: 'reached', admin: 'reached', otherStaff: 'hidden' },
    },
  ],
  'DELETE /api/admin/team/:id/photo': [
    {
      request: (w) => ({ path: `/api/admin/team/${w.members.staff}/photo` }),
      expect: { ...adminOwned, ...ofAMember('ok'), otherStaff: 'hidden' },
    },
    {
      variant: "the owner's",
      request: (w) => ({ path: `/api/admin/team/${w.members.owner}/photo` }),
      expect: { ...adminOwned, otherStaff: 'hidden' },
    },
  ],
  // A business's API keys: its owner's and admins' (B lists and makes its own, and does not find A's).
  'GET /api/admin/api-keys': [{ request: at('/api/admin/api-keys'), expect: adminOwn }],
  'POST /api/admin/api-keys': [
    { request: withBody('/api/admin/api-keys', { name: 'Zapier', scope: 'read_write' }), expect: adminOwn },
  ],
  'DELETE /api/admin/api-keys/:id': [
    { request: (w) => ({ path: `/api/admin/api-keys/${w.apiKeyId}` }), expect: adminOwned },
  ],
  // The link's token is the proof: whoever holds it may join (as a new account here, the address having none).
  'GET /api/team/invitation': [
    { request: (w) => ({ path: `/api/team/invitation?token=${w.invitation.token}` }), expect: everyone('ok') },
  ],
  'POST /api/team/join': [
    {
      request: (w) => ({ path: '/api/team/join', body: { token: w.invitation.token, password: 'a long passphrase' } }),
      expect: everyone('ok'),
    },
  ],
  'GET /ical/:file{[^/]+\\.ics}': [
    { variant: 'feed token', request: (w) => ({ path: `/ical/${w.feedToken}.ics` }), expect: everyone('ok') },
  ],

  'GET /widget.js': [{ request: at('/widget.js'), expect: everyone('ok') }],
  'GET /widget/assets/:file{[A-Za-z0-9_-]+\\.js}': [
    { request: (w) => ({ path: `/widget/assets/${w.widgetAsset}` }), expect: everyone('ok') },
  ],
  'GET /demo/embed': [{ request: at('/demo/embed'), expect: everyone('ok') }],
  'GET /site/:path{.+}': [{ request: (w) => ({ path: `/site/${w.siteAsset}` }), expect: everyone('ok') }],
  'GET /favicon.ico': [{ request: at('/favicon.ico'), expect: everyone('ok') }],
  'GET /': [{ request: at('/'), expect: everyone('ok') }],
  'GET /p/:slug': [{ request: (w) => ({ path: `/p/${w.provider.slug}` }), expect: everyone('ok') }],
  'GET /p/:slug/book/:serviceId?': [
    { request: (w) => ({ path: `/p/${w.provider.slug}/book/${w.provider.serviceId}` }), expect: everyone('ok') },
  ],
  'GET /login': [{ request: at('/login'), expect: signInPage }],
  'GET /signup': [{ request: at('/signup'), expect: signInPage }],
  'GET /verify-email': [{ request: at('/verify-email'), expect: everyone('ok') }],
  'GET /forgot-password': [{ request: at('/forgot-password'), expect: everyone('ok') }],
  'GET /reset-password': [{ request: at('/reset-password'), expect: everyone('ok') }],
  // The manage page is a shell: the booking is fetched with the token from the link, through the API above.
  'GET /manage/:id': [{ request: (w) => ({ path: `/manage/${w.booking.id}` }), expect: everyone('ok') }],
  'GET /account/:rest{.*}?': [{ request: at('/account'), expect: privatePage }],
  'GET /admin/:rest{.*}?': [{ request: at('/admin'), expect: adminPage }],
  // Probes answer everyone; metrics are the operator's (METRICS_TOKEN, or the loopback), never a session's.
  'GET /healthz': [{ request: at('/healthz'), expect: everyone('ok') }],
  'GET /readyz': [{ request: at('/readyz'), expect: everyone('reached') }],
  'GET /metrics': [{ request: at('/metrics'), expect: everyone('forbidden') }],
  'GET /*': [
    {
      variant: 'unknown page',
      request: () => ({ path: '/no/such/page', headers: { Accept: 'text/html' } }),
      expect: everyone('hidden'),
    },
  ],
};

/**
 * For a route added after this table was written: what its path alone says. Admin routes need a provider,
 * `/api/me` a session; nothing else is assumed. The matrix marks these rows "(default rule)".
 */
export function defaultRecipe(key: string): Recipe {
  const [method, pattern] = key.split(' ') as [string, string];
  const path = pattern.replace(/:(\w+)(\{[^}]*\})?\??/g, (_, name: string) => (name === 'date' ? '2026-12-11' : '1'));
  const body = method === 'GET' || method === 'DELETE' ? undefined : {};
  const request = () => ({ path, ...(body && { body }) });
  if (pattern.startsWith('/api/admin/')) return { variant: '(default rule)', request, expect: adminServed };
  if (pattern.startsWith('/api/me'))
    return { variant: '(default rule)', request, expect: { ...everyone('served'), anonymous: 'unauthenticated' } };
  return { variant: '(default rule)', request, expect: everyone('served') };
}

/** Why a response does not match the outcome, or null when it does. */
export function mismatch(
  outcome: Outcome,
  res: { status: number; headers: Headers; text: string },
  markers: readonly string[],
): string | null {
  const s = res.status;
  if (s >= 500) return `server error ${s}`;
  const location = res.headers.get('location') ?? '';
  switch (outcome) {
    case 'ok':
      return s >= 200 && s < 300 ? null : `expected 2xx`;
    case 'own': {
      if (s < 200 || s >= 300) return 'expected 2xx';
      const leaked = markers.find((m) => res.text.includes(m));
      return leaked ? `shows someone else's data: "${leaked}"` : null;
    }
    case 'redirect':
      return s >= 300 && s < 400 ? null : 'expected a redirect';
    case 'login':
      return s >= 300 && s < 400 && location.startsWith('/login') ? null : 'expected a redirect to /login';
    case 'unauthenticated':
      return s === 401 ? null : 'expected 401';
    case 'forbidden':
      return s === 403 ? null : 'expected 403';
    case 'hidden':
      return s === 404 ? null : 'expected 404';
    case 'reached':
      return [401, 403, 404].includes(s) ? 'expected to get past authorization' : null;
    case 'served':
      return [401, 403].includes(s) ? 'expected to be let in' : null;
  }
}

/** Outcomes that refuse: the request must not have changed anything. */
export const refuses = (outcome: Outcome): boolean =>
  ['unauthenticated', 'forbidden', 'hidden', 'login', 'redirect'].includes(outcome);
