/** Small helpers for the site's component tests. */
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

/** Answers the component's calls with `reply`, recording what it sent. */
export function fakeServer(reply: (path: string) => Response): {
  sent: { path: string; body: unknown }[];
  restore: () => void;
} {
  const sent: { path: string; body: unknown }[] = [];
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    sent.push({ path: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return reply(String(input));
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
