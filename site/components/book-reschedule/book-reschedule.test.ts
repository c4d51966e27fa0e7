import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ProviderResponse } from '../../../widget/api/types.js';
import type { Slot, TeamMember } from '../../api/types.js';
import { $, $$, fakeServer, json, text, until } from '../../test/helpers.js';
import './book-reschedule.js';
import type { BookReschedule, RescheduleChoice } from './book-reschedule.js';

// 10:00 UTC three days from now: the calendar opens on that day with its times (11:00 and 12:00) shown.
const booked = `${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}T10:00:00.000Z`;
const later = (hours: number) => new Date(Date.parse(booked) + hours * 3_600_000).toISOString();
const slots: Slot[] = [1, 2].map((h) => ({ start: later(h), end: later(h + 1) }));

const member = (slug: string, name: string, serviceIds: number[]): TeamMember => ({
  slug,
  name,
  initials: name.slice(0, 1),
  bio: '',
  photoUrl: null,
  serviceIds,
});

/** The public API of a business whose haircut (1) Mia and Noah perform, and whose colour (2) only Mia does. */
function teamServer(team: TeamMember[] | undefined) {
  return fakeServer((path) => {
    if (path.includes('/slots?')) return json(200, { timeZone: 'UTC', slots });
    return json(200, {
      provider: { slug: 'studio' },
      services: [],
      ...(team && { team }),
    } as unknown as ProviderResponse);
  });
}

const staffAsked = (server: ReturnType<typeof fakeServer>) =>
  server.sent.filter((s) => s.path.includes('/slots?')).map((s) => new URL(s.path).searchParams.get('staff'));

const mia = { slug: 'mia', name: 'Mia Rossi' };

describe('book-reschedule', () => {
  describe('for a team', () => {
    it('shows the member’s times, and everyone’s with "other team members", confirming with staff any', async () => {
      const server = teamServer([member('mia', 'Mia Rossi', [1, 2]), member('noah', 'Noah Berg', [1])]);
      try {
        const el = await fixture<BookReschedule>(
          html`<book-reschedule provider="studio" service="1" booked=${booked} time-zone="UTC" .staff=${mia}></book-reschedule>`,
        );
        await until(() => !!el.shadowRoot!.querySelector('.others'), 'the other-members option');
        expect(text($(el, 'h3'))).to.equal('Choose a new time with Mia Rossi');
        expect(staffAsked(server)).to.deep.equal(['mia']);
        await expect(el).to.be.accessible();

        const others = $<HTMLInputElement>(el, '.others input');
        expect(text($(el, '.others'))).to.equal('Show times with other team members');
        others.click();
        await until(() => staffAsked(server).includes('any'), 'the team’s times');
        expect(text($(el, 'h3'))).to.equal('Choose a new time');
        await until(() => !!$(el, 'book-times').shadowRoot?.querySelector('li button'), 'the times');
        $(el, 'book-times').shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
        await el.updateComplete;
        const confirmed = oneEvent(el, 'book-reschedule-confirm');
        $<HTMLButtonElement>(el, 'button.primary').click();
        const choice = (await confirmed).detail as RescheduleChoice;
        expect(choice).to.deep.equal({ ...slots[0], staff: 'any' });
      } finally {
        server.restore();
      }
    });

    it('keeps the member without the option when nobody else performs the service', async () => {
      const server = teamServer([member('mia', 'Mia Rossi', [1, 2]), member('noah', 'Noah Berg', [1])]);
      try {
        const el = await fixture<BookReschedule>(
          html`<book-reschedule provider="studio" service="2" booked=${booked} time-zone="UTC" .staff=${mia}></book-reschedule>`,
        );
        await until(() => server.sent.some((s) => s.path.includes('/api/providers/studio')), 'the team');
        await until(() => !!$(el, 'book-times').shadowRoot?.querySelector('li button'), 'the times');
        expect($$(el, '.others')).to.have.length(0);
        $(el, 'book-times').shadowRoot!.querySelector<HTMLButtonElement>('li button')!.click();
        await el.updateComplete;
        const confirmed = oneEvent(el, 'book-reschedule-confirm');
        $<HTMLButtonElement>(el, 'button.primary').click();
        expect((await confirmed).detail).to.deep.equal(slots[0]);
        expect(staffAsked(server)).to.deep.equal(['mia']);
      } finally {
        server.restore();
      }
    });
  });

  it('asks for no member before teams (a booking without staff)', async () => {
    const server = teamServer(undefined);
    try {
      const el = await fixture<BookReschedule>(
        html`<book-reschedule provider="studio" service="1" booked=${booked} time-zone="UTC"></book-reschedule>`,
      );
      await until(() => !!$(el, 'book-times').shadowRoot?.querySelector('li button'), 'the times');
      expect(text($(el, 'h3'))).to.equal('Choose a new time');
      expect(staffAsked(server)).to.deep.equal([null]);
      expect(server.sent.some((s) => !s.path.includes('/slots?'))).to.equal(false);
      expect($$(el, '.others')).to.have.length(0);
    } finally {
      server.restore();
    }
  });
});
