import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Interval } from '../../server/availability/availability.types.js';
import { type BusyCache, busyCache } from '../../server/calendar/busy.cache.js';
import type { CalendarAdapter } from '../../server/calendar/calendar.types.js';
import type { Db } from '../../server/db/connect.js';
import { createProvider } from '../support/fixtures.js';
import { createTestContext, NOW, type TestContext } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

const LEASE_MS = 60_000;
const TTL_MS = 5 * 60_000;
const hour = (h: number): Interval => ({
  start: Date.parse(`2026-12-02T${String(h).padStart(2, '0')}:00:00Z`),
  end: Date.parse(`2026-12-02T${String(h + 1).padStart(2, '0')}:00:00Z`),
});

/** A calendar whose reads the test lets finish one at a time, each with the busy times it is given. */
class HeldCalendar {
  reads = 0;
  private waiting: ((busy: Interval[]) => void)[] = [];
  private arrived: (() => void)[] = [];
  readonly adapter = {
    busyIntervals: () => {
      this.reads++;
      for (const wake of this.arrived.splice(0)) wake();
      return new Promise<Interval[]>((resolve) => this.waiting.push(resolve));
    },
  } as unknown as CalendarAdapter;
  /** Resolves once a read is waiting to be answered. */
  async read(): Promise<void> {
    if (this.waiting.length === 0) await new Promise<void>((resolve) => this.arrived.push(resolve));
  }
  answer(busy: Interval[]): void {
    this.waiting.shift()?.(busy);
  }
}

/**
 * Two instances, each its busy cache on its own pool of one database (under `npm run test:pg` one PostgreSQL
 * database; on SQLite two connections to one file), reading one member's calendar.
 */
describe('busy-time refresh with several instances', () => {
  let ctx: TestContext;
  let other: Db;
  let connectionId: number;
  let memberId: number;

  beforeEach(async () => {
    ctx = await createTestContext({ config: { databaseUrl: `sqlite:${join(tmpdir(), `busy-${randomUUID()}.db`)}` } });
    const provider = await createProvider(ctx);
    const member = await ctx.db
      .selectFrom('team_members')
      .innerJoin('providers', 'providers.id', 'team_members.provider_id')
      .select(['team_members.id', 'team_members.provider_id'])
      .where('providers.slug', '=', provider.slug)
      .executeTakeFirstOrThrow();
    memberId = member.id;
    const connection = await ctx.db
      .insertInto('calendar_connections')
      .values({ provider_id: member.provider_id, member_id: member.id, kind: 'google_oauth', status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    connectionId = connection.id;
    other = openTestDatabase(ctx.config.databaseUrl);
  });

  const instance = (db: Db, clock: { now: Date }, calendar: HeldCalendar): BusyCache =>
    busyCache({ db, now: () => clock.now, adapterFor: () => calendar.adapter, ttlMs: TTL_MS, leaseMs: LEASE_MS });
  /** Instance A on the context's pool, B on the other; each reads its own (held) calendar, on a clock of its own or one. */
  const twoInstances = (clockA: { now: Date }, clockB = clockA) => {
    const [calendarA, calendarB] = [new HeldCalendar(), new HeldCalendar()];
    return { calendarA, calendarB, a: instance(ctx.db, clockA, calendarA), b: instance(other, clockB, calendarB) };
  };
  const stored = async () =>
    (
      await ctx.db
        .selectFrom('calendar_busy')
        .select('start_at')
        .where('connection_id', '=', connectionId)
        .orderBy('start_at')
        .execute()
    ).map((r) => r.start_at.slice(11, 16));
  const range = { start: Date.parse('2026-12-02T00:00:00Z'), end: Date.parse('2026-12-03T00:00:00Z') };

  it('reads a calendar on one instance at a time; the other answers from what is stored meanwhile', async () => {
    const clock = { now: NOW };
    const { calendarA, calendarB, a, b } = twoInstances(clock);

    void a.refreshStale(0);
    await calendarA.read();
    // B finds the busy times stale too, on a read and in its background pass, and leaves them to A.
    expect(await b.busyTimes(other, memberId, range)).toEqual([]);
    await b.refreshStale(0);
    await b.idle();
    expect(calendarB.reads).toBe(0);

    calendarA.answer([hour(9)]);
    await a.idle();
    expect(await stored()).toEqual(['09:00']);
    expect(await b.busyTimes(other, memberId, range)).toEqual([hour(9)]);

    // Done, A holds nothing: once stale again, B refreshes, and A leaves it to B.
    clock.now = new Date(NOW.getTime() + TTL_MS + 1);
    void b.refreshStale(TTL_MS);
    await calendarB.read();
    await a.refreshStale(TTL_MS);
    await a.idle();
    calendarB.answer([hour(10)]);
    await b.idle();
    expect([calendarA.reads, calendarB.reads]).toEqual([1, 1]);
    expect(await stored()).toEqual(['10:00']);
  });

  it('takes over from an instance that died while reading once its lease runs out; the dead read stores nothing', async () => {
    const clockB = { now: NOW };
    const { calendarA, calendarB, a, b } = twoInstances({ now: NOW }, clockB);

    void a.refreshStale(0);
    await calendarA.read(); // and A hangs there
    clockB.now = new Date(NOW.getTime() + LEASE_MS - 1);
    await b.refreshStale(0);
    expect(calendarB.reads).toBe(0);

    clockB.now = new Date(NOW.getTime() + LEASE_MS);
    void b.refreshStale(0);
    await calendarB.read();
    calendarB.answer([hour(11)]);
    await b.idle();
    expect(await stored()).toEqual(['11:00']);

    // A was only slow: its answer comes too late to count.
    calendarA.answer([hour(9)]);
    await a.idle();
    expect(await stored()).toEqual(['11:00']);
  });

  it('a refresh asked for reads the calendar even while another instance is reading, and wins', async () => {
    const clock = { now: NOW };
    const { calendarA, calendarB, a, b } = twoInstances(clock);

    void a.refreshStale(0);
    await calendarA.read();
    const asked = b.refresh(connectionId);
    await calendarB.read();
    calendarB.answer([hour(12)]);
    await asked;
    // The read started before the request may have missed what the provider just added: it stores nothing.
    calendarA.answer([]);
    await a.idle();
    expect(await stored()).toEqual(['12:00']);
  });
});
