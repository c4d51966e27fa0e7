import { expect, oneEvent } from '@open-wc/testing';
import { bookDirectly, createProvider, type TestProvider, text, waitFor } from '../test/fixtures.js';
import { fillDetails, heading, inner, mount, notice, openTimes, shadow, times, waitForHeading } from '../test/flow.js';

async function freeStarts(provider: TestProvider, date: string): Promise<string[]> {
  const q = `service=${provider.serviceId}&from=${date}&to=${date}&tz=Asia/Tokyo`;
  const res = await fetch(`${provider.api}/api/providers/${provider.slug}/slots?${q}`);
  return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
}

describe('book-services booking', () => {
  let provider: TestProvider;

  beforeEach(async () => {
    provider = await createProvider();
  });

  it('books a slot end to end: service, day, time, details, confirmation', async () => {
    const el = await mount(provider);
    const date = await openTimes(el);
    // Tokyo hours 09:00–17:00, a 60-minute service every 30 minutes: 15 starts.
    expect(times(el)).to.have.length(15);
    expect(times(el)[0]).to.equal('9:00 AM');
    await expect(el).to.be.accessible();

    const selected = oneEvent(el, 'book-slot-selected');
    inner(el, 'book-times')!.querySelectorAll<HTMLButtonElement>('li button')[2]!.click();
    const slot = (await selected).detail as { service: number; start: string; end: string };
    expect(slot.service).to.equal(provider.serviceId);
    expect(new Date(slot.start).toLocaleTimeString('en-US', { timeZone: 'Asia/Tokyo', timeStyle: 'short' })).to.equal(
      '10:00 AM',
    );
    await waitForHeading(el, 'Your details');
    expect(text(shadow(el, '.summary')))
      .to.contain('Haircut')
      .and.contain('10:00 AM (Asia/Tokyo)');
    await expect(el).to.be.accessible();

    const booked = oneEvent(el, 'book-booked');
    await fillDetails(el);
    const detail = (await booked).detail as { id: number; start: string; manageUrl: string };
    expect(detail.start).to.equal(slot.start);
    expect(detail.id).to.be.a('number');
    await waitForHeading(el, 'You’re booked!');
    const done = inner(el, 'book-confirmation')!;
    expect(text(done.querySelector('.ok'))).to.equal('✓ Your appointment is confirmed.');
    expect(done.querySelector('[part=manage-link]')!.getAttribute('href')).to.equal(detail.manageUrl);
    expect(done.querySelector('a[download]')!.getAttribute('href')).to.contain(
      `/api/bookings/${detail.id}/calendar.ics?token=`,
    );
    expect(done.querySelector('a[href^="https://calendar.google.com"]')).to.exist;
    expect(text(shadow(el, '[role=status]'))).to.equal('You’re booked!');
    await expect(el).to.be.accessible();

    // The slot is gone from the API, and the .ics link works.
    expect(await freeStarts(provider, date)).not.to.include(slot.start);
    const ics = await fetch(
      done
        .querySelector('a[download]')!
        .getAttribute('href')!
        .replace(/^https?:\/\/[^/]+/, provider.api),
    );
    expect(ics.status).to.equal(200);
  });

  describe('when the slot is taken meanwhile (409)', () => {
    it('goes back to the times with a message and refreshed slots', async () => {
      const el = await mount(provider, { service: provider.serviceId });
      const date = await openTimes(el);
      const selected = oneEvent(el, 'book-slot-selected');
      inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click(); // 9:00
      const { start } = (await selected).detail as { start: string };
      await waitForHeading(el, 'Your details');

      expect((await bookDirectly(provider, start)).status).to.equal(201);
      const error = oneEvent(el, 'book-error');
      await fillDetails(el);
      expect((await error).detail).to.include({ code: 'slot_taken', status: 409 });

      await waitForHeading(el, 'Choose a time');
      expect(notice(el)).to.equal('Sorry, that time was just taken. Please pick another one.');
      await waitFor(() => times(el).length > 0, 'times were not refreshed');
      // 09:00–10:00 is booked: the 9:00 and 9:30 starts overlap it.
      expect(times(el)).to.have.length(13);
      expect(times(el)[0]).to.equal('10:00 AM');
      expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'h2'));
      expect(await freeStarts(provider, date)).to.have.length(13);
      await expect(el).to.be.accessible();

      // The details typed before are kept for the next try, which books.
      inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
      await waitForHeading(el, 'Your details');
      expect(inner(el, 'book-details')!.querySelector<HTMLInputElement>('#email')!.value).to.equal('ada@example.com');
      expect(notice(el)).to.equal('');
      const booked = oneEvent(el, 'book-booked');
      inner(el, 'book-details')!.querySelector<HTMLButtonElement>('button.primary')!.click();
      await booked;
      await waitForHeading(el, 'You’re booked!');
    });
  });

  it('shows the server’s field errors in the form', async () => {
    const el = await mount(provider, { service: provider.serviceId });
    await openTimes(el);
    inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
    await waitForHeading(el, 'Your details');
    const error = oneEvent(el, 'book-error');
    // Passes the form's light check; the server's stricter one refuses the double dot.
    await fillDetails(el, { name: 'Ada', email: 'ada..lovelace@example.com' });
    expect((await error).detail).to.include({ code: 'invalid_request', status: 400 });
    await el.updateComplete;
    const form = inner(el, 'book-details')!;
    await waitFor(() => form.querySelector('#email-error'), 'no field error');
    expect(text(form.querySelector('#email-error'))).to.equal('Please enter a valid email address.');
    expect(form.activeElement).to.equal(form.querySelector('#email'));
    expect(notice(el)).to.equal('');
    expect(heading(el)).to.equal('Your details');
  });
});
