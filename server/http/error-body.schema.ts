import { z } from 'zod';

/** The body of every error answer, as `server/http/error-handler.ts` renders an `AppError`. */
export const errorBody = z.object({
  error: z.object({
    /** A stable, machine-readable code such as `slot_taken` (server/errors.ts). */
    code: z.string(),
    message: z.string(),
    /** For invalid input: a message per offending field, keyed by its dotted path (`customer.email`). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
