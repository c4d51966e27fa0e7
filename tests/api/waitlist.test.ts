import { beforeEach, describe, expect, it } from 'vitest';
import { appointmentRow, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { addMember, ownerOf } from '../support/team.js';
import type { TestContext } from '../support/test-app.js';
import {
  booked,
  offerFor,
  offerLinkIn,
  offersTo,
  startsOn,
  waitForEarlier,
  waitlistContext,
} from '../support/waitlist.js';

// The test clock is Tuesday 1 December 2026, 09:00 in Berlin; the business opens Monday to Friday 09:00–17:00.
const WED_10 = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 Berlin
const THU_10 = '2026-12-03T09:00:00.000Z';
const FRI_10 = '2026-12-04T09:00:00.000Z';
const MON_10 = '2026-12-07T09:00:00.000Z';
const MINUTE = 60_000;

const anna = { name: 'Anna Early', email: 'anna@example.com' };
const ben = { name: 'Ben Later', email: 'ben@example.com' };
const carl = { name: 'Carl Cancel', email: 'carl@example.com' };

describe('waitlist for an earlier time', () => {
  let ctx: TestContext & { expireHolds: () => Promise<number> };
  let provider: ProviderFixture;
  const inbox = realInbox();

  beforeEach(async () => {
    ctx = await waitlistContext();
    provider = await createProvider(ctx, { profile: { name: 'Studio Nord' } });
  });

  const take = (offer: { offerId: number; token: string }) =>
    call(ctx, 'POST', `/api/waitlist/offers/${offer.offerId}/take`, { body: { token: offer.token } });
  const cancel = (b: { id: number; token: string }) =>
    call(ctx, 'POST', `/api/bookings/${b.id}/cancel`, { body: { token: b.token } });
  /** Anna (Friday) then Ben (Monday) wait for an earlier time; Carl cancels his Wednesday. */
  const annaThenBenWaitAndCarlCancels = async () => {
    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    const annas = await booked(ctx, provider, FRI_10, anna);
    const bens = await booked(ctx, provider, MON_10, ben);
    await waitForEarlier(ctx, annas);
    await waitForEarlier(ctx, bens);
    expect((await cancel(carlsBooking)).status).toBe(200);
    return { annas, bens };
  };
  const advance = (ms: number) => {
    ctx.clock.now = new Date(ctx.clock.now.getTime() + ms);
  };

  it('emails the first in line when a time frees; taking it moves them and cascades their old time to the next', async () => {
    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    const annas = await booked(ctx, provider, FRI_10, anna, { timeZone: 'America/New_York' });
    const bens = await booked(ctx, provider, MON_10, ben);
    const first = await waitForEarlier(ctx, annas);
    expect(first).toMatchObject({ kind: 'earlier', status: 'waiting', member: 'same', days: null, position: 1 });
    expect((await waitForEarlier(ctx, bens)).position).toBe(2);
    await inbox.deliver(ctx); // the confirmations
    inbox.smtp.received.length = 0;

    expect((await cancel(carlsBooking)).status).toBe(200);
    await inbox.deliver(ctx);
    expect(inbox.of(ben.email)).toHaveLength(0);
    const [email] = inbox.of(anna.email);
    expect(email!.subject).toBe('An earlier time is free: Consultation at Studio Nord, Wed 2 Dec, 04:00');
    // On Anna's clock (New York), with the hold's end; a plain-text and an HTML part.
    expect(email!.text).toContain('Wednesday 2 December 2026, 04:00–05:00 (America/New_York)');
    expect(email!.text).toContain('Tue 1 Dec, 03:15 (America/New_York)');
    expect(email!.text).toContain('Friday 4 December 2026, 04:00–05:00 (America/New_York)');
    expect(email!.html).toContain('/waitlist/offers/');
    const link = offerLinkIn(email!.text!);

    // The page's read changes nothing (mail scanners open links).
    const page = await call(ctx, 'GET', `/api/waitlist/offers/${link.offerId}?token=${link.token}`);
    expect(page.status).toBe(200);
    expect(page.body.offer).toMatchObject({
      status: 'open',
      start: WED_10,
      expiresAt: '2026-12-01T08:15:00.000Z',
      serviceName: 'Consultation',
      providerName: 'Studio Nord',
      providerSlug: provider.slug,
      memberName: null,
      currentStart: FRI_10,
      timeZone: 'America/New_York',
    });
    expect((await appointmentRow(ctx, annas.id)).start_at).toBe(FRI_10);
    // Held: nobody else sees the freed time, nor can book it.
    expect(await startsOn(ctx, provider, '2026-12-02')).not.toContain(WED_10);
    const grab = await call(ctx, 'POST', '/api/bookings', {
      body: { provider: provider.slug, service: provider.serviceId, start: WED_10, customer: carl },
    });
    expect(grab.status).toBe(409);

    const taken = await take(link);
    expect(taken.status).toBe(200);
    expect(taken.body.offer.status).toBe('taken');
    expect(taken.body.booking).toMatchObject({ id: annas.id, start: WED_10, status: 'confirmed', sequence: 1 });
    const annaNow = await call(ctx, 'GET', `/api/bookings/${annas.id}/waitlist?token=${annas.token}`);
    expect(annaNow.body.waitlist).toMatchObject({ status: 'done', position: 0 });

    // Anna's Friday went to Ben, the next in line.
    await inbox.deliver(ctx);
    expect(inbox.of(anna.email).map((e) => e.subject)).toContain(
      'Booking moved: Consultation at Studio Nord, now Wed 2 Dec, 04:00',
    );
    const [bensEmail] = inbox.of(ben.email);
    expect(bensEmail!.text).toContain('Friday 4 December 2026, 10:00–11:00 (Europe/Berlin)');
    expect((await take(offerLinkIn(bensEmail!.text!))).status).toBe(200);
    expect((await appointmentRow(ctx, bens.id)).start_at).toBe(FRI_10);
    // Ben's Monday is nobody's: back in the slots.
    expect(await startsOn(ctx, provider, '2026-12-07')).toContain(MON_10);
  });

  it('passes an offer not taken in time to the next in line, and frees the time when nobody is left', async () => {
    const { annas } = await annaThenBenWaitAndCarlCancels();
    const annasOffer = await offerFor(ctx, anna.email);
    expect(await offersTo(ctx, ben.email)).toBe(0);

    advance(14 * MINUTE);
    expect(await ctx.expireHolds()).toBe(0);
    expect(await offersTo(ctx, ben.email)).toBe(0);
    advance(1 * MINUTE);
    expect(await ctx.expireHolds()).toBe(1);
    expect(await offersTo(ctx, ben.email)).toBe(1);
    // Held for Ben now.
    expect(await startsOn(ctx, provider, '2026-12-02')).not.toContain(WED_10);
    const late = await take(annasOffer);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('offer_expired');
    // Other free times before her Friday, soonest first; never the one held for Ben.
    expect(late.body.next).toHaveLength(5);
    expect(late.body.next).not.toContain(WED_10);
    expect(late.body.next.every((s: string) => s < FRI_10)).toBe(true);
    expect(
      (await call(ctx, 'GET', `/api/bookings/${annas.id}/waitlist?token=${annas.token}`)).body.waitlist,
    ).toMatchObject({
      status: 'waiting',
    });

    advance(15 * MINUTE);
    expect(await ctx.expireHolds()).toBe(1);
    // Anna had her turn at this time: it is not offered to her again; nobody else waits, so it is free for all.
    expect(await offersTo(ctx, anna.email)).toBe(1);
    expect(await startsOn(ctx, provider, '2026-12-02')).toContain(WED_10);
  });

  it('lets exactly one of two takes of the same offer through', async () => {
    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    const annas = await booked(ctx, provider, FRI_10, anna);
    await waitForEarlier(ctx, annas);
    await cancel(carlsBooking);
    const offer = await offerFor(ctx, anna.email);
    const answers = await Promise.all([take(offer), take(offer)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error.code).toBe('offer_taken');
    expect(refused.body.next).toEqual([]);
    const row = await appointmentRow(ctx, annas.id);
    expect(row).toMatchObject({ start_at: WED_10, sequence: 1 });
  });

  it('lets exactly one of two customers offered the same time take it', async () => {
    const { annas, bens } = await annaThenBenWaitAndCarlCancels();
    const annasOffer = await offerFor(ctx, anna.email);
    advance(15 * MINUTE);
    await ctx.expireHolds();
    const bensOffer = await offerFor(ctx, ben.email);
    const [forAnna, forBen] = await Promise.all([take(annasOffer), take(bensOffer)]);
    expect(forBen.status).toBe(200);
    expect(forAnna.status).toBe(409);
    expect(forAnna.body.error.code).toBe('offer_expired');
    expect(Array.isArray(forAnna.body.next)).toBe(true);
    expect((await appointmentRow(ctx, bens.id)).start_at).toBe(WED_10);
    expect((await appointmentRow(ctx, annas.id)).start_at).toBe(FRI_10);
  });

  it('offers a time freed by a reschedule, and ends the entry of an appointment moved by hand', async () => {
    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    const annas = await booked(ctx, provider, FRI_10, anna);
    await waitForEarlier(ctx, annas);
    // Carl moves from Wednesday to Thursday: Wednesday is offered to Anna.
    const moved = await call(ctx, 'POST', `/api/bookings/${carlsBooking.id}/reschedule`, {
      body: { token: carlsBooking.token, start: THU_10 },
    });
    expect(moved.status).toBe(200);
    expect(await offersTo(ctx, anna.email)).toBe(1);
    // Anna moves by hand instead: her entry ends and the offer she held passes on (nobody else waits).
    const own = await call(ctx, 'POST', `/api/bookings/${annas.id}/reschedule`, {
      body: { token: annas.token, start: '2026-12-03T13:00:00.000Z' },
    });
    expect(own.status).toBe(200);
    const entry = await call(ctx, 'GET', `/api/bookings/${annas.id}/waitlist?token=${annas.token}`);
    expect(entry.body.waitlist.status).toBe('done');
    expect(await startsOn(ctx, provider, '2026-12-02')).toContain(WED_10);
  });

  it('applies days and the time window of each entry', async () => {
    const wednesday = await booked(ctx, provider, WED_10, carl);
    const annas = await booked(ctx, provider, FRI_10, anna);
    const bens = await booked(ctx, provider, MON_10, ben);
    await waitForEarlier(ctx, annas, { days: [4, 5] }); // Thursdays and Fridays only
    await waitForEarlier(ctx, bens, { days: [3], from: '09:00', to: '10:30' });
    await cancel(wednesday);
    expect(await offersTo(ctx, anna.email)).toBe(0);
    expect(await offersTo(ctx, ben.email)).toBe(1);
  });

  it('keeps a `same` entry to its member and gives an `any` entry a time of another member', async () => {
    const lena = await addMember(ctx, provider, { name: 'Lena' });
    const owner = await ownerOf(ctx, provider);
    const withMember = async (b: { id: number; token: string }, memberId: number) => {
      await ctx.db.updateTable('appointments').set({ member_id: memberId }).where('id', '=', b.id).execute();
      return b;
    };
    const carlsBooking = await withMember(await booked(ctx, provider, WED_10, carl), lena.id);
    const annas = await withMember(await booked(ctx, provider, FRI_10, anna), owner.id);
    const bens = await withMember(await booked(ctx, provider, MON_10, ben), owner.id);
    expect((await waitForEarlier(ctx, annas)).member).toBe('same');
    expect((await waitForEarlier(ctx, bens, { member: 'any' })).member).toBe('any');
    await cancel(carlsBooking);
    expect(await offersTo(ctx, anna.email)).toBe(0);
    const offer = await offerFor(ctx, ben.email);
    const page = await call(ctx, 'GET', `/api/waitlist/offers/${offer.offerId}?token=${offer.token}`);
    expect(page.body.offer).toMatchObject({ start: WED_10, memberName: 'Lena', currentStart: MON_10 });
    const taken = await take(offer);
    expect(taken.status).toBe(200);
    expect(taken.body.booking).toMatchObject({ start: WED_10, staff: { slug: lena.slug, name: 'Lena' } });
    expect(await appointmentRow(ctx, bens.id)).toMatchObject({ member_id: lena.id, start_at: WED_10 });
  });

  it('offers nothing of a member who leaves (their appointments are cancelled)', async () => {
    const lena = await addMember(ctx, provider, { name: 'Lena' });
    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    await ctx.db.updateTable('appointments').set({ member_id: lena.id }).where('id', '=', carlsBooking.id).execute();
    const bens = await booked(ctx, provider, MON_10, ben);
    await waitForEarlier(ctx, bens, { member: 'any' });
    const left = await call(ctx, 'DELETE', `/api/admin/team/${lena.id}`, {
      session: provider.session,
      body: { future: 'cancel' },
    });
    expect(left.status).toBeLessThan(300);
    expect((await appointmentRow(ctx, carlsBooking.id)).status).toBe('cancelled');
    expect(await offersTo(ctx, ben.email)).toBe(0);
  });

  it('asks again with new filters, keeping the place in line; leaves; refuses what cannot wait', async () => {
    const annas = await booked(ctx, provider, FRI_10, anna);
    const bens = await booked(ctx, provider, MON_10, ben);
    await waitForEarlier(ctx, annas);
    await waitForEarlier(ctx, bens);
    const again = await waitForEarlier(ctx, annas, { days: [1, 3], from: '08:00', to: '12:00', member: 'any' });
    // A business of one: "any" is "same".
    expect(again).toMatchObject({ days: [1, 3], from: '08:00', to: '12:00', member: 'same', position: 1 });
    const left = await call(ctx, 'DELETE', `/api/bookings/${annas.id}/waitlist`, { body: { token: annas.token } });
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ waitlist: null });
    expect((await call(ctx, 'GET', `/api/bookings/${annas.id}/waitlist?token=${annas.token}`)).body).toEqual({
      waitlist: null,
    });
    expect(
      (await call(ctx, 'GET', `/api/bookings/${bens.id}/waitlist?token=${bens.token}`)).body.waitlist.position,
    ).toBe(1);

    await cancel(annas);
    const cancelled = await call(ctx, 'PUT', `/api/bookings/${annas.id}/waitlist`, { body: { token: annas.token } });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.code).toBe('not_waitlistable');
  });

  it('answers 404 for a wrong token and 400 for bad filters', async () => {
    const annas = await booked(ctx, provider, FRI_10, anna);
    const put = (body: Record<string, unknown>) =>
      call(ctx, 'PUT', `/api/bookings/${annas.id}/waitlist`, { body: { token: annas.token, ...body } });
    expect((await call(ctx, 'PUT', `/api/bookings/${annas.id}/waitlist`, { body: { token: 'wrong' } })).status).toBe(
      404,
    );
    expect((await call(ctx, 'GET', `/api/bookings/${annas.id}/waitlist?token=wrong`)).status).toBe(404);
    for (const bad of [
      { days: [0] },
      { days: [8] },
      { days: 'monday' },
      { from: '25:00' },
      { from: '9:00' },
      { from: '12:00', to: '09:00' },
      { from: '12:00', to: '12:00' },
      { member: 'someone' },
    ]) {
      const res = await put(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    const entry = await waitForEarlier(ctx, annas);
    expect((await call(ctx, 'GET', `/api/waitlist/${entry.id}?token=wrong`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/waitlist/${entry.id}?token=${annas.token}`)).body.waitlist.id).toBe(entry.id);

    const carlsBooking = await booked(ctx, provider, WED_10, carl);
    await cancel(carlsBooking);
    const offer = await offerFor(ctx, anna.email);
    expect((await call(ctx, 'GET', `/api/waitlist/offers/${offer.offerId}?token=wrong`)).status).toBe(404);
    expect((await call(ctx, 'GET', `/api/waitlist/offers/${offer.offerId}`)).status).toBe(400);
    expect((await take({ offerId: offer.offerId, token: 'wrong' })).status).toBe(404);
    expect((await take({ offerId: 999_999, token: offer.token })).status).toBe(404);
    const page = await call(ctx, 'GET', `/api/waitlist/offers/${offer.offerId}?token=${offer.token}`);
    // Nothing of the customer in the offer page beyond their zone.
    expect(JSON.stringify(page.body)).not.toMatch(/anna|Anna/);
  });

  it('shows the entry with each upcoming appointment of the signed-in customer', async () => {
    const { signUp } = await import('../support/http.js');
    const customer = await signUp(ctx, 'customer', { email: 'dora@example.com', name: 'Dora' });
    const res = await call(ctx, 'POST', '/api/bookings', {
      session: customer,
      body: {
        provider: provider.slug,
        service: provider.serviceId,
        start: FRI_10,
        customer: { name: 'Dora', email: 'dora@example.com' },
      },
    });
    const id = res.body.booking.id;
    const asked = await call(ctx, 'PUT', `/api/bookings/${id}/waitlist`, { session: customer, body: { days: [2] } });
    expect(asked.status).toBe(200);
    const mine = await call(ctx, 'GET', '/api/me/appointments', { session: customer });
    expect(mine.body.appointments[0].waitlist).toMatchObject({
      id: asked.body.waitlist.id,
      days: [2],
      status: 'waiting',
    });
  });
});
