/**
 * Registers a custom element unless the name is taken, so two copies of the script on one page (say, a theme
 * and a plugin both embedding the widget) do not throw.
 */
export const define = (name: string, element: CustomElementConstructor): void => {
  if (!customElements.get(name)) customElements.define(name, element);
};

/** Dispatches a component-internal event: it bubbles inside the widget's shadow root but never reaches the page. */
export const emit = <T>(from: HTMLElement, type: string, detail?: T): boolean =>
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, cancelable: true }));
