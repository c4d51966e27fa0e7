import ical, { type VEvent } from 'node-ical';
import { beforeEach, describe, expect, it } from 'vitest';
import { book, createProvider, type ProviderFixture } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { realInbox } from '../support/inbox.js';
import { APP_URL, createTestContext, type TestContext } from '../support/test-app.js';

// NOW is Tuesday 2026-12-01 08:00Z (09:00 in Berlin); the provider opens 09:00–17:00 Berlin time, asks customers
// for 60 minutes' notice and offers a 30-minute grid.
const NOW_SLOT = '2026-12-01T08:00:00.000Z';
const SLOT = '2026-12-02T09:00:00.000Z'; // Wednesday 10:00 Berlin

describe('POST /api/admin/appointments (the owner books a caller or a walk-in)', () => {
  const inbox = realInbox();
  let ctx: TestContext;
  let anna: ProviderFixture;
  /** The owner's account address, where the business's copies go. */
  let owner: string;
  beforeEach(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx, { slug: 'studio-anna' });
    const user = ctx.db.selectFrom('users').select('email').where('id', '=', anna.userId);
    owner = (await user.executeTakeFirstOrThrow()).email;
  });

  const walkIn = (start: string, extra: Record<string, unknown> = {}, p = anna) =>
    call(ctx, 'POST', '/api/admin/appointments', {
      session: p.session,
      body: { service: p.serviceId, start, customer: { name: 'Walter Walk-in' }, ...extra },
    });

  it('books without an email: the owner gets the confirmation, nobody else', async () => {
    const res = await walkIn(SLOT, { customer: { name: 'Walter Walk-in', email: '', phone: '+49 170 1234567' } });
    expect(res.status).toBe(201);
    expect(res.body.appointment).toMatchObject({
      status: 'confirmed',
      start: SLOT,
      end: '2026-12-02T10:00:00.000Z',
      customer: { name: 'Walter Walk-in', email: '', phone: '+49 170 1234567' },
      service: { id: anna.serviceId, name: 'Consultation' },
    });
    const outbox = await ctx.db
      .selectFrom('email_outbox')
      .select(['to_role', 'to_address'])
      .where('appointment_id', '=', res.body.appointment.id)
      .execute();
    expect(outbox).toEqual([{ to_role: 'provider', to_address: owner }]);
    await inbox.deliver(ctx);
    const received = inbox.smtp.received.filter((e) => e.text?.includes('Walter Walk-in'));
    expect(received.map((e) => e.to?.map((a) => a.address))).toEqual([[owner]]);
    expect(received[0]!.text).toContain('You booked this appointment for Walter Walk-in.');
    expect(received[0]!.text).toContain('+49 170 1234567');
    expect(received[0]!.text).not.toMatch(/^Email/m);
  });

  it('emails the customer when an address is given, with an invitation they can add', async () => {
    const res = await walkIn(SLOT, { customer: { name: 'Ada Caller', email: 'Ada@Example.com' }, note: 'Phoned' });
    expect(res.status).toBe(201);
    await inbox.deliver(ctx);
    const [mail] = inbox.of('ada@example.com');
    expect(mail, 'the customer got the confirmation').toBeDefined();
    expect(mail!.text).toContain('Consultation');
    expect(mail!.text).toMatch(/\/manage\/\d+\?token=/);
    const invite = mail!.attachments.find((a) => a.mimeType === 'text/calendar');
    const text = typeof invite!.content === 'string' ? invite!.content : new TextDecoder().decode(invite!.content);
    const [event] = Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(event!.start.toISOString()).toBe(SLOT);
    expect(inbox.of(owner).filter((e) => e.text?.includes('Ada Caller'))).toHaveLength(1);
  });

  it('is not held to the notice period nor to the slot grid, but to the opening hours', async () => {
    // 09:00 Berlin is "now": a customer may not book it (60 minutes' notice), the owner may.
    expect((await book(ctx, anna, NOW_SLOT)).status).toBe(422);
    expect((await walkIn(NOW_SLOT)).status).toBe(201);
    // 10:10 Berlin is off the 30-minute grid: any whole minute of the opening hours does for the owner.
    const offGrid = '2026-12-01T09:10:00.000Z';
    expect((await book(ctx, anna, offGrid)).status).toBe(422);
    expect((await walkIn(offGrid)).status).toBe(201);
    const closed = await walkIn('2026-12-01T16:30:00.000Z'); // 17:30 Berlin: closed
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('slot_not_offered');
    expect((await walkIn('2026-12-01T15:30:00.000Z')).status).toBe(422); // would end after closing
    expect((await walkIn('2026-12-01T14:00:30.000Z')).status).toBe(422); // not a whole minute
  });

  it('refuses a taken time with 409, whoever booked it', async () => {
    expect((await book(ctx, anna, SLOT)).status).toBe(201);
    const same = await walkIn(SLOT);
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('slot_taken');
    expect((await walkIn('2026-12-02T09:40:00.000Z')).status).toBe(409); // overlaps the booked hour
    expect((await walkIn('2026-12-02T10:00:00.000Z')).status).toBe(201); // touches it
    const customer = await book(ctx, anna, '2026-12-02T10:00:00.000Z');
    expect(customer.status).toBe(409);
  });

  it('validates: a name is required; email, phone and times must be what they say', async () => {
    const noName = await walkIn(SLOT, { customer: { name: '  ' } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields['customer.name']).toBeDefined();
    const badEmail = await walkIn(SLOT, { customer: { name: 'Ada', email: 'not-an-address' } });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.fields['customer.email']).toBeDefined();
    const badPhone = await walkIn(SLOT, { customer: { name: 'Ada', phone: 'call me' } });
    expect(badPhone.body.error.fields['customer.phone']).toBeDefined();
    const badStart = await walkIn('tomorrow at ten');
    expect(badStart.status).toBe(400);
    expect(badStart.body.error.fields.start).toBeDefined();
    expect((await walkIn(SLOT, { service: 'x' })).status).toBe(400);
    expect(await ctx.db.selectFrom('appointments').select('id').execute()).toEqual([]);
  });

  it('books only the owner’s own services, for the signed-in owner, from our own site', async () => {
    const other = await createProvider(ctx);
    const foreign = await walkIn(SLOT, { service: other.serviceId });
    expect(foreign.status).toBe(404);
    const mine = await walkIn(SLOT);
    const peek = await call(ctx, 'GET', `/api/admin/appointments/${mine.body.appointment.id}`, {
      session: other.session,
    });
    expect(peek.status).toBe(404);
    const anonymous = await call(ctx, 'POST', '/api/admin/appointments', {
      body: { service: anna.serviceId, start: SLOT, customer: { name: 'X' } },
    });
    expect(anonymous.status).toBe(401);
    const crossSite = await call(ctx, 'POST', '/api/admin/appointments', {
      session: anna.session,
      headers: { Origin: 'https://evil.example' },
      body: { service: anna.serviceId, start: '2026-12-03T09:00:00.000Z', customer: { name: 'X' } },
    });
    expect(crossSite.status).toBe(403);
  });

  it('shows in the owner’s calendar feed like any booking', async () => {
    expect((await walkIn(SLOT, { customer: { name: 'Walter Walk-in' } })).status).toBe(201);
    const rotated = await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: anna.session });
    const feed = await call(ctx, 'GET', rotated.body.url.slice(APP_URL.length));
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(events.map((e) => [e.start.toISOString(), e.summary])).toEqual([[SLOT, 'Consultation — Walter Walk-in']]);
    expect(events[0]!.description).not.toContain('Email:');
  });
});

