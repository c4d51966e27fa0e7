import { expect, oneEvent } from '@open-wc/testing';
import { text, waitFor } from '../test/fixtures.js';
import {
  calendarReady,
  fillDetails,
  heading,
  inner,
  mount,
  shadow,
  shownDay,
  times,
  waitForHeading,
} from '../test/flow.js';
import { fakeTeamApi, freeDay, mia, TEAM_API, teamProvider } from '../test/team-api.js';
import type { BookServices } from './book-services.js';

const team = { slug: 'team-studio', api: TEAM_API };

const clickService = (el: BookServices, name: string) =>
  [...inner(el, 'book-service-list')!.querySelectorAll('button')].find((b) => text(b).startsWith(name))!.click();

/** The confirmation's "what was booked" list as [term, details] pairs. */
const booked = (el: BookServices) =>
  [...inner(el, 'book-confirmation')!.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);

const choices = (el: BookServices) => [...(inner(el, 'book-staff-list')?.querySelectorAll('button') ?? [])];

/** Waits for the free day's times (the fake has them on the 10th of next month only). */
async function freeTimes(el: BookServices): Promise<void> {
  await calendarReady(el);
  await waitFor(() => shownDay(el) === freeDay() && times(el).length, 'the free day’s times did not show');
}

async function bookFirstTime(el: BookServices) {
  await freeTimes(el);
  inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
  await waitForHeading(el, 'Your details');
  const booked = oneEvent(el, 'book-booked');
  await fillDetails(el);
  await waitForHeading(el, 'You’re booked!');
  return (await booked).detail as { staff?: { slug: string; name: string } };
}

describe('book-services with a team', () => {
  let api: ReturnType<typeof fakeTeamApi>;

  afterEach(() => api.restore());

  describe('when more than one member performs the service', () => {
    beforeEach(() => {
      api = fakeTeamApi();
    });

    it('asks who, with "Any available" first and chosen, and books any available member', async () => {
      const el = await mount(team);
      clickService(el, 'Haircut');
      await waitForHeading(el, 'Choose a team member');
      expect(choices(el).map((b) => text(b.querySelector('.name')))).to.deep.equal([
        'Any available',
        'Mia Rossi',
        'Noah Berg',
      ]);
      expect(choices(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
      expect(text(shadow(el, '[role=status]'))).to.equal('Step 2 of 4: Choose a team member');
      expect(el.shadowRoot!.activeElement).to.equal(shadow(el, 'h2'));
      await expect(el).to.be.accessible();

      const chose = oneEvent(el, 'book-staff-selected');
      choices(el)[0]!.click();
      expect((await chose).detail).to.deep.equal({ service: 1, staff: 'any' });
      await waitForHeading(el, 'Choose a time');
      const detail = await bookFirstTime(el);

      expect(api.staffAsked().length).to.be.greaterThan(0);
      expect(new Set(api.staffAsked())).to.deep.equal(new Set(['any']));
      expect(api.bookings.map((b) => b.staff)).to.deep.equal(['any']);
      // The server chose Noah: the confirmation and the event name him.
      expect(detail.staff).to.deep.equal({ slug: 'noah', name: 'Noah Berg' });
      expect(booked(el)).to.deep.include(['With', 'Noah Berg']);
      await expect(el).to.be.accessible();
    });

    it('sends a chosen member’s slug in the slots and booking requests, and goes back to the member step', async () => {
      const el = await mount(team);
      clickService(el, 'Haircut');
      await waitForHeading(el, 'Choose a team member');
      choices(el)[1]!.click();
      await waitForHeading(el, 'Choose a time');
      await freeTimes(el);
      expect(text(shadow(el, '.summary'))).to.contain('with Mia Rossi');
      expect(new Set(api.staffAsked())).to.deep.equal(new Set(['mia']));

      shadow(el, '[part=back]')!.click();
      await waitForHeading(el, 'Choose a team member');
      expect(choices(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
      choices(el)[1]!.click();
      await waitForHeading(el, 'Choose a time');
      const selected = oneEvent(el, 'book-slot-selected');
      const done = bookFirstTime(el);
      expect((await selected).detail).to.include({ service: 1, staff: 'mia' });
      expect((await done).staff).to.deep.equal({ slug: 'mia', name: 'Mia Rossi' });
      expect(api.bookings.map((b) => b.staff)).to.deep.equal(['mia']);
      expect(booked(el)).to.deep.include(['With', 'Mia Rossi']);
    });
  });

  it('skips the member step when one member performs the service', async () => {
    api = fakeTeamApi();
    const el = await mount(team);
    clickService(el, 'Beard trim'); // Noah's only
    await waitForHeading(el, 'Choose a time');
    expect(text(shadow(el, '[role=status]'))).to.equal('Step 2 of 3: Choose a time');
    await freeTimes(el);
    expect(new Set(api.staffAsked())).to.deep.equal(new Set(['any']));
  });

  it('skips the member step for a business of one', async () => {
    api = fakeTeamApi(teamProvider([{ ...mia, serviceIds: [1, 2, 3] }]));
    const el = await mount(team);
    clickService(el, 'Haircut');
    await waitForHeading(el, 'Choose a time');
    await bookFirstTime(el);
    expect(api.bookings.map((b) => b.staff)).to.deep.equal(['any']);
  });

  it('with a `staff` attribute lists that member’s services and skips the member step', async () => {
    api = fakeTeamApi();
    const el = await mount(team, { staff: 'noah' });
    expect([...inner(el, 'book-service-list')!.querySelectorAll('.name')].map(text)).to.deep.equal([
      'Haircut',
      'Beard trim',
    ]);
    clickService(el, 'Haircut');
    await waitForHeading(el, 'Choose a time');
    await bookFirstTime(el);
    expect(new Set(api.staffAsked())).to.deep.equal(new Set(['noah']));
    expect(api.bookings.map((b) => b.staff)).to.deep.equal(['noah']);
  });

  it('ignores a `staff` attribute naming nobody of the business', async () => {
    api = fakeTeamApi();
    const el = await mount(team, { staff: 'zoe' });
    expect(inner(el, 'book-service-list')!.querySelectorAll('button')).to.have.length(3);
    clickService(el, 'Haircut');
    await waitForHeading(el, 'Choose a team member');
  });

  it('shows the places left on a class’s times, and its full times to wait for', async () => {
    api = fakeTeamApi();
    const el = await mount(team, { service: 2 }); // Mia's class only: no member step
    await freeTimes(el);
    expect(heading(el)).to.equal('Choose a time');
    expect(times(el)).to.deep.equal([
      '9:00 AM 5 places left',
      '10:00 AM 1 place left',
      '11:00 AM Full · join the waitlist',
    ]);
    await expect(el).to.be.accessible();
  });

  it('behaves as before with a server that sends no team: no step, no `staff` sent', async () => {
    api = fakeTeamApi(teamProvider(null));
    const el = await mount(team);
    clickService(el, 'Haircut');
    await waitForHeading(el, 'Choose a time');
    const detail = await bookFirstTime(el);
    expect(api.staffAsked().every((s) => s === null)).to.equal(true);
    expect(api.bookings[0]).not.to.have.property('staff');
    expect(detail).not.to.have.property('staff');
    expect(booked(el).map(([term]) => term)).not.to.include('With');
  });
});
