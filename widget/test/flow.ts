/** Helpers that drive a `<book-services>` through its steps the way a customer would, by clicking. */
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { BookCalendar } from '../book-calendar/book-calendar.js';
import type { BookServices } from '../book-services/book-services.js';
import '../book-services/book-services.js';
import { addMonths, localDate } from '../lib/dates.js';
import { type TestProvider, text, waitFor } from './fixtures.js';

export const shadow = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
export const heading = (el: BookServices) => text(shadow(el, 'h2'));
export const notice = (el: BookServices) => text(shadow(el, '[part=notice]'));
export const inner = (el: BookServices, tag: string) => shadow(el, tag)?.shadowRoot ?? null;

export async function mount(
  provider: Pick<TestProvider, 'slug' | 'api'>,
  attrs: { service?: number; locale?: string; timeZone?: string; theme?: string; staff?: string } = {},
): Promise<BookServices> {
  const el = await fixture<BookServices>(html`<book-services
    provider=${provider.slug}
    api=${provider.api}
    service=${attrs.service ?? ''}
    staff=${attrs.staff ?? ''}
    locale=${attrs.locale ?? 'en-US'}
    time-zone=${attrs.timeZone ?? 'Asia/Tokyo'}
    theme=${attrs.theme ?? 'light'}
  ></book-services>`);
  await waitFor(() => !shadow(el, '[part=loading]') && heading(el) !== 'Loading…', 'widget did not load');
  return el;
}

export async function waitForHeading(el: BookServices, title: string): Promise<void> {
  await waitFor(() => heading(el) === title, `heading stayed "${heading(el)}", wanted "${title}"`);
}

/** Waits until the calendar shows a loaded month. */
export async function calendarReady(el: BookServices) {
  await el.updateComplete; // a month change just clicked must reach the calendar as `loading` first
  await waitFor(() => {
    const cal = shadow(el, 'book-calendar') as (HTMLElement & { loading: boolean }) | null;
    return cal && !cal.loading && !shadow(el, '[part=loading]');
  }, 'calendar did not load');
  return inner(el, 'book-calendar')!;
}

/** The day whose times are shown (the calendar and the times share a step). */
export const shownDay = (el: BookServices) => shadow(el, 'book-times')?.getAttribute('date') ?? '';

/** From the service list (if shown) to the times of the 10th of next month: always a full, free day. */
export async function openTimes(el: BookServices, serviceIndex = 0): Promise<string> {
  const services = inner(el, 'book-service-list');
  if (services) services.querySelectorAll<HTMLButtonElement>('button')[serviceIndex]!.click();
  const cal = await calendarReady(el);
  cal.querySelector<HTMLButtonElement>('[aria-label="Next month"]')!.click();
  const { month } = shadow(el, 'book-calendar') as BookCalendar;
  await calendarReady(el);
  const date = `${month}-10`;
  const day = () => inner(el, 'book-calendar')!.querySelector<HTMLButtonElement>(`[data-date="${date}"]`)!;
  await waitFor(() => day().classList.contains('free'), `${date} is not free`);
  day().click();
  await waitFor(() => shownDay(el) === date && inner(el, 'book-times')?.querySelector('li button'), 'no times shown');
  return date;
}

export const times = (el: BookServices) =>
  [...(inner(el, 'book-times')?.querySelectorAll('li button') ?? [])].map(text);

export async function fillDetails(
  el: BookServices,
  values: Record<string, string> = { name: 'Ada Lovelace', email: 'ada@example.com' },
) {
  const form = inner(el, 'book-details')!;
  for (const [id, value] of Object.entries(values)) {
    const input = form.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  form.querySelector<HTMLButtonElement>('button.primary')!.click();
}

/** The month after today's in a zone (the widget's), for tests that need to know which month comes next. */
export const nextMonth = (timeZone = 'UTC'): string => addMonths(localDate(Date.now(), timeZone).slice(0, 7), 1);
