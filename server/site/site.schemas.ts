import { z } from 'zod';
import { dateSchema, idParam, idSchema, slugParam, textSchema } from '../http/schemas.js';

// Page addresses come from people, old links and crawlers: a query value that cannot be used falls back to its
// default rather than failing the page. Bad path parameters get the not-found page (see the routes).
const searchText = (max: number) => textSchema(max).catch('');
const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);
/** Only our own paths after sign-in: `//evil.example` and `https://…` are open redirects. */
const nextPath = z
  .string()
  .regex(/^\/(?!\/)[\w\-./?=&%#]*$/)
  .catch('');

export const directoryQuery = z.object({
  q: searchText(100),
  category: searchText(60),
  city: searchText(100),
  page: pageNumber,
});
/** `?staff=<member slug>`: "Book with Mia" opens the widget with that member chosen. */
const staffSlug = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .optional()
  .catch(undefined);
export const pageQuery = z.object({ page: pageNumber, staff: staffSlug });
/** `?date=YYYY-MM-DD`: the day a booking link opens on (a directory card's "next available"). */
export const bookingQuery = z.object({ date: dateSchema.optional().catch(undefined), staff: staffSlug });
export const providerParam = slugParam;
export const bookingParam = slugParam.extend({ serviceId: idSchema.optional() });
export const manageParam = idParam;
export const offerParam = idParam;
export const loginQuery = z.object({ next: nextPath });
export const signupQuery = z.object({ as: z.enum(['customer', 'provider']).catch('customer'), next: nextPath });
