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
