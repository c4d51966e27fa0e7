import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { connectDatabase, type Db, migrateToLatest } from '../db/connect.js';
import { findProviderBySlug, searchProviders } from '../providers/providers.repository.js';
import { weeklyHoursOfMembers } from '../schedule/schedule.repository.js';
import { listMembers, performersOf, servicesOfMembers } from '../team/team.repository.js';
import { DEMO_PASSWORD, demoLogins, demoProviders } from './demo-data.js';
import { seedDemoData } from './seed-demo.js';

const MINUTE = 60_000;
/** A Tuesday morning in Berlin. */
const NOW = new Date('2026-12-01T08:00:00.000Z');

const count = async (db: Db, table: 'appointments' | 'reviews') =>
  (
    await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

/** A demo business's service by name, with the business's id. */
const demoService = (db: Db, slug: string, name: string) =>
  db
    .selectFrom('services')
    .innerJoin('providers', 'providers.id', 'services.provider_id')
    .select(['services.id', 'services.seats', 'services.duration_minutes', 'providers.id as providerId'])
    .where('providers.slug', '=', slug)
    .where('services.name', '=', name)
    .executeTakeFirstOrThrow();

/** The real app on the seeded database at NOW; every demo login may sign in within one test. */
function demoApp(db: Db) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    APP_URL: 'http://booking.test',
    SEED_DEMO: 'false',
    LOGIN_RATE_LIMIT: '100',
  });
  return { app: createApp({ db, config, now: () => NOW }), config };
}

