import type { ServiceRow } from './services.table.js';

/** What anyone may see of a service. */
export function publicService(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    price: { amountMinor: s.price_minor, currency: s.currency },
  };
}

/** The provider's own view of a service, with what they edit beyond the public part. */
export function adminService(s: ServiceRow) {
  return {
    ...publicService(s),
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    active: s.active === 1,
  };
}
