/** Small helpers for the site's component tests. */
import type { AdminAppointment } from '../api/types.js';

export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const $ = <T extends Element = HTMLElement>(host: Element, selector: string): T => {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
};

export const $$ = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [
  ...host.shadowRoot!.querySelectorAll<T>(selector),
];

/** Changes a form control the way a person does: value, then the events components listen to. */
export function choose(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Puts a file in a file input the way a person picking one does. */
export function pickFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Answers the page's `fetch` calls with `reply`, recording what was sent. */
export function fakeServer(reply: (path: string, init?: RequestInit) => Response): {
  sent: { path: string; body: unknown }[];
  restore: () => void;
} {
  const sent: { path: string; body: unknown }[] = [];
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    // JSON as its value; a form (an upload) as the FormData itself.
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : (init?.body ?? undefined);
    sent.push({ path: String(input), body });
    return reply(String(input), init);
  };
  return { sent, restore: () => (window.fetch = realFetch) };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Resolves once `condition` holds, checked every frame (a component's data arrives over a faked fetch). */
export async function until(condition: () => boolean, what = 'the condition'): Promise<void> {
  for (let frame = 0; !condition(); frame++) {
    if (frame > 600) throw new Error(`gave up waiting for ${what}`);
    await new Promise(requestAnimationFrame);
  }
}

/** An owner's appointment as the admin API answers it (Ada with a Berlin business), for component tests. */
export function sampleAppointment(
  start: string,
  end: string,
  overrides: Partial<AdminAppointment> = {},
): AdminAppointment {
  return {
    id: 1,
    status: 'confirmed',
    start,
    end,
    sequence: 0,
    note: '',
    customerName: 'Ada L',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: null, timeZone: null },
    service: { id: 1, name: 'Haircut', durationMinutes: 60 },
    provider: { slug: 's', name: 'S', address: '', timeZone: 'Europe/Berlin' },
    cancelledBy: null,
    createdAt: start,
    updatedAt: start,
    ...overrides,
  };
}