describe('seedDemoData', () => {
  let db: Db;
  beforeEach(async () => {
    db = connectDatabase('sqlite::memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('keeps each booking busy for its time widened by both of its service’s buffers, as a real booking does', async () => {
    expect(await seedDemoData(db, NOW)).toBe(true);
    const rows = await db
      .selectFrom('appointments')
      .innerJoin('services', 'services.id', 'appointments.service_id')
      .selectAll('appointments')
      .select(['buffer_before_minutes', 'buffer_after_minutes'])
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    // Both buffers are exercised, so a seed that drops either one fails here.
    expect(rows.some((row) => row.buffer_before_minutes > 0)).toBe(true);
    expect(rows.some((row) => row.buffer_after_minutes > 0)).toBe(true);
    for (const row of rows) {
      expect(Date.parse(row.start_at) - Date.parse(row.blocked_start_at)).toBe(row.buffer_before_minutes * MINUTE);
      expect(Date.parse(row.blocked_end_at) - Date.parse(row.end_at)).toBe(row.buffer_after_minutes * MINUTE);
    }
  });

  it('does nothing once a provider exists', async () => {
    await seedDemoData(db, NOW);
    const before = await count(db, 'appointments');
    expect(await seedDemoData(db, NOW)).toBe(false);
    expect(await count(db, 'appointments')).toBe(before);
  });

  it('lists every demo business in the directory: their owners’ addresses are confirmed', async () => {
    await seedDemoData(db, NOW);
    const all = await db.selectFrom('providers').select('slug').orderBy('slug').execute();
    const listed = await searchProviders(db, { limit: 100, offset: 0 });
    expect(all.length).toBeGreaterThan(0);
    expect(listed.map((p) => p.slug).sort()).toEqual(all.map((p) => p.slug));
  });

  it('every demo login signs in, and each member reaches their own business in their role', async () => {
    await seedDemoData(db, NOW);
    const { app, config } = demoApp(db);
    const headers = { Origin: config.appUrl, 'Content-Type': 'application/json' };
    expect(demoLogins.filter((l) => l.role === 'admin' || l.role === 'staff').length).toBeGreaterThanOrEqual(4);
    for (const login of demoLogins) {
      const res = await app.request(`${config.appUrl}/api/auth/login`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: login.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, login.email).toBe(200);
      if (login.role === 'customer') continue;
      const cookie = /(?:^|,\s*)(session=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
      const profile = await app.request(`${config.appUrl}/api/admin/profile`, {
        headers: { ...headers, Cookie: cookie },
      });
      expect(profile.status, login.email).toBe(200);
      const { profile: body } = (await profile.json()) as { profile: { name: string; me: { role: string } } };
      expect([body.name, body.me.role], login.email).toEqual([login.business, login.role]);
      if (login.email !== 'anna@demo.test') continue;
      // The owner's Team page: her two joined stylists, and Jana's invitation still open.
      const team = await app.request(`${config.appUrl}/api/admin/team`, { headers: { ...headers, Cookie: cookie } });
      const { members, invitations } = (await team.json()) as {
        members: { slug: string; role: string; joined: boolean }[];
        invitations: { email: string; role: string }[];
      };
      expect(members.map((m) => [m.slug, m.role, m.joined])).toEqual([
        ['anna', 'owner', true],
        ['lena', 'admin', true],
        ['tom', 'staff', true],
      ]);
      expect(invitations.map((i) => [i.email, i.role])).toEqual([['jana@demo.test', 'staff']]);
    }
  });

  it('gives each team business its members, each with their own hours and services and a bio', async () => {
    await seedDemoData(db, NOW);
    const teams = demoProviders.filter((demo) => demo.team.length > 0).map((demo) => demo.slug);
    expect(teams.sort()).toEqual(['brooklyn-physio', 'harbour-yoga', 'studio-anna']);
    for (const demo of demoProviders) {
      const provider = (await findProviderBySlug(db, demo.slug))!;
      const members = await listMembers(db, provider.id);
      expect(members.map((m) => [m.slug, m.role])).toEqual([
        [demo.owner.slug, 'owner'],
        ...demo.team.map((m) => [m.slug, m.role]),
      ]);
      expect(members.every((m) => m.bio.length > 0 && m.user_id !== null && m.photo_hash === null)).toBe(true);
      const ids = members.map((m) => m.id);
      const services = await servicesOfMembers(db, ids);
      const hours = await weeklyHoursOfMembers(db, ids);
      expect(new Set(members.map((m) => JSON.stringify(hours.get(m.id)))).size).toBe(members.length);
      expect(new Set(members.map((m) => JSON.stringify(services.get(m.id)))).size).toBe(members.length);
      expect(members.every((m) => services.get(m.id)!.length > 0)).toBe(true);
    }
    // Only one of Studio Anna's three does colour, and all three cut.
    const colour = await demoService(db, 'studio-anna', 'Colour');
    expect((await performersOf(db, colour.providerId, colour.id)).map((m) => m.slug)).toEqual(['anna']);
    const haircut = await demoService(db, 'studio-anna', 'Haircut');
    expect(await performersOf(db, haircut.providerId, haircut.id)).toHaveLength(3);
  });

  it('seeds Harbour Yoga’s 12-place class, taught by one member, with places taken in its coming class times', async () => {
    await seedDemoData(db, NOW);
    const service = await demoService(db, 'harbour-yoga', 'Harbour flow');
    expect([service.seats, service.duration_minutes]).toEqual([12, 60]);
    const teachers = await performersOf(db, service.providerId, service.id);
    expect(teachers.map((m) => m.slug)).toEqual(['noah']);
    const attendees = await db
      .selectFrom('appointments')
      .select(['start_at', 'seat', 'member_id', 'status'])
      .where('service_id', '=', service.id)
      .orderBy('start_at')
      .orderBy('seat')
      .execute();
    expect(attendees.every((a) => a.member_id === teachers[0]!.id && a.status === 'confirmed')).toBe(true);
    expect(attendees.every((a) => Date.parse(a.start_at) > NOW.getTime())).toBe(true);
    const seatsByTime = new Map<string, number[]>();
    for (const a of attendees) seatsByTime.set(a.start_at, [...(seatsByTime.get(a.start_at) ?? []), a.seat]);
    // Places taken in time order, one class full; each attendee holds their own seat.
    expect([...seatsByTime.values()].map((seats) => seats.length)).toEqual([9, 12, 4, 7]);
    for (const seats of seatsByTime.values()) expect(seats).toEqual(seats.map((_, i) => i));
  });

  // The demo is seeded on whatever day it first starts: a week of days, over the spring clock changes of Berlin,
  // New York's summer time and Sydney's autumn.
  const days = Array.from({ length: 7 }, (_, i) =>
    new Date(Date.parse('2027-03-24T12:00:00.000Z') + i * 86_400_000).toISOString(),
  );
  it.each(days)('seeded at %s, puts every booking in its member’s hours, none overlapping', async (day) => {
    const now = new Date(day);
    await seedDemoData(db, now);
    const rows = await db
      .selectFrom('appointments')
      .innerJoin('services', 'services.id', 'appointments.service_id')
      .innerJoin('providers', 'providers.id', 'appointments.provider_id')
      .selectAll('appointments')
      .select(['services.seats', 'providers.time_zone'])
      .execute();
    const hours = await db.selectFrom('weekly_hours').selectAll().execute();
    for (const row of rows) {
      const start = DateTime.fromISO(row.start_at, { zone: row.time_zone });
      const end = DateTime.fromISO(row.end_at, { zone: row.time_zone });
      const within = hours.some(
        (h) =>
          h.member_id === row.member_id &&
          h.weekday === start.weekday &&
          h.start_time <= start.toFormat('HH:mm') &&
          end.toFormat('HH:mm') <= h.end_time &&
          start.hasSame(end, 'day'),
      );
      expect(within, `${row.start_at} of member ${row.member_id}`).toBe(true);
      if (row.status === 'completed') expect(Date.parse(row.end_at)).toBeLessThan(now.getTime());
      else expect(Date.parse(row.start_at) - now.getTime()).toBeGreaterThanOrEqual(120 * MINUTE); // the notice
    }
    for (const a of rows)
      for (const b of rows) {
        if (a === b || a.member_id !== b.member_id) continue;
        const overlap = a.start_at < b.end_at && b.start_at < a.end_at;
        // Only a class's attendees share a time, and then exactly.
        if (overlap) expect(a.seats > 1 && a.start_at === b.start_at, `${a.start_at} and ${b.start_at}`).toBe(true);
      }
    // Every member who serves one to one has coming bookings; each business a reviewed past visit.
    const busy = new Set(rows.filter((r) => r.status === 'confirmed').map((r) => r.member_id));
    const members = await db.selectFrom('team_members').select('id').execute();
    expect(members.every((m) => busy.has(m.id))).toBe(true);
    expect(await count(db, 'reviews')).toBe(demoProviders.length);
  });
});

describe('the seeded demo’s public slots', () => {
  let db: Db;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    db = connectDatabase('sqlite::memory:');
    await migrateToLatest(db);
    await seedDemoData(db, NOW);
    ({ app } = demoApp(db));
  });
  afterEach(() => db.destroy());

  /** One day's slots of a demo service, for a member or "any", as local start times (and places left, if given). */
  const slots = async (slug: string, service: string, date: string, staff?: string) => {
    const { id } = await demoService(db, slug, service);
    const zone = demoProviders.find((p) => p.slug === slug)!.timeZone;
    const query = `service=${id}&from=${date}&to=${date}&tz=${zone}${staff ? `&staff=${staff}` : ''}`;
    const res = await app.request(`http://booking.test/api/providers/${slug}/slots?${query}`);
    const body = (await res.json()) as { slots?: { start: string; placesLeft?: number }[] };
    const local = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
    return {
      status: res.status,
      starts: (body.slots ?? []).map((slot) => local(slot.start)),
      places: (body.slots ?? []).map((slot) => `${local(slot.start)} ${slot.placesLeft}`),
    };
  };

  it('offers for "any" the union of the stylists’ haircut times, and for each stylist their own', async () => {
    const haircut = async (date: string) => ({
      any: await slots('studio-anna', 'Haircut', date, 'any'),
      anna: await slots('studio-anna', 'Haircut', date, 'anna'),
      lena: await slots('studio-anna', 'Haircut', date, 'lena'),
      tom: await slots('studio-anna', 'Haircut', date, 'tom'),
    });
    // A free Wednesday: Anna works from 9, Lena from 11, Tom from 8. Monday: Lena does not work, Tom's 8:00 is
    // taken. Thursday: Anna's 9:00 is taken, Tom is free then.
    const wednesday = await haircut('2026-12-09');
    const monday = await haircut('2026-12-07');
    const thursday = await haircut('2026-12-03');
    for (const day of [wednesday, monday, thursday]) {
      expect(Object.values(day).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      expect(day.any.starts).toEqual([...new Set([...day.anna.starts, ...day.lena.starts, ...day.tom.starts])].sort());
    }
    expect([wednesday.anna, wednesday.lena, wednesday.tom].map((answer) => answer.starts[0])).toEqual([
      '09:00',
      '11:00',
      '08:00',
    ]);
    expect([monday.lena.starts, monday.tom.starts.includes('08:00')]).toEqual([[], false]);
    expect([thursday.any.starts.includes('09:00'), thursday.anna.starts.includes('09:00')]).toEqual([true, false]);
    // "any" is the default.
    expect((await slots('studio-anna', 'Haircut', '2026-12-09')).starts).toEqual(wednesday.any.starts);
  });

  it('shows each business’s team on its public profile, with bios and initials, and the class’s seats', async () => {
    const profile = async (slug: string) =>
      (await (await app.request(`http://booking.test/api/providers/${slug}`)).json()) as {
        team: { slug: string; name: string; initials: string; bio: string; photoUrl: string | null }[];
        services: { name: string; seats: number }[];
      };
    const anna = await profile('studio-anna');
    expect(anna.team.map((m) => [m.slug, m.initials, m.photoUrl])).toEqual([
      ['anna', 'AK', null],
      ['lena', 'LF', null],
      ['tom', 'TB', null],
    ]);
    expect(anna.team.every((m) => m.bio.length > 0)).toBe(true);
    const yoga = await profile('harbour-yoga');
    expect(yoga.services.map((s) => [s.name, s.seats])).toContainEqual(['Harbour flow', 12]);
    expect((await profile('clinica-costa')).team.map((m) => m.slug)).toEqual(['rui']);
  });

  it('lets Brooklyn Physio’s follow-up sessions be booked as a series, and only those', async () => {
    const res = await app.request('http://booking.test/api/providers/brooklyn-physio');
    const { services } = (await res.json()) as { services: { name: string; repeat: unknown }[] };
    expect(services.map((s) => [s.name, s.repeat])).toEqual([
      ['Initial assessment', null],
      ['Follow-up session', { maxCount: 12, everyWeeks: [1, 2] }],
      ['Sports massage', null],
    ]);
  });

  it('refuses a member who does not perform the service, and one the business does not have', async () => {
    expect((await slots('studio-anna', 'Colour', '2026-12-07', 'tom')).status).toBe(422);
    expect((await slots('studio-anna', 'Colour', '2026-12-07', 'noah')).status).toBe(404);
    expect((await slots('studio-anna', 'Colour', '2026-12-07', 'anna')).starts.length).toBeGreaterThan(0);
  });

  it('shows the places left in Harbour flow’s class times, a full one not at all', async () => {
    // Seeded on Tuesday evening in Sydney: 9 and 12 places taken on Wednesday, 4 and 7 on Thursday.
    expect((await slots('harbour-yoga', 'Harbour flow', '2026-12-02')).places).toEqual(['07:00 3']);
    expect((await slots('harbour-yoga', 'Harbour flow', '2026-12-03', 'noah')).places).toEqual(['07:00 8', '18:00 5']);
    expect((await slots('harbour-yoga', 'Harbour flow', '2026-12-04')).places).toEqual(['07:00 12', '18:00 12']);
    // A one-to-one service has no places.
    expect((await slots('harbour-yoga', 'Private class', '2026-12-05')).places[0]).toBe('06:00 undefined');
  });
});
