import { z } from 'zod';
import type { Profile } from '../../site/api/types.js';
import type { Provider } from '../../widget/api/types.js';
import { memberRefSchema } from '../team/roles.js';
import type { ProviderRow } from './providers.table.js';

export const policySchema = z.object({
  /** Customers cancel or move a booking online until this many hours before it (0: until it starts). */
  cutoffHours: z.number().int(),
  text: z.string(),
});

export const publicProviderSchema = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  city: z.string(),
  address: z.string(),
  phone: z.string(),
  /** IANA zone of its schedule, e.g. `Europe/Berlin`. */
  timeZone: z.string(),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  policy: policySchema,
});

export const adminProviderSchema = publicProviderSchema.omit({ rating: true }).extend({
  bookingRules: z.object({
    minNoticeMinutes: z.number().int(),
    maxDaysAhead: z.number().int(),
    slotStepMinutes: z.number().int(),
  }),
  notifications: z.object({ reminder: z.enum(['off', '24h', '2h']), ownerCopies: z.boolean() }),
  /** Set once the business was closed: its data goes 30 days later. */
  closedAt: z.string().nullable(),
});

/** The signed-in member's own business, and who they are in it. */
export const ownProfileSchema = adminProviderSchema.extend({ me: memberRefSchema });

/** A business named in a suggestion: enough for a link. */
export const listingSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  category: z.string(),
  city: z.string(),
});

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
    policy: policyOf(p.change_cutoff_hours, p.policy_text),
    // Checked against the clients' types, the API's contract, and the schema the OpenAPI document shows.
  } satisfies Provider & Pick<Profile, 'phone'> & z.output<typeof publicProviderSchema>;
}

/**
 * The business's policy as customers see it, wherever they do (profile, booking, manage page): `cutoffHours` before
 * an appointment customers can no longer cancel or move it online (0: until it starts), and the business's text.
 */
export const policyOf = (cutoffHours: number, text: string) => ({ cutoffHours, text });

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
    notifications: { reminder: p.email_reminder, ownerCopies: p.owner_copies === 1 },
    /** Set once the business was closed: its data goes 30 days later. */
    closedAt: p.closed_at,
  } satisfies Omit<z.output<typeof adminProviderSchema>, 'rating'> & { rating: undefined };
}

/** A business named in a suggestion: enough for a link. */
export const listingSummary = (p: ProviderRow): z.output<typeof listingSummarySchema> => ({
  slug: p.slug,
  name: p.name,
  category: p.category,
  city: p.city,
});
