/** Dispatches one of the site's events: they bubble and cross shadow roots, so a page can listen on the document. */
export function emit(from: EventTarget, type: string, detail?: unknown): boolean {
  return from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
