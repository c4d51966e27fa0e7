/**
 * Abuse limits of issue 11, with the app's clock moved by the test: nobody makes the product send more than
 * RECIPIENT_HOURLY_CAP emails an hour to an address they have not proven they own, while a customer who books,
 * moves and cancels a few times gets every email; sign-up, cancel and reschedule are rate-limited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANAGE_ACTIONS_PER_HOUR } from '../../server/bookings/bookings.routes.js';
import { RECIPIENT_HOURLY_CAP } from '../../server/email/recipient-cap.js';
import { bookingBody, confirmAddress, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call, signUp } from '../support/http.js';
import { captureLog, type LogCapture } from '../support/log-capture.js';
import { createTestContext, type TestContext } from '../support/test-app.js';

const VICTIM = 'stranger@example.org';
const SLOT = '2026-12-02T09:00:00.000Z';
const HOUR = 60 * 60 * 1000;
const tokenOf = (booking: { manageUrl: string }) => new URL(booking.manageUrl).searchParams.get('token')!;
/** The i-th free hour from Wednesday 2 December on (seven a day, 09:00–16:00 in Berlin). */
const slotAt = (i: number) => `2026-12-0${2 + Math.floor(i / 7)}T${String(8 + (i % 7)).padStart(2, '0')}:00:00.000Z`;

