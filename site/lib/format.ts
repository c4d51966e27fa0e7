import type { Money } from '../../widget/api/types.js';
import { formatDuration as duration, formatPrice as price } from '../../widget/i18n/format.js';
import { localDate } from '../../widget/lib/dates.js';

/** The site's one locale for now (the server pre-renders with the same), so hydrated text matches. */
export const LOCALE = 'en-GB';

/** The browser's own zone: customers see their appointments in it. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const formatPrice = (money: Money): string => price(money, LOCALE);
export const formatDuration = (minutes: number): string => duration(minutes, LOCALE);

/** "Tue 1 Dec 2026" for an instant in a zone. */
export const formatDay = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat(LOCALE, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));

export const formatTime = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat(LOCALE, { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** "Tue 1 Dec 2026, 10:00–11:00". */
export const formatSpan = (start: string, end: string, zone: string): string =>
  `${formatDay(start, zone)}, ${formatTime(start, zone)}–${formatTime(end, zone)}`;

/** "Berlin time" for Europe/Berlin. */
export const zoneLabel = (zone: string): string => `${(zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')} time`;

export const todayIn = (zone: string): string => localDate(Date.now(), zone);

export const statusLabel: Record<string, string> = {
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  no_show: 'No-show',
  pending: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

/**
 * An email's status in the words its reader needs: one "sent" only into the site's own mailbox (the server has no
 * SMTP_URL) reached nobody's inbox, and saying "Sent" would be a lie.
 */
export const emailStatus = (e: {
  status: string;
  transport: 'smtp' | 'mailbox' | null;
}): { label: string; tone: string } =>
  e.status === 'sent' && e.transport === 'mailbox'
    ? { label: 'Kept on site — not emailed', tone: 'kept' }
    : { label: statusLabel[e.status] ?? e.status, tone: e.status };
