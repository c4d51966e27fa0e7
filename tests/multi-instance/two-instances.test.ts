import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.js';
import { type ChildServer, startChildServer } from '../support/child-server.js';
import { openAllHours } from '../support/open-all-hours.js';
import { templateCopy } from '../support/postgres-databases.js';
import { startSmtp, type TestSmtp, until } from '../support/smtp.js';
import { openTestDatabase } from '../support/test-databases.js';

/** The public address both instances answer for, as behind one load balancer. */
const APP_URL = 'http://booking.test';
const HOUR = 3_600_000;
const QUARTER = 15 * 60_000;
/** Bounds a hang, never a slow machine: on two busy cores a booking can take seconds. */
const PATIENCE_MS = 300_000;

interface Answer {
  status: number | 'lost';
  booking?: { id: number; start: string; manageUrl: string };
}

/** The midnight (UTC) two days from now: every slot of these tests lies after it, well inside the horizon. */
const dayAfterTomorrow = () => Date.parse(`${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}T00:00Z`);

/**
 * Two real servers (`server/main.ts`, each its own process with its own workers and caches) on different ports,
 * against one PostgreSQL database: what "stateless instances behind a load balancer" must survive.
 */
describe.skipIf(!process.env.TEST_POSTGRES_URL)('two instances on one PostgreSQL database', () => {
  let smtp: TestSmtp;
  let a: ChildServer;
  let b: ChildServer;
  let db: Db;

  beforeAll(async () => {
    smtp = await startSmtp();
    const url = await templateCopy(process.env.TEST_POSTGRES_URL!, `multi_${process.pid}_${Date.now()}`);
    const env = {
      DATABASE_URL: url,
      APP_URL,
      SEED_DEMO: 'false',
      SECRET_KEY: 'multi-instance-secret-key-multi-instance-secret',
      BOOKING_RATE_LIMIT: '1000000',
      SLOTS_RATE_LIMIT: '1000000',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Book your services <bookings@booking.test>',
    };
    [a, b] = await Promise.all([startChildServer(env), startChildServer(env)]);
    db = openTestDatabase(url);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.process.exitCode === null && b.process.signalCode === null ? b.stop() : null]);
    await smtp?.close();
  });

  const book = async (server: ChildServer, body: Record<string, unknown>): Promise<Answer> => {
    try {
      const res = await fetch(`${server.url}/api/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { booking?: Answer['booking'] };
      return { status: res.status, ...(answer.booking && { booking: answer.booking }) };
    } catch {
      return { status: 'lost' };
    }
  };
  const bookingOf = (slug: string, serviceId: number, start: number, n: number) => ({
    provider: slug,
    service: serviceId,
    start: new Date(start).toISOString(),
    customer: { name: `Customer ${n}`, email: `${slug}-${n}@example.com` },
  });
  const business = (server: ChildServer, slug: string, step: number) =>
    openAllHours(server.url, APP_URL, {
      slug,
      name: slug,
      slotStepMinutes: step,
      service: { name: 'Visit', durationMinutes: step },
    });
  const liveAppointments = (slug: string) =>
    db
      .selectFrom('appointments')
      .innerJoin('providers', 'providers.id', 'appointments.provider_id')
      .select(['appointments.id', 'appointments.start_at'])
      .where('providers.slug', '=', slug)
      .where('appointments.status', '=', 'confirmed')
      .execute();

  it('gives exactly 10 of 100 concurrent bookings for 10 slots, split across the instances', async () => {
    const { serviceId } = await business(a, 'race', 60);
    const base = dayAfterTomorrow();
    // Ten bookings for each slot, five through each instance, all at once.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        book(Math.floor(n / 10) % 2 ? a : b, bookingOf('race', serviceId, base + (n % 10) * HOUR, n)),
      ),
    );
    const won = answers.filter((x) => x.status === 201);
    expect(won).toHaveLength(10);
    expect(answers.filter((x) => x.status === 409)).toHaveLength(90);
    expect(new Set(won.map((x) => x.booking!.start)).size).toBe(10);
    const rows = await liveAppointments('race');
    expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(won.map((x) => x.booking!.id).sort((x, y) => x - y));
  });

  it("shows a booking, a cancellation and new hours made on one instance in the other's slots at once", async () => {
    const { admin, serviceId } = await business(a, 'seen', 60);
    const base = dayAfterTomorrow();
    const day = new Date(base).toISOString().slice(0, 10);
    const slots = async (server: ChildServer) => {
      const res = await fetch(`${server.url}/api/providers/seen/slots?service=${serviceId}&from=${day}&to=${day}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
    };
    const first = new Date(base).toISOString();
    // Each instance asks twice: the second answer is its cached one.
    for (const server of [a, b, a, b]) expect(await slots(server)).toContain(first);

    const booked = await book(a, bookingOf('seen', serviceId, base, 0));
    expect(booked.status).toBe(201);
    expect(await slots(b)).not.toContain(first);
    expect(await slots(a)).not.toContain(first);

    const token = new URL(booked.booking!.manageUrl).searchParams.get('token');
    const cancelled = await fetch(`${b.url}/api/bookings/${booked.booking!.id}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(cancelled.status).toBe(200);
    expect(await slots(a)).toContain(first);

    await admin('PUT', '/api/admin/schedule/weekly', { intervals: [] });
    expect(await slots(b)).toEqual([]);
  });

  it('delivers each of 200 outbox emails exactly once with the workers of both instances running', async () => {
    const { serviceId } = await business(b, 'mail', 15);
    const base = dayAfterTomorrow();
    // 100 bookings, half through each instance: each queues two emails, one to the customer, one to the business.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) => book(n % 2 ? a : b, bookingOf('mail', serviceId, base + n * QUARTER, n))),
    );
    expect(answers.map((x) => x.status)).toEqual(Array(100).fill(201));
    const ids = answers.map((x) => x.booking!.id);
    const emails = await db
      .selectFrom('email_outbox')
      .select('message_id')
      .where('appointment_id', 'in', ids)
      .execute();
    expect(emails).toHaveLength(200);

    // Every email of the database, these and the earlier tests', sent; then each reached the SMTP server once.
    const unsent = () =>
      db
        .selectFrom('email_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '!=', 'sent')
        .executeTakeFirstOrThrow();
    await until(async () => (await unsent()).n === 0, PATIENCE_MS, 100);
    const everyEmail = await db.selectFrom('email_outbox').select('message_id').execute();
    const bare = (id: string) => id.replace(/^<|>$/g, '');
    const received = smtp.received.map((m) => bare(m.messageId ?? ''));
    expect(received.sort()).toEqual(everyEmail.map((e) => bare(e.message_id)).sort());
    for (const { message_id } of emails) expect(received.filter((r) => r === bare(message_id))).toHaveLength(1);
  });

  it('loses no acknowledged booking when one instance is killed mid-load', async () => {
    const { serviceId } = await business(a, 'kill', 15);
    const base = dayAfterTomorrow();
    const answers: (Answer & { server: ChildServer; start: string })[] = [];
    let next = 0;
    let stop = false;
    // Eight clients, each booking the next free quarter through its instance until told to stop.
    const clients = Array.from({ length: 8 }, async (_, client) => {
      const server = client % 2 ? a : b;
      while (!stop) {
        const body = bookingOf('kill', serviceId, base + next++ * QUARTER, next);
        const answer = await book(server, body);
        answers.push({ ...answer, server, start: body.start });
        if (answer.status === 'lost') return;
      }
    });
    const acknowledged = (server: ChildServer) => answers.filter((x) => x.server === server && x.status === 201).length;
    await until(() => acknowledged(b) >= 10, PATIENCE_MS);
    expect(await b.stop('SIGKILL')).toBeNull(); // killed by a signal: no clean shutdown
    // The survivor keeps booking after the kill.
    const beforeKill = acknowledged(a);
    await until(() => acknowledged(a) >= beforeKill + 10, PATIENCE_MS);
    stop = true;
    await Promise.all(clients);

    expect(answers.filter((x) => x.status !== 201 && x.status !== 'lost')).toEqual([]);
    const rows = await liveAppointments('kill');
    const stored = new Map(rows.map((r) => [r.id, r.start_at]));
    for (const x of answers.filter((x) => x.status === 201)) expect(stored.get(x.booking!.id)).toBe(x.start);
    // Nothing else is stored but what a killed request may have committed before its answer was lost.
    const lost = new Set(answers.filter((x) => x.status === 'lost').map((x) => x.start));
    const acknowledgedIds = new Set(answers.map((x) => x.booking?.id));
    expect(rows.filter((r) => !acknowledgedIds.has(r.id) && !lost.has(r.start_at))).toEqual([]);
  });
});
