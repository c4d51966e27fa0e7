import type { AdminService } from '../../site/api/types.js';
import type { Service } from '../../widget/api/types.js';
import type { ServiceRow } from './services.table.js';

// The clients' types are the API's contract (they cannot import the server): these views are checked against them.

/** What anyone may see of a service. */
export function publicService(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    price: { amountMinor: s.price_minor, currency: s.currency },
    seats: s.seats,
  } satisfies Service;
}

/** The provider's own view of a service, with what they edit beyond the public part and who performs it. */
export function adminService(s: ServiceRow, memberIds: number[]) {
  return {
    ...publicService(s),
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    active: s.active === 1,
    memberIds,
  } satisfies AdminService;
}
