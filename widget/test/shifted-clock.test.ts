import { expect } from '@open-wc/testing';
import { localDate } from '../lib/dates.js';
import { createProvider } from './fixtures.js';

// The harness moves the page's clock and the API server's to the same fixed instant (tests/support/shifted-clock.mjs).
describe('the test clock', () => {
  it('reads the fixed test date in the page, for Date.now() and new Date() alike', () => {
    expect(localDate(Date.now(), 'Asia/Tokyo')).to.equal('2026-06-10');
    expect(new Date().toISOString().slice(0, 10)).to.equal('2026-06-10');
    // biome-ignore lint/complexity/useDateNow: the point is that `new Date()` and `Date.now()` were both moved
    expect(Math.abs(new Date().getTime() - Date.now())).to.be.below(60_000);
    expect(new Date('2030-01-08T00:00:00Z').toISOString()).to.equal('2030-01-08T00:00:00.000Z');
  });

  it('is the API server’s clock too: today’s first slots are today’s in Tokyo', async () => {
    const provider = await createProvider();
    const res = await fetch(
      `${provider.api}/api/providers/${provider.slug}/slots?service=${provider.serviceId}&from=2026-06-10&to=2026-06-11&tz=Asia/Tokyo`,
    );
    const { slots } = (await res.json()) as { slots: { start: string }[] };
    // 09:00–17:00 in Tokyo with an hour's notice, from 12:00 on the 10th: the morning of the 10th is gone.
    expect(slots[0]!.start.slice(0, 10)).to.equal('2026-06-10');
    expect(Date.parse(slots[0]!.start)).to.be.above(Date.now());
    expect(slots.some((s) => s.start === '2026-06-10T00:00:00.000Z')).to.equal(false);
  });
});
