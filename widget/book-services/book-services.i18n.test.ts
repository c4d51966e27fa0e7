import { expect, oneEvent } from '@open-wc/testing';
import { addDays } from '../lib/dates.js';
import { createProvider, type TestProvider, text, waitFor } from '../test/fixtures.js';
import {
  calendarReady,
  heading,
  inner,
  mount,
  nextMonth,
  openTimes,
  shadow,
  times,
  waitForHeading,
} from '../test/flow.js';

// The provider is in Tokyo, open 09:00–17:00 every day; Tokyo, Kolkata, Honolulu and UTC have no DST, so the
// expected local times below hold all year.
describe('book-services locale and time zone', () => {
  let provider: TestProvider;

  before(async () => {
    provider = await createProvider();
  });

  describe('when locale is de', () => {
    it('speaks German and formats prices, months and times the German way', async () => {
      const el = await mount(provider, { locale: 'de' });
      expect(heading(el)).to.equal('Leistung wählen');
      expect(text(inner(el, 'book-service-list')!.querySelector('button'))).to.equal('Haircut 50,00 € 60 Min.');
      inner(el, 'book-service-list')!.querySelector('button')!.click();
      await waitForHeading(el, 'Uhrzeit wählen');
      expect(text(shadow(el, '[role=status]'))).to.equal('Schritt 2 von 3: Uhrzeit wählen');
      const cal = await calendarReady(el);
      const month = new Date(`${nextMonth('Asia/Tokyo')}-01T00:00:00Z`).toLocaleDateString('de', {
        timeZone: 'UTC',
        month: 'long',
        year: 'numeric',
      });
      cal.querySelector<HTMLButtonElement>('[aria-label="Nächster Monat"]')!.click();
      await calendarReady(el);
      expect(text(cal.querySelector('h3'))).to.equal(month);
      expect([...cal.querySelectorAll('th')].map(text)).to.deep.equal(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
      cal.querySelector<HTMLButtonElement>(`[data-date="${nextMonth('Asia/Tokyo')}-10"]`)!.click();
      await waitFor(() => shadow(el, 'book-times')?.getAttribute('date')?.endsWith('-10'), 'the 10th was not shown');
      await el.updateComplete;
      expect(times(el).slice(0, 3)).to.deep.equal(['09:00', '09:30', '10:00']);
      const parts = [...inner(el, 'book-times')!.querySelectorAll('h4')].map(text);
      expect(parts).to.deep.equal(['Vormittag', 'Nachmittag']);
      expect(text(shadow(el, '[part=back]'))).to.equal('← Zurück');
      await expect(el).to.be.accessible();
    });
  });

  it('falls back to English for a language without a catalog', async () => {
    const el = await mount(provider, { locale: 'fr-FR' });
    expect(heading(el)).to.equal('Choose a service');
    expect(text(inner(el, 'book-service-list')!.querySelector('.price'))).to.equal('€50.00');
  });

  describe('when time-zone is set', () => {
    it('shows times in that zone', async () => {
      const el = await mount(provider, { timeZone: 'Asia/Kolkata' });
      await openTimes(el);
      expect(times(el)[0]).to.equal('5:30 AM');
      expect(times(el).at(-1)).to.equal('12:30 PM');
    });

    it('groups slots by the customer’s local date, even when it differs from the provider’s', async () => {
      const el = await mount(provider, { timeZone: 'Pacific/Honolulu' });
      const date = await openTimes(el);
      // 09:00 in Tokyo on the 11th is 14:00 in Honolulu on the 10th.
      expect(times(el)[0]).to.equal('2:00 PM');
      expect(times(el).at(-1)).to.equal('9:00 PM');
      const selected = oneEvent(el, 'book-slot-selected');
      inner(el, 'book-times')!.querySelector<HTMLButtonElement>('li button')!.click();
      expect((await selected).detail.start).to.equal(`${addDays(date, 1)}T00:00:00.000Z`);
    });

    it('switches zones with the visible zone switcher and refetches the month for that zone', async () => {
      const el = await mount(provider, { timeZone: 'Asia/Kolkata' });
      await openTimes(el);
      const select = inner(el, 'book-times')!.querySelector('select')!;
      expect([...select.options].slice(0, 3).map((o) => o.value))
        .to.include('Asia/Kolkata')
        .and.include('Asia/Tokyo');
      expect(select.selectedOptions[0]!.textContent).to.equal('Asia/Kolkata (GMT+5:30)');
      select.value = 'UTC';
      select.dispatchEvent(new Event('change'));
      await waitFor(() => times(el)[0] === '12:00 AM', `times stayed ${times(el)[0]}`);
      expect(times(el)).to.have.length(15);
      expect(inner(el, 'book-times')!.querySelector('select')!.value).to.equal('UTC');
    });
  });

  it('falls back to the browser’s zone for an unknown time-zone', async () => {
    const el = await mount(provider, { timeZone: 'Mars/Olympus_Mons' });
    await openTimes(el);
    expect(inner(el, 'book-times')!.querySelector('select')!.value).to.equal(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
  });
});
