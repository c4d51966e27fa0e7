/**
 * The widget's waitlist, loaded only when it is needed (a class's calendar, or the confirmation of a one-to-one
 * booking), so the first screen downloads none of it: its text and its API calls (its elements are beside it).
 */
import type { BookingApi } from '../api/client.js';
import type { Booking, Customer, FullClass, Slot, WaitlistEntry } from '../api/types.js';
import { fill, resolveLocale } from '../i18n/messages.js';

const en = {
  tellEarlier: 'Notify me if an earlier time frees up',
  waitEarlier: 'We will email you if an earlier time frees up.',
  full: 'Full · join the waitlist',
  joinWaitlist: 'Join the waitlist',
  waiting: 'You’re on the waitlist.',
  inLine: 'You are #{n} in line.',
  waitEmail: 'We will email {email} if a place frees up.',
  placeFree: 'A place has just freed up at this time: go back and pick it again to book it.',
  failed: 'Something went wrong. Please try again in a moment.',
};

const de: typeof en = {
  tellEarlier: 'Bei früherem freien Termin benachrichtigen',
  waitEarlier: 'Wir schreiben Ihnen, sobald ein früherer Termin frei wird.',
  full: 'Ausgebucht · auf die Warteliste',
  joinWaitlist: 'Auf die Warteliste',
  waiting: 'Sie stehen auf der Warteliste.',
  inLine: 'Sie sind Nr. {n} in der Reihe.',
  waitEmail: 'Wir schreiben an {email}, sobald ein Platz frei wird.',
  placeFree: 'Zu dieser Zeit ist gerade ein Platz frei geworden: gehen Sie zurück und wählen Sie sie erneut.',
  failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
};

export type WaitlistText = typeof en;

/** The text for a locale `resolveLocale` gave (English for a language without its own, like the main catalog). */
export const text = (locale: string): WaitlistText => (locale.split('-')[0] === 'de' ? de : en);

/** "You are #3 in line." */
export const inLine = (t: WaitlistText, entry: WaitlistEntry): string => fill(t.inLine, { n: entry.position });

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/**
 * A class's free times between two dates (`YYYY-MM-DD`) with its full ones added (`placesLeft: 0`, labelled "Full ·
 * join the waitlist"), in order. Without the full times the free ones still show: a server before waitlists
 * answers 404.
 */
export async function withFull(
  client: BookingApi,
  provider: string,
  service: number,
  staff: string,
  locale: string,
  from: string,
  to: string,
  free: Promise<Slot[]>,
): Promise<Slot[]> {
  const q = new URLSearchParams({ from, to, ...(staff && staff !== 'any' && { staff }) });
  const path = `/api/providers/${encodeURIComponent(provider)}/services/${service}/full-classes?${q}`;
  const full = client.call<{ classes: FullClass[] }>(path, {}).then(
    (r) => r.classes,
    () => [],
  );
  const [slots, classes] = await Promise.all([free, full]);
  const label = text(resolveLocale(locale).locale).full;
  return [...slots, ...classes.map((c) => ({ ...c, placesLeft: 0, label }))].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
}

/** Joins the waitlist of a full class time (`slot`, from `withFull`): for the member who holds it, else the one chosen. */
export async function joinClass(
  client: BookingApi,
  request: { provider: string; service: number; slot: Slot; member: string; customer: Customer; timeZone: string },
): Promise<WaitlistEntry> {
  const { provider, service, slot, member, customer, timeZone } = request;
  const staff = (slot as FullClass).member ?? (member === 'any' ? '' : member);
  const customerOnly = { name: customer.name, email: customer.email };
  const body = { provider, service, start: slot.start, customer: customerOnly, timeZone, ...(staff && { staff }) };
  return (await client.call<{ waitlist: WaitlistEntry }>('/api/waitlist/classes', json('POST', body))).waitlist;
}

/** "Tell me if an earlier time frees up" for a booking just made, with the token of its manage link. */
export async function waitEarlier(client: BookingApi, booking: Booking, team: boolean): Promise<WaitlistEntry> {
  const token = new URL(booking.manageUrl).searchParams.get('token');
  const body = { token, ...(team && { member: 'any' }) };
  return (await client.call<{ waitlist: WaitlistEntry }>(`/api/bookings/${booking.id}/waitlist`, json('PUT', body)))
    .waitlist;
}
