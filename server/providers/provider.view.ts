import type { ProviderRow } from './providers.table.js';
import type { ServiceRow } from '../services/services.table.js';

/** What anyone may see of a provider: business data only. */
export function publicProvider(p: ProviderRow, rating: { average: number | null; count: number }) {
  return {
    slug: p.slug,
    name: p.name,
    category: p.category,
    description: p.description,
    city: p.city,
    address: p.address,
    phone: p.phone,
    timeZone: p.time_zone,
    rating,
  };
}

/** The provider's own view of their profile, with the booking rules they edit. */
export function adminProvider(p: ProviderRow) {
  return {
    ...publicProvider(p, { average: null, count: 0 }),
    rating: undefined,
    bookingRules: {
      minNoticeMinutes: p.min_notice_minutes,
      maxDaysAhead: p.max_days_ahead,
      slotStepMinutes: p.slot_step_minutes,
    },
    notifications: { reminder: p.email_reminder },
    /** Set once the business was closed: its data goes 30 days later. */
    closedAt: p.closed_at,
  };
}

export function publicService(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    price: { amountMinor: s.price_minor, currency: s.currency },
  };
}

export function adminService(s: ServiceRow) {
  return {
    ...publicService(s),
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    active: s.active === 1,
  };
}
