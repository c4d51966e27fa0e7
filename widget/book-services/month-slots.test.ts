import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { ApiError, BookingApi } from '../api/client.js';
import { addMonths, localDate } from '../lib/dates.js';
import { createProvider, type TestProvider } from '../test/fixtures.js';
import { MonthSlots } from './month-slots.js';

/** The real client, noting which months it asked the server for. */
class CountingApi extends BookingApi {
  months: string[] = [];
  override slots(...args: Parameters<BookingApi['slots']>) {
    this.months.push(args[2].slice(0, 7));
    return super.slots(...args);
  }
}

const host = (): ReactiveControllerHost & { updates: number } => ({
  updates: 0,
  addController() {},
  removeController() {},
  requestUpdate() {
    this.updates++;
  },
  updateComplete: Promise.resolve(true),
});

describe('MonthSlots', () => {
  let provider: TestProvider;
  const thisMonth = localDate(Date.now(), 'Asia/Tokyo').slice(0, 7);
  const next = addMonths(thisMonth, 1);

  before(async () => {
    provider = await createProvider();
  });

  function slotsFor(p: TestProvider, client = new CountingApi(p.api), zone = 'Asia/Tokyo') {
    const h = host();
    return { client, h, slots: new MonthSlots(h, () => ({ client, provider: p.slug, service: p.serviceId, zone })) };
  }

  it('groups a month by local date, prefetches the next and serves both from its cache', async () => {
    const { client, h, slots } = slotsFor(provider);
    await slots.show(next);
    expect(slots.loading).to.equal(false);
    expect(slots.month).to.equal(next);
    expect([...slots.days.keys()][0]).to.equal(`${next}-01`);
    expect(slots.days.get(`${next}-10`)).to.have.length(15);
    expect(h.updates).to.be.greaterThan(1);
    expect(client.months).to.deep.equal([next, addMonths(next, 1)]);
    await slots.show(addMonths(next, 1));
    await slots.show(next);
    expect(client.months).to.have.length(3); // only the month after the prefetched one was new
    slots.clear();
    await slots.show(next);
    expect(client.months.filter((m) => m === next)).to.have.length(2);
  });

  it('keeps the last month asked for when requests overlap', async () => {
    const { slots } = slotsFor(provider);
    const first = slots.show(next);
    const second = slots.show(addMonths(next, 1));
    await Promise.all([first, second]);
    expect(slots.month).to.equal(addMonths(next, 1));
    expect([...slots.days.keys()].every((d) => d.startsWith(addMonths(next, 1)))).to.equal(true);
  });

  it('finds the next free day after an empty month', async () => {
    const closed = await createProvider({ hours: 'next-month' });
    const { slots } = slotsFor(closed, undefined, 'UTC');
    await slots.show(localDate(Date.now(), 'UTC').slice(0, 7));
    expect(slots.days.size).to.equal(0);
    expect(slots.nextFree).to.equal(`${addMonths(localDate(Date.now(), 'UTC').slice(0, 7), 1)}-03`);
  });

  it('shows every slot of a month that needs several answers (the server caps one at 2,000)', async () => {
    const dense = await createProvider({ hours: 'dense', timeZone: 'UTC' });
    const { slots } = slotsFor(dense, undefined, 'UTC');
    await slots.show(next);
    const days = [...slots.days.values()];
    const starts = days.flat().map((s) => Date.parse(s.start));
    expect(days.length).to.be.greaterThan(27);
    expect(days.every((day) => day.length === 288)).to.equal(true); // 24 h of 5-minute starts, none lost
    expect(new Set(starts).size).to.equal(starts.length);
    expect(starts.length).to.be.greaterThan(2_000);
  });

  it('rejects with the API error when the month cannot be loaded, and does not cache the failure', async () => {
    const missing = { ...provider, slug: 'no-such-provider' };
    const { client, slots } = slotsFor(missing);
    const error = await slots.show(next).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('not_found');
    expect(slots.loading).to.equal(false);
    await slots.show(next).catch(() => {});
    expect(client.months.filter((m) => m === next)).to.have.length(2);
  });
});
