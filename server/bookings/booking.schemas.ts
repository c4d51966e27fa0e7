import { z } from 'zod';
import { emailSchema } from '../auth/auth.schemas.js';
import { idSchema, instantSchema, MAX_ID, textSchema, timeZoneSchema } from '../http/schemas.js';
import { staffSchema } from '../slots/staff.js';

export const bookingSchema = z.object({
  provider: z.string().min(1).max(60),
  service: z.number().int().positive().max(MAX_ID),
  start: instantSchema,
  customer: z.object({
    name: textSchema(100).pipe(z.string().min(1, 'required')),
    email: emailSchema,
    phone: textSchema(40)
      .refine((p) => p === '' || /^\+?[0-9 ()./-]{5,}$/.test(p), 'not a phone number')
      .optional(),
  }),
  note: textSchema(1000).optional(),
  timeZone: timeZoneSchema.optional(),
  /** A member's slug, or 'any' (the default). */
  staff: staffSchema.optional(),
});

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,100}$/, '1 to 100 visible ASCII characters')
    .optional(),
});

export const bookingParam = z.object({ id: idSchema });
export const tokenQuery = z.object({ token: z.string().max(100).optional() });
export const cancelSchema = z.object({ token: z.string().max(100).optional() });
/** An occurrence of a recurring series: only it ('one', the default), or it and every later one ('following'). */
const cancelScope = z.enum(['one', 'following']).default('one');
export const customerCancelSchema = cancelSchema.extend({ scope: cancelScope });
/** The owner's message to the customer, quoted in their cancellation email: a few sentences; blank is none. */
export const ownerCancelSchema = z.object({ reason: textSchema(500).optional(), scope: cancelScope });
/** `staff`: omitted keeps the member; 'any' keeps them if free, else another; a slug names the member. */
export const rescheduleSchema = z.object({
  token: z.string().max(100).optional(),
  start: instantSchema,
  staff: staffSchema.optional(),
});
export const adminRescheduleSchema = rescheduleSchema.omit({ token: true });

/**
 * The owner's booking for a caller or a walk-in: their own business, so no provider; email and phone optional
 * (empty means none), and without an email the customer simply gets no emails.
 */
export const ownerBookingSchema = bookingSchema.omit({ provider: true, timeZone: true, staff: true }).extend({
  /** Who serves it; default: the signed-in member if they perform the service, else anyone free. */
  memberId: idSchema.optional(),
  customer: bookingSchema.shape.customer.extend({
    email: z
      .literal('')
      .transform(() => undefined)
      .or(emailSchema)
      .optional(),
  }),
});
