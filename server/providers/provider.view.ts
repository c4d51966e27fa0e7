import type { Profile } from '../../site/api/types.js';
import type { Provider } from '../../widget/api/types.js';
import type { ProviderRow } from './providers.table.js';

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
  } satisfies Provider & Pick<Profile, 'phone'>; // checked against the clients' types, the API's contract
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
  };
}

/** A business named in a suggestion: enough for a link. */
export const listingSummary = (p: ProviderRow) => ({ slug: p.slug, name: p.name, category: p.category, city: p.city });
