import { z } from 'zod';
import { slugSchema, textSchema, timeZoneSchema } from '../http/schemas.js';

/** A policy is a few lines customers read before they book, not terms and conditions. */
export const POLICY_TEXT_MAX = 500;

export const profileSchema = z.object({
  slug: slugSchema,
  name: textSchema(100).pipe(z.string().min(1)),
  category: textSchema(60),
  description: textSchema(4000),
  city: textSchema(100),
  address: textSchema(300),
  phone: textSchema(40),
  timeZone: timeZoneSchema,
  bookingRules: z.object({
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    maxDaysAhead: z.number().int().min(1).max(365),
    slotStepMinutes: z.number().int().min(5).max(240),
  }),
  /** Optional so older clients keep working; left out, the setting stays as it is (24 h for a new profile). */
  notifications: z
    .object({
      reminder: z.enum(['off', '24h', '2h']),
      /** The owner gets a copy of the emails of appointments other members serve; left out, it stays as it is. */
      ownerCopies: z.boolean().optional(),
    })
    .optional(),
  /** Optional like `notifications`: left out, the policy stays as it is (none for a new profile). */
  policy: z
    .object({
      /** Whole hours, up to 30 days: customers cancel or move online until then. 0: until the appointment starts. */
      cutoffHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 30),
      text: textSchema(POLICY_TEXT_MAX),
    })
    .optional(),
});

export type ProfileInput = z.infer<typeof profileSchema>;

export const searchSchema = z.object({
  q: textSchema(100).optional(),
  category: textSchema(60).optional(),
  city: textSchema(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
