import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Profile } from '../../api/types.js';
import { $$, text } from '../../test/helpers.js';
import { defaultService } from '../book-service-form/book-service-form.js';
import './book-onboarding.js';
import type { BookOnboarding } from './book-onboarding.js';

const profile: Profile = {
  slug: 'salon-mira',
  name: 'Salon Mira',
  category: 'Hair salon',
  description: '',
  city: 'Berlin',
  address: '',
  phone: '+49 30 1234',
  timeZone: 'Europe/Berlin',
  bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
};

/** Answers the admin API like the server would, and remembers what was sent. */
function fakeApi() {
  const sent: { method: string; path: string; body: any }[] = [];
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const path = new URL(String(input), location.href).pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method: init?.method ?? 'GET', path, body });
    const answer =
      path === '/api/admin/profile'
        ? { profile: { ...body, policy: body.policy ?? { cutoffHours: 0, text: '' } } }
        : {};
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { sent, restore: () => (window.fetch = realFetch) };
}

const headingOf = (el: BookOnboarding) => text(el.shadowRoot!.querySelector('h2'));
const reach = (el: BookOnboarding, heading: string) =>
  waitUntil(() => headingOf(el) === heading, `stayed at "${headingOf(el)}"`, { timeout: 5000 });
const inner = (el: BookOnboarding, tag: string) => el.shadowRoot!.querySelector(tag)!;
const fire = (target: Element, type: string, detail: unknown) =>
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

describe('book-onboarding', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi();
  });
  afterEach(() => api.restore());

  it('asks the booking rules and the cancellation policy on one screen, with defaults, before the end', async () => {
    const el = await fixture<BookOnboarding>(html`<book-onboarding origin="https://book.test"></book-onboarding>`);
    expect($$(el, '[part=steps] li').map(text)).to.deep.equal([
      'Profile',
      'First service',
      'Weekly hours',
      'Booking rules',
      'Done',
    ]);
    fire(inner(el, 'book-profile-form'), 'book-profile-submit', profile);
    await reach(el, 'Add your first service');
    fire(inner(el, 'book-service-form'), 'book-service-submit', { ...defaultService(), name: 'Cut' });
    await reach(el, 'When are you open?');
    fire(inner(el, 'book-week-editor'), 'book-week-submit', []);
    await reach(el, 'How customers book and cancel');

    const rules = inner(el, 'book-rules-form');
    const field = (id: string) => rules.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;
    expect([field('notice').value, field('notice-unit').value]).to.deep.equal(['1', 'hours']);
    expect([field('cutoff').value, field('cutoff-unit').value]).to.deep.equal(['1', 'days']);
    expect(field('maxDaysAhead').value).to.equal('60');
    await expect(el).to.be.accessible();

    rules.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await reach(el, "You're ready to take bookings");
    const saved = api.sent.filter((r) => r.method === 'PUT' && r.path === '/api/admin/profile').at(-1)!;
    expect(saved.body).to.deep.include({
      slug: 'salon-mira',
      bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30 },
      policy: { cutoffHours: 24, text: '' },
    });
  });
});
