import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Interval } from '../../server/availability/availability.types.js';
import { createSlotsCache } from '../../server/slots/slots-cache.js';
import { slotsVersionsFor } from '../../server/slots/slots-versions.js';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { countingPlugin } from '../support/statement-count.js';
import { createTestContext, NOW } from '../support/test-app.js';

/** The statements of one computation of a page's next available times (tests/api/next-available.test.ts). */
const COMPUTATION = 6;

/**
 * The real app on a database that counts its statements, with calendar busy times the test sets per member, the
 * app clock pinned (`clock.now`) and the cache's age clock too (`age.ms`).
 */
async function countedWorld(options: { maxNextAvailable?: number } = {}) {
  const ctx = await createTestContext();
  const statements = { n: 0 };
  const db = ctx.db.withPlugin(countingPlugin(statements));
  const age = { ms: 0 };
  const cache = createSlotsCache({ versions: slotsVersionsFor(db), clock: () => age.ms, ...options });
  const busy = new Map<number, Interval[]>();
  const app = createApp({
    db,
    config: ctx.config,
    now: () => ctx.clock.now,
    slotsCache: cache,
    busyTimes: async (_reader, memberId) => busy.get(memberId) ?? [],
  });
  const world = { ...ctx, app, statements, cache, busy, age };
  /** The directory's first page: each business's next available time, and the statements the search ran. */
  const search = async () => {
    const before = statements.n;
    const res = await call(world, 'GET', '/api/providers');
    expect(res.status).toBe(200);
    const next = Object.fromEntries(
      res.body.providers.map((p: { slug: string; nextAvailable: string | null }) => [p.slug, p.nextAvailable]),
    );
    return { next, statements: statements.n - before };
  };
  /** The one member of a business made by `createProvider`. */
  const memberOf = async (provider: ProviderFixture) =>
    (
      await ctx.db
        .selectFrom('team_members')
        .innerJoin('providers', 'providers.id', 'team_members.provider_id')
        .select('team_members.id')
        .where('providers.slug', '=', provider.slug)
        .executeTakeFirstOrThrow()
    ).id;
  return { ...world, search, memberOf };
}

const at = (iso: string) => new Date(iso);
// NOW is Tuesday 09:00 in Berlin; one hour's notice makes 10:00 (09:00Z) the first start, then every 30 minutes.
const FIRST = '2026-12-01T09:00:00.000Z';

describe("the directory's remembered next available times", () => {
  it('costs a page already seen its search alone, and a change of one business one computation', async () => {
    const w = await countedWorld();
    const [a] = [await createProvider(w, { slug: 'studio-a' }), await createProvider(w, { slug: 'studio-b' })];
    const first = await w.search();
    expect(first.next).toEqual({ 'studio-a': FIRST, 'studio-b': FIRST });
    const hit = await w.search();
    expect(hit.next).toEqual(first.next);
    expect((await w.search()).statements).toBe(hit.statements);
    // Remembered, the answers cost nothing: the page's search alone is what is left.
    expect(first.statements).toBeGreaterThanOrEqual(hit.statements + COMPUTATION);

    // A booking tomorrow leaves the time as it was, but it is a change: computed again, once.
    expect((await book(w, a!, '2026-12-02T09:00:00.000Z')).status).toBe(201);
    const changed = await w.search();
    expect(changed.next).toEqual(first.next);
    expect(changed.statements).toBe(hit.statements + COMPUTATION);
    expect((await w.search()).statements).toBe(hit.statements);
  });

  it('moves to the next free time once a booking takes the remembered one', async () => {
    const w = await countedWorld();
    const p = await createProvider(w, { slug: 'taken' });
    expect((await w.search()).next).toEqual({ taken: FIRST });
    expect((await book(w, p, FIRST)).status).toBe(201);
    expect((await w.search()).next).toEqual({ taken: '2026-12-01T10:00:00.000Z' });
  });

  it('follows a change of the weekly hours', async () => {
    const w = await countedWorld();
    const p = await createProvider(w, { slug: 'afternoons' });
    expect((await w.search()).next).toEqual({ afternoons: FIRST });
    const intervals = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '13:00', end: '17:00' }));
    const res = await call(w, 'PUT', '/api/admin/schedule/weekly', { session: p.session, body: { intervals } });
    expect(res.status).toBe(200);
    expect((await w.search()).next).toEqual({ afternoons: '2026-12-01T12:00:00.000Z' });
  });

  it('holds while time passes until its start falls under the notice period', async () => {
    const w = await countedWorld();
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '14:00', end: '17:00' }));
    await createProvider(w, { slug: 'later', weekly });
    expect((await w.search()).next).toEqual({ later: '2026-12-01T13:00:00.000Z' });
    const hit = await w.search();

    // Three hours on, 13:00Z is still an hour away: the same answer, nothing computed.
    w.clock.now = at('2026-12-01T12:00:00.000Z');
    expect(await w.search()).toEqual(hit);
    // A second later it is under the hour's notice: the next start on the 30-minute grid.
    w.clock.now = at('2026-12-01T12:00:01.000Z');
    const moved = await w.search();
    expect(moved.next).toEqual({ later: '2026-12-01T13:30:00.000Z' });
    expect(moved.statements).toBe(hit.statements + COMPUTATION);
  });

  it('moves when a busy time appears in the member’s own calendar, and back when it goes', async () => {
    const w = await countedWorld();
    const p = await createProvider(w, { slug: 'dentist' });
    const member = await w.memberOf(p);
    expect((await w.search()).next).toEqual({ dentist: FIRST });
    const hit = await w.search();

    // Calendar sync bumps no version: the busy times read for the page differ from the answer's, so it is computed again.
    w.busy.set(member, [
      { start: Date.parse('2026-12-01T09:00:00.000Z'), end: Date.parse('2026-12-01T10:00:00.000Z') },
    ]);
    const busy = await w.search();
    expect(busy.next).toEqual({ dentist: '2026-12-01T10:00:00.000Z' });
    expect(busy.statements).toBe(hit.statements + COMPUTATION);
    expect((await w.search()).statements).toBe(hit.statements);

    w.busy.delete(member);
    expect((await w.search()).next).toEqual({ dentist: FIRST });
  });

  it('holds "none" for a minute at most, and any answer no longer than its age limit', async () => {
    const w = await countedWorld();
    await createProvider(w, { slug: 'closed', weekly: [] });
    expect((await w.search()).next).toEqual({ closed: null });
    const hit = await w.search();

    w.clock.now = new Date(NOW.getTime() + 60_000);
    expect(await w.search()).toEqual(hit);
    w.clock.now = new Date(NOW.getTime() + 60_001);
    expect((await w.search()).statements).toBe(hit.statements + COMPUTATION);
    expect((await w.search()).statements).toBe(hit.statements);

    // Whatever the app clock says, a minute of the cache's own clock ends an answer.
    w.age.ms += 60_001;
    expect((await w.search()).statements).toBe(hit.statements + COMPUTATION);
  });

  it('remembers no more businesses than its bound, and still answers every one', async () => {
    const w = await countedWorld({ maxNextAvailable: 2 });
    for (const slug of ['studio-one', 'studio-two', 'studio-three']) await createProvider(w, { slug });
    for (let i = 0; i < 3; i++) {
      expect((await w.search()).next).toEqual({ 'studio-one': FIRST, 'studio-two': FIRST, 'studio-three': FIRST });
      expect(w.cache.nextAvailable.size).toBe(2);
    }
  });
});
