/**
 * Node side of the component tests: the real Hono app on an in-memory database, served on 127.0.0.1 (another
 * origin than the test page, so CORS is exercised too), and a way to create providers for a test.
 * Loaded by `web-test-runner.config.mjs` through tsx.
 */
import { addService, book, createProvider } from '../../tests/support/fixtures.js';
import { call } from '../../tests/support/http.js';
import { listen } from '../../tests/support/server.js';
import { createTestContext } from '../../tests/support/test-app.js';

export interface ProviderOptions {
  /** The provider's zone (default Asia/Tokyo: no DST, so the tests' times never shift). */
  timeZone?: string;
  /**
   * `open` (default): 09:00–17:00 every day; `closed`: no hours at all; `next-month`: closed until the 3rd of next
   * month; `dense`: around the clock with a 5-minute service on a 5-minute grid (more slots a month than one answer holds).
   */
  hours?: 'open' | 'closed' | 'next-month' | 'dense';
  name?: string;
  /** `strict`: customers may cancel or move online until 24 hours before, and the business says why. */
  policy?: 'strict';
  /** `full`: a third service, a 2-place class, whose 09:00 on the 10th of next month is fully booked. */
  classes?: 'full';
  /** `weekly`: the first service (Haircut) may be booked as a series, every week or every 2 weeks, up to 6 times. */
  repeat?: 'weekly';
}

export interface TestProvider {
  api: string;
  slug: string;
  name: string;
  serviceId: number;
  secondServiceId: number;
  timeZone: string;
  /** With `classes: 'full'`: the class and its full time. */
  classServiceId?: number;
  fullStart?: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `now` is the clock the test page has too (tests/support/shifted-clock.mjs): the browser's "today" and the server's agree. */
export async function startTestApi(now: () => Date) {
  // Every test signs a provider up from one address: the whole suite is more than an hour's signups of one client.
  const ctx = await createTestContext({
    config: { bookingRateLimit: 10_000, slotsRateLimit: 10_000, signupRateLimit: 10_000 },
    deps: { now },
  });
  const server = await listen(ctx.app);
  let count = 0;

  async function provider(options: ProviderOptions = {}): Promise<TestProvider> {
    const timeZone = options.timeZone ?? 'Asia/Tokyo';
    const name = options.name ?? `Widget Studio ${++count}`;
    const days = [1, 2, 3, 4, 5, 6, 7];
    const dense = options.hours === 'dense';
    const p = await createProvider(ctx, {
      timeZone,
      profile: { name },
      service: { name: 'Haircut', durationMinutes: dense ? 5 : 60 },
      rules: { minNoticeMinutes: 60, maxDaysAhead: 120, slotStepMinutes: dense ? 5 : 30 },
      ...(options.policy === 'strict' && {
        policy: { cutoffHours: 24, text: 'Late cancellations are charged half the price.' },
      }),
      weekly:
        options.hours === 'closed'
          ? []
          : days.map((weekday) => ({ weekday, start: dense ? '00:00' : '09:00', end: dense ? '24:00' : '17:00' })),
    });
    const secondServiceId = await addService(ctx, p, { name: 'Beard trim', durationMinutes: 30 });
    if (options.hours === 'next-month') {
      // Closed from yesterday (any zone) to the 2nd of next month: this month is empty, the 3rd is next free.
      const day = new Date(now().getTime() - 86_400_000);
      const until = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 3));
      for (; day < until; day.setUTCDate(day.getUTCDate() + 1)) {
        const res = await call(ctx, 'PUT', `/api/admin/schedule/overrides/${iso(day)}`, {
          session: p.session,
          body: { intervals: [] },
        });
        if (res.status !== 200) throw new Error(`override failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    const full = options.classes === 'full' ? await fullClass(p) : {};
    if (options.repeat === 'weekly') {
      const res = await call(ctx, 'PATCH', `/api/admin/services/${p.serviceId}`, {
        session: p.session,
        body: { repeat: { maxCount: 6, everyWeeks: [1, 2] } },
      });
      if (res.status !== 200) throw new Error(`repeat failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return { api: server.url, slug: p.slug, name, serviceId: p.serviceId, secondServiceId, timeZone, ...full };
  }

  /** A 2-place class whose 09:00 (Tokyo) on the 10th of next month both places are booked. */
  async function fullClass(p: Awaited<ReturnType<typeof createProvider>>) {
    const classServiceId = await addService(ctx, p, { name: 'Yoga', durationMinutes: 60, seats: 2 });
    const day = now();
    const fullStart = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 10)).toISOString();
    for (const email of ['ada@example.com', 'grace@example.com']) {
      const customer = { name: 'Class Member', email };
      const res = await book(ctx, p, fullStart, { service: classServiceId, customer });
      if (res.status !== 201) throw new Error(`class booking failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return { classServiceId, fullStart };
  }

  return {
    url: server.url,
    provider,
    async close() {
      await server.close();
      await ctx.db.destroy();
    },
  };
}