describe('abuse limits', () => {
  let ctx: TestContext;
  let provider: ProviderFixture;
  let log: LogCapture;

  beforeEach(async () => {
    ctx = await createTestContext({ config: { trustProxy: true } });
    provider = await createProvider(ctx);
    log = captureLog('warn');
  });
  afterEach(() => log.restore());

  /** As one client (by X-Forwarded-For, which the app trusts here). */
  const from = (client: string) => ({ 'X-Forwarded-For': client });
  const bookAs = (email: string, start = SLOT, client = '203.0.113.7') =>
    call(ctx, 'POST', '/api/bookings', {
      body: bookingBody(provider, start, { customer: { name: 'Spam greeting text', email } }),
      headers: from(client),
    });
  const cancel = (booking: { id: number; manageUrl: string }, client = '203.0.113.7') =>
    call(ctx, 'POST', `/api/bookings/${booking.id}/cancel`, {
      body: { token: tokenOf(booking) },
      headers: from(client),
    });
  const reschedule = (booking: { id: number; manageUrl: string }, start: string, client = '203.0.113.7') =>
    call(ctx, 'POST', `/api/bookings/${booking.id}/reschedule`, {
      body: { token: tokenOf(booking), start },
      headers: from(client),
    });
  const emailsTo = async (address: string) =>
    (
      await ctx.db.selectFrom('email_outbox').select('kind').where('to_address', '=', address).orderBy('id').execute()
    ).map((r) => r.kind);

  it('stops a book-and-cancel loop aimed at a stranger at the hourly cap, refusing bookings before writing them', async () => {
    let refused: Awaited<ReturnType<typeof bookAs>> | undefined;
    for (let i = 0; i < 2 * RECIPIENT_HOURLY_CAP && !refused; i++) {
      const booked = await bookAs(VICTIM);
      if (booked.status === 429) refused = booked;
      else {
        expect(booked.status).toBe(201);
        expect((await cancel(booked.body.booking)).status).toBe(200);
      }
    }
    expect(refused?.body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await emailsTo(VICTIM)).toHaveLength(RECIPIENT_HOURLY_CAP);
    // The refused booking left nothing behind: every appointment there is was cancelled in the loop.
    const live = await ctx.db.selectFrom('appointments').select('id').where('status', '=', 'confirmed').execute();
    expect(live).toEqual([]);

    // An hour later the address may get emails again.
    ctx.clock.now = new Date(ctx.clock.now.getTime() + HOUR);
    expect((await bookAs(VICTIM)).status).toBe(201);
  });

  it('still cancels over the cap, without the customer’s copy, and says so in the log', async () => {
    // Fill the hour to the cap with bookings that stay.
    const bookings: { id: number; manageUrl: string }[] = [];
    for (let i = 0; i < RECIPIENT_HOURLY_CAP; i++) {
      const booked = await bookAs(VICTIM, slotAt(i));
      expect(booked.status).toBe(201);
      bookings.push(booked.body.booking);
    }
    const cancelled = await cancel(bookings[0]!);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
    expect(await emailsTo(VICTIM)).toEqual(Array(RECIPIENT_HOURLY_CAP).fill('confirmation'));
    expect(log.lines().some((line) => String(line.msg).includes(`appointment #${bookings[0]!.id} cancelled`))).toBe(
      true,
    );
    expect(log.text()).not.toContain(VICTIM);
    // The provider still hears of it.
    expect(
      await ctx.db
        .selectFrom('email_outbox')
        .select('kind')
        .where('to_role', '=', 'provider')
        .where('kind', '=', 'cancelled')
        .execute(),
    ).toHaveLength(1);
  });

  it('lets a customer book, move and cancel a few times and get every email', async () => {
    const booked = await bookAs('chris@example.com');
    expect((await reschedule(booked.body.booking, '2026-12-02T11:00:00.000Z')).status).toBe(200);
    expect((await reschedule(booked.body.booking, '2026-12-03T10:00:00.000Z')).status).toBe(200);
    expect((await cancel(booked.body.booking)).status).toBe(200);
    const again = await bookAs('chris@example.com', '2026-12-04T10:00:00.000Z');
    expect((await reschedule(again.body.booking, '2026-12-04T12:00:00.000Z')).status).toBe(200);
    expect(await emailsTo('chris@example.com')).toEqual([
      'confirmation',
      'rescheduled',
      'rescheduled',
      'cancelled',
      'confirmation',
      'rescheduled',
    ]);
  });

  it('does not cap emails an account causes to the address it proved it owns', async () => {
    const dana = await signUp(ctx, 'customer', { email: 'dana@example.com' });
    await confirmAddress(ctx, dana.userId);
    for (let i = 0; i < RECIPIENT_HOURLY_CAP + 2; i++) {
      const res = await call(ctx, 'POST', '/api/bookings', {
        session: dana,
        body: bookingBody(provider, slotAt(i), { customer: { name: 'Dana', email: 'dana@example.com' } }),
      });
      expect(res.status, `booking ${i}`).toBe(201);
    }
    expect((await emailsTo('dana@example.com')).filter((k) => k === 'confirmation')).toHaveLength(
      RECIPIENT_HOURLY_CAP + 2,
    );
  });

  it('counts sign-up links toward the cap: repeated sign-ups of an unconfirmed address get 429', async () => {
    const signup = (client: string) =>
      call(ctx, 'POST', '/api/auth/signup', {
        body: { email: VICTIM, password: 'correct horse battery', name: 'Spam greeting text', role: 'customer' },
        headers: from(client),
      });
    expect((await signup('198.51.100.1')).status).toBe(201); // the first one: a verification email
    const statuses: number[] = [];
    for (let i = 0; i < RECIPIENT_HOURLY_CAP; i++) statuses.push((await signup(`198.51.100.${i + 2}`)).status);
    expect(statuses).toEqual([...Array(RECIPIENT_HOURLY_CAP - 1).fill(202), 429]);
    expect(await emailsTo(VICTIM)).toHaveLength(RECIPIENT_HOURLY_CAP);
  });

  it('limits sign-ups per client address', async () => {
    const signup = (i: number, client: string) =>
      call(ctx, 'POST', '/api/auth/signup', {
        body: { email: `new${i}@example.com`, password: 'correct horse battery', name: 'N', role: 'customer' },
        headers: from(client),
      });
    for (let i = 0; i < ctx.config.signupRateLimit; i++) expect((await signup(i, '192.0.2.1')).status).toBe(201);
    const limited = await signup(100, '192.0.2.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signup(101, '192.0.2.2')).status).toBe(201);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + HOUR);
    expect((await signup(102, '192.0.2.1')).status).toBe(201);
  });

  it('limits changes of one booking through its manage link, and cancels and moves per client address', async () => {
    // Booked by an account that proved its address, so the email cap (which moves count toward) stays out of the way.
    const dana = await signUp(ctx, 'customer', { email: 'dana@example.com' });
    await confirmAddress(ctx, dana.userId);
    const booked = (
      await call(ctx, 'POST', '/api/bookings', {
        session: dana,
        body: bookingBody(provider, SLOT, { customer: { name: 'Dana', email: 'dana@example.com' } }),
      })
    ).body.booking;
    const starts = ['2026-12-02T11:00:00.000Z', '2026-12-02T13:00:00.000Z'];
    for (let i = 0; i < MANAGE_ACTIONS_PER_HOUR; i++)
      expect((await reschedule(booked, starts[i % 2]!, `198.51.100.${i}`)).status).toBe(200);
    const limited = await reschedule(booked, starts[0]!, '198.51.100.99');
    expect(limited.status).toBe(429);
    expect((await cancel(booked, '198.51.100.98')).status).toBe(429);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + HOUR);
    expect((await cancel(booked, '198.51.100.98')).status).toBe(200);

    // Per client: the booking limit covers cancels and moves too.
    const strict = await createTestContext({ config: { trustProxy: true, bookingRateLimit: 3 } });
    const p = await createProvider(strict);
    const made: { id: number; manageUrl: string }[] = [];
    for (const [i, start] of [
      '2026-12-02T09:00:00.000Z',
      '2026-12-02T11:00:00.000Z',
      '2026-12-02T13:00:00.000Z',
      '2026-12-02T15:00:00.000Z',
    ].entries()) {
      made.push(
        (await call(strict, 'POST', '/api/bookings', { body: bookingBody(p, start), headers: from(`10.0.0.${i}`) }))
          .body.booking,
      );
    }
    const statuses = [];
    for (const b of made)
      statuses.push(
        (
          await call(strict, 'POST', `/api/bookings/${b.id}/cancel`, {
            body: { token: tokenOf(b) },
            headers: from('10.9.9.9'),
          })
        ).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429]);
    strict.clock.now = new Date(strict.clock.now.getTime() + 60_000);
    expect(
      (
        await call(strict, 'POST', `/api/bookings/${made[3]!.id}/cancel`, {
          body: { token: tokenOf(made[3]!) },
          headers: from('10.9.9.9'),
        })
      ).status,
    ).toBe(200);
  });
});
