import { expect } from '@open-wc/testing';
import { createProvider, text, waitFor } from '../test/fixtures.js';
import { calendarReady, fillDetails, inner, mount, openTimes, shownDay, times, waitForHeading } from '../test/flow.js';
import { fakeTeamApi, freeDay, fullClass, TEAM_API } from '../test/team-api.js';
import type { BookServices } from './book-services.js';

const team = { slug: 'team-studio', api: TEAM_API };

async function freeTimes(el: BookServices): Promise<void> {
  await calendarReady(el);
  await waitFor(() => shownDay(el) === freeDay() && times(el).length, 'the free day’s times did not show');
}

const timeButton = (el: BookServices, label: string) =>
  [...inner(el, 'book-times')!.querySelectorAll<HTMLButtonElement>('li button')].find((b) => text(b) === label)!;

describe('book-services and the waitlist', () => {
  let api: ReturnType<typeof fakeTeamApi> | undefined;
  afterEach(() => {
    api?.restore();
    api = undefined;
  });

  describe('when a class time is full', () => {
    it('joins its waitlist with the details form and says the place in line', async () => {
      api = fakeTeamApi();
      const el = await mount(team, { service: 2 });
      await freeTimes(el);
      expect(api!.requests.some((u) => u.pathname === '/api/providers/team-studio/services/2/full-classes')).to.equal(
        true,
      );
      timeButton(el, '11:00 AM Full · join the waitlist').click();
      await waitForHeading(el, 'Your details');
      const wait = inner(el, 'book-class-wait')!;
      await waitFor(() => wait.querySelector('book-details')?.shadowRoot?.querySelector('button.primary'), 'no form');
      const form = wait.querySelector('book-details')!.shadowRoot!;
      expect(text(form.querySelector('button.primary'))).to.equal('Join the waitlist');
      for (const [id, value] of Object.entries({
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        phone: '+81 3 1234 5678',
      })) {
        const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      form.querySelector<HTMLButtonElement>('button.primary')!.click();
      await waitFor(() => wait.querySelector('[role=status]'), 'no place in line');
      expect(api!.bookings).to.deep.equal([]);
      expect(api!.waitlist).to.deep.equal([
        {
          path: '/api/waitlist/classes',
          method: 'POST',
          body: {
            provider: 'team-studio',
            service: 2,
            start: fullClass().start,
            customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
            timeZone: 'Asia/Tokyo',
            staff: 'mia',
          },
        },
      ]);
      expect(text(wait.querySelector('[role=status]'))).to.equal(
        '✓ You’re on the waitlist. You are #3 in line. We will email ada@example.com if a place frees up.',
      );
      await expect(el).to.be.accessible();
    });
  });

  describe('against the real server', () => {
    it('shows a full class time and joins its waitlist: first in line', async () => {
      const provider = await createProvider({ classes: 'full' });
      const el = await mount(provider, { service: provider.classServiceId! });
      await openTimes(el);
      expect(times(el)[0]).to.equal('9:00 AM Full · join the waitlist');
      timeButton(el, '9:00 AM Full · join the waitlist').click();
      await waitForHeading(el, 'Your details');
      const wait = inner(el, 'book-class-wait')!;
      await waitFor(() => wait.querySelector('book-details')?.shadowRoot?.querySelector('button.primary'), 'no form');
      const form = wait.querySelector('book-details')!.shadowRoot!;
      for (const [id, value] of Object.entries({ name: 'Hedy Lamarr', email: 'hedy@example.com' })) {
        const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      form.querySelector<HTMLButtonElement>('button.primary')!.click();
      await waitFor(() => wait.querySelector('[role=status]'), 'no place in line');
      expect(text(wait.querySelector('[role=status]'))).to.equal(
        '✓ You’re on the waitlist. You are #1 in line. We will email hedy@example.com if a place frees up.',
      );
    });
  });

  describe('on the confirmation of a one-to-one appointment', () => {
    it('asks in one tap to be told of an earlier time, with anyone of the team', async () => {
      api = fakeTeamApi();
      const el = await mount(team, { service: 1, staff: 'mia' });
      await freeTimes(el);
      inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
      await waitForHeading(el, 'Your details');
      await fillDetails(el);
      await waitForHeading(el, 'You’re booked!');
      // The button comes with the waitlist's chunk, loaded once the booking is made.
      await waitFor(() => inner(el, 'book-earlier')?.querySelector('[part=waitlist]'), 'no button');
      const earlier = inner(el, 'book-earlier')!;
      const tap = earlier.querySelector<HTMLButtonElement>('[part=waitlist]')!;
      expect(text(tap)).to.equal('Notify me if an earlier time frees up');
      tap.click();
      await waitFor(() => text(earlier.querySelector('[role=status]')).startsWith('✓'), 'no place in line');
      expect(text(earlier.querySelector('[role=status]'))).to.equal(
        '✓ We will email you if an earlier time frees up. You are #3 in line.',
      );
      expect(api!.waitlist).to.deep.equal([
        { path: '/api/bookings/1/waitlist', method: 'PUT', body: { member: 'any', token: 't' } },
      ]);
      await expect(el).to.be.accessible();
    });

    it('is not offered for a class', async () => {
      api = fakeTeamApi();
      const el = await mount(team, { service: 2 });
      await freeTimes(el);
      timeButton(el, '9:00 AM 5 places left').click();
      await waitForHeading(el, 'Your details');
      await fillDetails(el);
      await waitForHeading(el, 'You’re booked!');
      await waitFor(() => customElements.get('book-earlier'), 'the waitlist’s chunk did not load');
      await el.updateComplete;
      expect(inner(el, 'book-earlier')!.querySelector('[part=waitlist]')).to.equal(null);
    });
  });
});
