import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * A zone check that remembers the zones `isValid` found valid: Luxon asks Intl afresh on every check (about 0.15 ms,
 * most of a cached slots answer). There are a few hundred zones; names found invalid are not kept, and at most
 * `limit` are, so junk cannot fill memory. `isValid` is a parameter so a test can count what reaches Luxon.
 */
export function rememberingZoneCheck(
  isValid: (zone: string) => boolean = (zone) => IANAZone.isValidZone(zone),
  limit = 2_000,
) {
  const validZones = new Set<string>();
  return (zone: string): boolean => {
    if (validZones.has(zone)) return true;
    if (!isValid(zone)) return false;
    if (validZones.size < limit) validZones.add(zone);
    return true;
  };
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(rememberingZoneCheck(), 'not an IANA time zone such as Europe/Berlin');

/** A real calendar date `YYYY-MM-DD` (2026-02-30 is refused). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d, { zone: 'UTC' }).isValid, 'not a calendar date');

/** An instant with an explicit offset or `Z`; normalised to UTC milliseconds. */
export const instantSchema = z
  .string()
  .max(40)
  .pipe(z.iso.datetime({ offset: true }))
  .transform((s) => new Date(s).getTime());

/** The largest id: ids are 32-bit `integer` columns on PostgreSQL, which refuses a larger number in a query. */
export const MAX_ID = 2_147_483_647;

export const idSchema = z.coerce.number().int().positive().max(MAX_ID);
export const idParam = z.object({ id: idSchema });

export const slugSchema = z
  .string()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes');
export const slugParam = z.object({ slug: z.string().max(60) });

/** Plain text a person typed: trimmed, bounded, no control characters except newlines. */
export const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job
    .refine((s) => !/[\u0000-\u0008\u000B-\u001F\u007F]/.test(s), 'contains control characters');