describe('GET /api/admin/appointments/slots (free times for the owner)', () => {
  let ctx: TestContext;
  let anna: ProviderFixture;
  beforeEach(async () => {
    ctx = await createTestContext();
    anna = await createProvider(ctx);
  });

  const slots = async (date: string, p = anna, service = p.serviceId) =>
    call(ctx, 'GET', `/api/admin/appointments/slots?service=${service}&date=${date}`, { session: p.session });

  it('offers the day’s free grid times without the notice period', async () => {
    const res = await slots('2026-12-01');
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Europe/Berlin');
    const starts = res.body.slots.map((s: { start: string }) => s.start);
    expect(starts[0]).toBe(NOW_SLOT); // 09:00 Berlin, now
    expect(starts).toHaveLength(15); // 09:00 … 16:00 every 30 minutes
    await book(ctx, anna, '2026-12-01T10:00:00.000Z');
    const after = (await slots('2026-12-01')).body.slots.map((s: { start: string }) => s.start);
    expect(after).not.toContain('2026-12-01T10:00:00.000Z');
    expect(after).not.toContain('2026-12-01T09:30:00.000Z');
  });

  it('answers 404 for another provider’s service and 400 for a bad date', async () => {
    const other = await createProvider(ctx);
    expect((await slots('2026-12-01', anna, other.serviceId)).status).toBe(404);
    expect((await slots('2026-02-30')).status).toBe(400);
  });
});
