import { z } from 'zod';
import type { AdminService } from '../../site/api/types.js';
import type { Service } from '../../widget/api/types.js';
import { repeatOf } from './repeat.js';
import type { ServiceRow } from './services.table.js';

// The clients' types are the API's contract (they cannot import the server): these views are checked against them,
// and against the schemas the OpenAPI document shows (server/openapi/).

export const moneySchema = z.object({ amountMinor: z.number().int(), currency: z.string() });

export const publicServiceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  price: moneySchema,
  /** Places per time: 1 is one-to-one, more is a class. */
  seats: z.number().int(),
  /** Recurring bookings: up to `maxCount` occurrences, every one of `everyWeeks` weeks; null: not offered. */
  repeat: z.object({ maxCount: z.number().int(), everyWeeks: z.array(z.number().int()) }).nullable(),
});

export const adminServiceSchema = publicServiceSchema.extend({
  bufferBeforeMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  active: z.boolean(),
  /** The members who perform it. */
  memberIds: z.array(z.number().int()),
});

/** What anyone may see of a service. */
export function publicService(s: ServiceRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    durationMinutes: s.duration_minutes,
    price: { amountMinor: s.price_minor, currency: s.currency },
    seats: s.seats,
    repeat: repeatOf(s.repeat_max_count, s.repeat_every_weeks),
  } satisfies Service & z.output<typeof publicServiceSchema>;
}

/** The provider's own view of a service, with what they edit beyond the public part and who performs it. */
export function adminService(s: ServiceRow, memberIds: number[]) {
  return {
    ...publicService(s),
    bufferBeforeMinutes: s.buffer_before_minutes,
    bufferAfterMinutes: s.buffer_after_minutes,
    active: s.active === 1,
    memberIds,
  } satisfies AdminService & z.output<typeof adminServiceSchema>;
}
