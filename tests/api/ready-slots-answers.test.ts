import { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Interval } from '../../server/availability/availability.types.js';
import type { AppEnv } from '../../server/http/app-env.js';
import { onError } from '../../server/http/error-handler.js';
import { readySlotsAnswers } from '../../server/slots/ready-answers.js';
import { slotsRoutes } from '../../server/slots/slots.routes.js';
import { createSlotsCache, type SlotsCache } from '../../server/slots/slots-cache.js';
import { createProvider, type ProviderFixture } from '../support/fixtures.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z; the provider opens 09:00–17:00 Berlin, 60-minute service, 30-minute grid.
const DAY = '2026-12-02';
const FIRST = '2026-12-02T08:00:00.000Z';

/**
 * The replay in front of the app, with the slots route behind a middleware standing for the rest of the app's
 * (it counts the requests that reach it and sets a header, as the security and CORS middleware do).
 */
describe('repeated slots questions answered before the app', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let busy: Interval[];
  let cache: SlotsCache;
  let reachedApp: number;
  let app: Hono<AppEnv>;

  beforeEach(async () => {
    ctx = await createTestContext();
    provider = await createProvider(ctx);
    busy = [];
    cache = createSlotsCache();
    reachedApp = 0;
    const deps = { db: ctx.db, now: () => ctx.clock.now, busyTimes: async () => busy, cache };
    app = new Hono<AppEnv>()
      .use('/api/providers/:slug/slots', readySlotsAnswers(deps))
      .use(async (c, next) => {
        reachedApp++;
        await next();
        c.header('X-Set-By-The-App', `answer ${reachedApp}`);
      })
      .route('/api/providers', slotsRoutes({ ...deps, computeRateLimit: 1_000, trustProxy: false }))
      .onError(onError);
  });

  const path = (date = DAY) =>
    `/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=${date}&to=${date}&tz=Europe/Berlin`;
  const ask = (headers: Record<string, string> = {}, date = DAY) =>
    app.request(`http://booking.test${path(date)}`, { headers });
  const startsOf = async (res: Response) => ((await res.json()).slots as { start: string }[]).map((s) => s.start);

  it("replays the app's bytes and headers without running the app again", async () => {
    const first = await ask();
    const body = await first.text();
    const second = await ask();
    expect(reachedApp).toBe(1);
    expect(await second.text()).toBe(body);
    expect([...second.headers]).toEqual([...first.headers]);
    expect(second.headers.get('x-set-by-the-app')).toBe('answer 1');
  });

  it('in the whole app, replays every header but the request id, which is new', async () => {
    const url = `http://booking.test${path()}`;
    const first = await ctx.app.request(url);
    const second = await ctx.app.request(url, { headers: { 'X-Request-Id': 'widget-42' } });
    expect(second.headers.get('x-request-id')).toBe('widget-42');
    const withoutId = (res: Response) => [...res.headers].filter(([name]) => name !== 'x-request-id');
    expect(withoutId(second)).toEqual(withoutId(first));
    expect(second.headers.get('access-control-allow-origin')).toBe('*');
    expect(second.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await second.text()).toBe(await first.text());
  });

  it('answers 304 to a client holding the answer, with the same headers but no body', async () => {
    const etag = (await ask()).headers.get('etag')!;
    const again = await ask({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('x-set-by-the-app')).toBe('answer 1');
    expect(again.headers.has('content-type')).toBe(false);
    expect(reachedApp).toBe(1);
  });

  it('goes to the app once the business changed, and replays the new answer after', async () => {
    expect(await startsOf(await ask())).toContain(FIRST);
    const { id } = await ctx.db
      .selectFrom('providers')
      .select('id')
      .where('slug', '=', provider.slug)
      .executeTakeFirstOrThrow();
    await cache.invalidateProvider(id);
    const changed = await ask();
    expect(reachedApp).toBe(2);
    expect(changed.headers.get('x-set-by-the-app')).toBe('answer 2');
    expect((await ask()).headers.get('x-set-by-the-app')).toBe('answer 2');
    expect(reachedApp).toBe(2);
  });

  it('goes to the app when a calendar busy time appears, and never replays the old slots', async () => {
    expect(await startsOf(await ask())).toContain(FIRST);
    busy = [{ start: Date.parse(FIRST), end: Date.parse(FIRST) + 60 * 60_000 }];
    const res = await ask();
    expect(reachedApp).toBe(2);
    expect(await startsOf(res)).not.toContain(FIRST);
  });

  it('goes to the app once the first slot falls under the notice period', async () => {
    expect(await startsOf(await ask())).toContain(FIRST);
    ctx.clock.now = new Date(Date.parse(FIRST) - 30 * 60_000); // inside the provider's notice
    const res = await ask();
    expect(reachedApp).toBe(2);
    expect(await startsOf(res)).not.toContain(FIRST);
  });

  it('never replays an error, and tells URLs apart', async () => {
    const missing = `http://booking.test/api/providers/nobody/slots?service=1&from=${DAY}&to=${DAY}`;
    expect((await app.request(missing)).status).toBe(404);
    expect((await app.request(missing)).status).toBe(404);
    expect(reachedApp).toBe(2);
    await ask();
    await ask({}, '2026-12-03');
    expect(reachedApp).toBe(4);
  });
});
