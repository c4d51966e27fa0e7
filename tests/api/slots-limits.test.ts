import { describe, expect, it } from 'vitest';
import { MAX_SLOTS } from '../../server/slots/slots.routes.js';
import { createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext, NOW } from '../support/test-app.js';

const FIVE_MINUTES = 5 * 60_000;

/** Open around the clock on a 5-minute grid with a 5-minute service: the densest answer a provider can make. */
const densest = (ctx: Parameters<typeof createProvider>[0]) =>
  createProvider(ctx, {
    service: { durationMinutes: 5 },
    rules: { minNoticeMinutes: 0, maxDaysAhead: 62, slotStepMinutes: 5 },
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  });

describe('slots answers are bounded', () => {
  it(`carries at most ${MAX_SLOTS} slots and names the URL of the rest, page after page, none lost or repeated`, async () => {
    const ctx = await createTestContext();
    const provider = await densest(ctx);
    // 62 days of Berlin (1 Dec – 31 Jan); free from now (08:00Z on 1 Dec) to the range's end (23:00Z on 31 Jan).
    const expected = (Date.parse('2027-01-31T23:00:00.000Z') - NOW.getTime()) / FIVE_MINUTES;
    let url: string | null =
      `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-01&to=2027-01-31&tz=Europe/Berlin`;
    const starts: number[] = [];
    let pages = 0;
    while (url) {
      const res = await call(ctx, 'GET', url);
      expect(res.status, url).toBe(200);
      expect(res.body.slots.length).toBeLessThanOrEqual(MAX_SLOTS);
      expect(res.body.truncated).toBe(res.body.next !== null);
      if (res.body.truncated) expect(res.body.slots).toHaveLength(MAX_SLOTS);
      expect(JSON.stringify(res.body).length).toBeLessThan(200_000); // today's 1.25 MB answer is gone
      starts.push(...res.body.slots.map((s: { start: string }) => Date.parse(s.start)));
      url = res.body.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(expected / MAX_SLOTS));
    expect(starts).toHaveLength(expected);
    // Every 5-minute start from now on, in order: pages meet exactly.
    expect(starts.every((start, i) => start === NOW.getTime() + i * FIVE_MINUTES)).toBe(true);
  });

  it('answers a page after a given start, and refuses a malformed one', async () => {
    const ctx = await createTestContext();
    const provider = await densest(ctx);
    const base = `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-02&to=2026-12-02&tz=UTC`;
    const page = await call(ctx, 'GET', `${base}&after=2026-12-02T23:40:00.000Z`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ truncated: false, next: null });
    expect(page.body.slots.map((s: { start: string }) => s.start)).toEqual([
      '2026-12-02T23:45:00.000Z',
      '2026-12-02T23:50:00.000Z',
      '2026-12-02T23:55:00.000Z',
    ]);
    const bad = await call(ctx, 'GET', `${base}&after=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('after');
  });
});

describe('uncached slot computations per client address', () => {
  it('are limited (429 with Retry-After); cached answers and other addresses are not, and the window passes', async () => {
    const ctx = await createTestContext({ config: { slotsRateLimit: 3, trustProxy: true } });
    const provider = await createProvider(ctx);
    const ask = (day: number, from = '198.51.100.7') =>
      call(
        ctx,
        'GET',
        `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-12-${String(day).padStart(2, '0')}&to=2026-12-20`,
        {
          headers: { 'X-Forwarded-For': from },
        },
      );
    for (const day of [2, 3, 4]) expect((await ask(day)).status).toBe(200);
    const refused = await ask(5);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBe(60);
    expect((await ask(2)).status).toBe(200); // answered from the cache: costs nothing, counts nothing
    expect((await ask(5, '203.0.113.9')).status).toBe(200);

    ctx.clock.now = new Date(NOW.getTime() + 59_000);
    const later = await ask(6);
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('1');
    ctx.clock.now = new Date(NOW.getTime() + 60_000);
    expect((await ask(6)).status).toBe(200);
  });
});
