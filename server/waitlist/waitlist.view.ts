import { z } from 'zod';
import { daysFromText } from './matching.js';
import type { OfferDetail } from './waitlist.repository.js';
import type { WaitlistEntryRow } from './waitlist.table.js';

const instant = z.string().describe('UTC instant, ISO 8601');

export const waitlistEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['earlier', 'class']),
  status: z.enum(['waiting', 'offered', 'done', 'left']),
  member: z.enum(['same', 'any']),
  /** ISO weekdays (1 = Monday) in the business's zone; null: every day. */
  days: z.array(z.number().int()).nullable(),
  /** "HH:MM" in the business's zone: the window a start must fall in; null: any time. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** 1-based place among those in line for the same service of the business; 0 once out of line. */
  position: z.number().int(),
  createdAt: instant,
});

export const offerSchema = z.object({
  id: z.number().int(),
  status: z.enum(['open', 'taken', 'expired']),
  start: instant,
  end: instant,
  expiresAt: instant,
  serviceName: z.string(),
  providerName: z.string(),
  providerSlug: z.string(),
  /** Who serves the offered time, in a team; null for a business of one. */
  memberName: z.string().nullable(),
  /** The appointment's current start, which taking the offer moves; null for a place in a class. */
  currentStart: instant.nullable(),
  /** The customer's zone, if known. */
  timeZone: z.string().nullable(),
});

export function entryView(row: WaitlistEntryRow, position: number): z.output<typeof waitlistEntrySchema> {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    member: row.member_choice,
    days: daysFromText(row.days),
    from: row.from_time,
    to: row.to_time,
    position,
    createdAt: row.created_at,
  };
}

/** An offer past its hold reads as expired even before the worker closed it. */
export function offerView(o: OfferDetail, now: Date): z.output<typeof offerSchema> {
  const lapsed = o.status === 'open' && Date.parse(o.expires_at) <= now.getTime();
  return {
    id: o.id,
    status: lapsed ? 'expired' : o.status,
    start: o.start_at,
    end: o.end_at,
    expiresAt: o.expires_at,
    serviceName: o.service_name,
    providerName: o.provider_name,
    providerSlug: o.provider_slug,
    memberName: Number(o.team_size) > 1 ? o.member_name : null,
    currentStart: o.kind === 'earlier' ? o.current_start : null,
    timeZone: o.appointment_time_zone ?? o.entry_time_zone,
  };
}
