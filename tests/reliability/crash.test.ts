import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect.js';
import { FakeGoogle } from '../calendar/fake-google.js';
import { type ChildServer, startChildServer } from '../support/child-server.js';
import { openAllHours } from '../support/open-all-hours.js';
import { startSmtp, type TestSmtp, until } from '../support/smtp.js';
import { openTestDatabase } from '../support/test-databases.js';

const QUARTER = 15 * 60_000;
const LOOPS = 8;
const CYCLES = 3;
/** Bookings acknowledged per cycle before the kill: enough to be mid-load, few enough for the outboxes to drain soon. */
const PER_CYCLE = 25;
/**
 * How long a cycle may take to get its bookings acknowledged. Not a speed budget: on a 2-core machine shared with
 * other suites a booking can take seconds, and only a server that stopped answering should fail here.
 */
const PROGRESS_TIMEOUT_MS = 360_000;

interface Attempt {
  n: number;
  key: string;
  body: string;
  /** The answer, or 'lost' when the server died before answering. */
  status: number | 'lost';
  booking?: { id: number; start: string; manageUrl: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real server (`server/main.ts` as a child process) on a SQLite file, with its email worker sending to a local
 * SMTP server and calendar sync writing to the fake Google Calendar, killed with SIGKILL in the middle of booking
 * load, three times over, and restarted on the same file.
 */
describe('crash safety: kill -9 under booking load', () => {
  let dir: string;
  let smtp: TestSmtp;
  let google: FakeGoogle;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reliability-crash-'));
    smtp = await startSmtp();
    google = await FakeGoogle.start();
    env = {
      DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
      SEED_DEMO: 'false',
      SECRET_KEY: 'crash-test-secret-key-crash-test-secret-key',
      BOOKING_RATE_LIMIT: '1000000',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Book your services <bookings@booking.test>',
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_CLIENT_SECRET: google.clientSecret,
      GOOGLE_REFRESH_TOKEN: google.addAccount('app-account@booking.test').refreshToken,
      GOOGLE_API_ROOT_URL: google.url,
      GOOGLE_OAUTH_TOKEN_URL: google.tokenUrl,
      CALENDAR_TIMEOUT_MS: '2000',
    };
  });
  afterAll(async () => {
    await smtp?.close();
    await google?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a killed process leaves: leases that only run out minutes later. Time passing is simulated. */
  async function letLeasesRunOut(): Promise<void> {
    const db = openTestDatabase(env.DATABASE_URL!);
    const past = new Date(Date.now() - 1_000).toISOString();
    await db.updateTable('email_outbox').set({ lease_until: past }).where('status', '=', 'sending').execute();
    await db.updateTable('sync_jobs').set({ lease_until: past }).where('status', '=', 'running').execute();
    await db.destroy();
  }

  it('keeps every booking that got its 201, writes nothing by halves, and delivers the outboxes after restarts', {
    timeout: 1_200_000,
  }, async () => {
    let server: ChildServer = await startChildServer(env);

    // A provider open around the clock in UTC, 15-minute bookings, sharing a Google calendar made by the app.
    const { admin, serviceId } = await openAllHours(server.url, server.url, {
      slug: 'crash-studio',
      name: 'Crash Studio',
      slotStepMinutes: 15,
      service: { name: 'Quick', durationMinutes: 15 },
    });
    const calendarId = (
      await admin('PUT', '/api/admin/calendar/google-shared', { shareWith: 'owner@gmail.com', role: 'writer' })
    ).connection.calendarId as string;

    const base = Date.parse(`${new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)}T00:00:00.000Z`);
    const attempts: Attempt[] = [];
    let next = 0;
    const bodyOf = (n: number) =>
      JSON.stringify({
        provider: 'crash-studio',
        service: serviceId,
        start: new Date(base + n * QUARTER).toISOString(),
        customer: { name: `Crash ${n}`, email: `crash-${n}@example.com` },
      });
    const book = async (n: number, key: string, body: string): Promise<Attempt> => {
      try {
        const res = await fetch(`${server.url}/api/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body,
        });
        const answer = (await res.json()) as { booking?: Attempt['booking'] };
        return { n, key, body, status: res.status, ...(answer.booking && { booking: answer.booking }) };
      } catch {
        return { n, key, body, status: 'lost' };
      }
    };

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let killed = false;
      let loopsEnded = 0;
      const loops = Array.from({ length: LOOPS }, async () => {
        while (!killed) {
          const n = next++;
          const attempt = await book(n, `crash-${n}`, bodyOf(n));
          attempts.push(attempt);
          if (attempt.status === 'lost') break;
        }
        loopsEnded++;
      });
      // The kill comes once this cycle's bookings are acknowledged (however slow the machine), the loops still booking.
      // A loop that lost an answer before the kill stops; if all did, waiting longer would only hide why.
      const acknowledged = () => attempts.filter((a) => a.status === 201).length;
      const target = acknowledged() + PER_CYCLE + cycle * 7;
      await until(() => acknowledged() >= target || loopsEnded === LOOPS, PROGRESS_TIMEOUT_MS);
      expect(
        loopsEnded,
        `answers lost before the kill: ${JSON.stringify(attempts.filter((a) => a.status === 'lost'))}`,
      ).toBe(0);
      killed = true;
      expect(await server.stop('SIGKILL')).toBeNull(); // killed by a signal: no exit code, no clean shutdown
      await Promise.all(loops);
      await letLeasesRunOut();
      server = await startChildServer(env);

      // Every 201 so far is there, readable with its manage link.
      for (const a of attempts.filter((a) => a.status === 201)) {
        const token = new URL(a.booking!.manageUrl).searchParams.get('token');
        const res = await fetch(`${server.url}/api/bookings/${a.booking!.id}?token=${token}`);
        expect(res.status, `booking ${a.booking!.id} after kill ${cycle + 1}`).toBe(200);
        expect(((await res.json()) as { booking: { start: string } }).booking.start).toBe(a.booking!.start);
      }
      // A client that lost its answer retries with the same Idempotency-Key: it gets the booking, made once.
      for (const lost of attempts.filter((a) => a.status === 'lost')) {
        const retry = await book(lost.n, lost.key, lost.body);
        expect(retry.status, `retry of ${lost.key}: ${JSON.stringify(retry)}`).toBe(201);
        Object.assign(lost, { status: retry.status, booking: retry.booking, retried: true });
      }
    }

    const lostAtKills = attempts.filter((a) => (a as { retried?: boolean }).retried).length;
    const confirmed = attempts.filter((a) => a.status === 201);
    expect(
      attempts.every((a) => a.status === 201),
      JSON.stringify(attempts.filter((a) => a.status !== 201)),
    ).toBe(true);
    expect(confirmed.length).toBeGreaterThanOrEqual(CYCLES * PER_CYCLE);

    // The outboxes drain after the restarts: every email sent, every calendar job done.
    const db: Db = openTestDatabase(env.DATABASE_URL!);
    try {
      const deadline = Date.now() + PROGRESS_TIMEOUT_MS;
      for (;;) {
        const open = await db.selectFrom('email_outbox').select('id').where('status', '!=', 'sent').execute();
        const jobs = await db.selectFrom('sync_jobs').select('id').where('status', '!=', 'done').execute();
        if (open.length === 0 && jobs.length === 0) break;
        if (Date.now() > deadline) {
          const left = await db
            .selectFrom('email_outbox')
            .select(['status', 'attempts', 'next_attempt_at', 'last_error'])
            .where('status', '!=', 'sent')
            .limit(5)
            .execute();
          throw new Error(
            `outboxes did not drain: ${open.length} emails, ${jobs.length} calendar jobs left, e.g. ${JSON.stringify(left)}\n${server.output().slice(-3000)}`,
          );
        }
        await sleep(500);
      }
      await server.stop();

      expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows).toEqual([
        { integrity_check: 'ok' },
      ]);
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);

      // Exactly the acknowledged bookings, each complete: its emails, its sealed manage token, its calendar job.
      const appointments = await db
        .selectFrom('appointments')
        .select(['id', 'start_at', 'customer_email', 'status'])
        .execute();
      expect(appointments.map((a) => a.id).sort((a, b) => a - b)).toEqual(
        confirmed.map((a) => a.booking!.id).sort((a, b) => a - b),
      );
      const byId = new Map(appointments.map((a) => [a.id, a]));
      for (const a of confirmed) {
        const row = byId.get(a.booking!.id)!;
        expect(row).toMatchObject({
          status: 'confirmed',
          start_at: a.booking!.start,
          customer_email: `crash-${a.n}@example.com`,
        });
      }
      const emails = await db
        .selectFrom('email_outbox')
        .select(['appointment_id', 'to_role', 'message_id', 'attempts'])
        .where('appointment_id', 'is not', null)
        .execute();
      const tokens = await db.selectFrom('email_link_tokens').select('appointment_id').execute();
      const jobs = await db.selectFrom('sync_jobs').select('appointment_id').execute();
      for (const { id } of appointments) {
        expect(
          emails
            .filter((e) => e.appointment_id === id)
            .map((e) => e.to_role)
            .sort(),
          `emails of ${id}`,
        ).toEqual(['customer', 'provider']);
        expect(
          tokens.filter((t) => t.appointment_id === id),
          `link token of ${id}`,
        ).toHaveLength(1);
        expect(jobs.filter((j) => j.appointment_id === id).length, `calendar job of ${id}`).toBeGreaterThanOrEqual(1);
      }

      // Delivered: every outbox email reached the SMTP server. A send cut off by the kill before it was recorded
      // goes again after its lease with the same Message-ID (receivers drop the copy); nothing else twice.
      const everyEmail = await db.selectFrom('email_outbox').select(['message_id', 'attempts']).execute();
      const received = smtp.received.map((m) => (m.messageId ?? '').replace(/^<|>$/g, ''));
      const ids = new Set(everyEmail.map((e) => e.message_id.replace(/^<|>$/g, '')));
      expect(new Set(received)).toEqual(ids);
      const copies = received.length - ids.size;
      const retried = everyEmail.filter((e) => e.attempts > 1).length;
      expect(copies).toBeLessThanOrEqual(retried);

      // One calendar event per booking, whatever was cut off: the event id is derived from the appointment.
      const events = google.liveEvents(calendarId);
      expect(events).toHaveLength(appointments.length);
      expect(new Set(events.map((e) => e.id)).size).toBe(appointments.length);

      console.log(
        `Crash safety: ${CYCLES} × kill -9 during load; ${confirmed.length} bookings acknowledged (${lostAtKills} of them retried after losing the answer at a kill), ` +
          `all present; ${everyEmail.length} emails delivered (${copies} resent copies with the same Message-ID), ${events.length} calendar events.`,
      );
    } finally {
      await db.destroy();
    }
  });
});
