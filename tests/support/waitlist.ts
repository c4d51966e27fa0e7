import { waitlistOffers } from '../../server/app.js';
import { openLinkToken } from '../../server/email/link-token.js';
import { noBusyTimes } from '../../server/slots/availability.loader.js';
import { createSlotsCache } from '../../server/slots/slots-cache.js';
import { expireHolds } from '../../server/waitlist/waitlist.worker.js';
import { book, type ProviderFixture } from './fixtures.js';
import { call } from './http.js';
import { createTestContext, type TestContext } from './test-app.js';

/** The app and the waitlist's hold-expiry pass on the same clock and slots cache, as server/main.ts wires them. */
export async function waitlistContext(): Promise<TestContext & { expireHolds: () => Promise<number> }> {
  const slotsCache = createSlotsCache();
  const ctx = await createTestContext({ deps: { slotsCache } });
  const offers = waitlistOffers({
    config: ctx.config,
    now: () => ctx.clock.now,
    calendarBusy: noBusyTimes,
    slotsCache,
  });
  return { ...ctx, expireHolds: () => expireHolds(ctx.db, offers) };
}

/** A booking through the API, with its id and manage token (from its manage link). */
export async function booked(
  ctx: TestContext,
  provider: ProviderFixture,
  start: string,
  customer: { name: string; email: string },
  extra: Record<string, unknown> = {},
): Promise<{ id: number; token: string }> {
  const res = await book(ctx, provider, start, { customer, ...extra });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.booking.id, token: new URL(res.body.booking.manageUrl).searchParams.get('token')! };
}

/** Puts a booking on the waitlist for an earlier time. */
export async function waitForEarlier(
  ctx: TestContext,
  booking: { id: number; token: string },
  filters: Record<string, unknown> = {},
) {
  const res = await call(ctx, 'PUT', `/api/bookings/${booking.id}/waitlist`, {
    body: { token: booking.token, ...filters },
  });
  if (res.status !== 200) throw new Error(`waitlist failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.waitlist;
}

/** The slot starts a customer sees on a day (Berlin dates). */
export async function startsOn(ctx: TestContext, provider: ProviderFixture, date: string, service?: number) {
  const res = await call(
    ctx,
    'GET',
    `/api/providers/${provider.slug}/slots?service=${service ?? provider.serviceId}&from=${date}&to=${date}`,
  );
  return (res.body.slots as { start: string }[]).map((s) => s.start);
}

/** The newest offer link in an email's text: its offer id and token. */
export function offerLinkIn(text: string): { offerId: number; token: string } {
  const links = [...text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0]));
  const link = links.filter((u) => u.pathname.startsWith('/waitlist/offers/')).at(-1);
  if (!link) throw new Error(`no offer link in: ${text}`);
  return { offerId: Number(link.pathname.split('/').at(-1)), token: link.searchParams.get('token')! };
}

/** The newest offer emailed to `email`, from its outbox row not yet sent (the SMTP test follows the real link). */
export async function offerFor(ctx: TestContext, email: string): Promise<{ offerId: number; token: string }> {
  const row = await ctx.db
    .selectFrom('email_outbox')
    .select(['draft', 'link_token_sealed'])
    .where('kind', '=', 'waitlist_offer')
    .where('to_address', '=', email)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return {
    offerId: (JSON.parse(row.draft!) as { offer: { offerId: number } }).offer.offerId,
    token: openLinkToken(ctx.config.secretKey, row.link_token_sealed!)!,
  };
}

/** How many offer emails went to `email`. */
export async function offersTo(ctx: TestContext, email: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('email_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'waitlist_offer')
    .where('to_address', '=', email)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
