/**
 * A tiny client router for the signed-in areas: the server answers every known path (`routes.ts`) with the same
 * shell, the shell shows the view for `location.pathname`. Links inside the area navigate without a reload.
 */
import type { LitElement, ReactiveController } from 'lit';

export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/**
 * Turns clicks on same-area links (also inside shadow roots) into client navigation. Modified clicks, downloads
 * and new-tab links behave as usual.
 */
export function interceptLinks(host: HTMLElement, prefix: string): void {
  host.addEventListener('click', (event) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin) return;
    if (!anchor.pathname.startsWith(prefix)) return;
    event.preventDefault();
    if (anchor.pathname + anchor.search !== location.pathname + location.search)
      navigate(anchor.pathname + anchor.search);
  });
}

/**
 * The client routing of one signed-in area (`/account`, `/admin`) for its app element: the current path, link
 * interception, back/forward, and focus on the view's heading after a move so screen readers hear the new page.
 * `beforeMove` may redirect (it returns false after calling `navigate`) or reset view state.
 */
export class AreaRouter implements ReactiveController {
  path = location.pathname;
  private moved = false;

  constructor(
    private readonly host: LitElement,
    prefix: string,
    // biome-ignore lint/suspicious/noConfusingVoidType: a callback that only resets state returns nothing at all
    private readonly beforeMove?: (path: string) => boolean | void,
  ) {
    host.addController(this);
    interceptLinks(host, prefix);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  hostUpdated(): void {
    if (!this.moved) return;
    this.moved = false;
    this.host.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private handlePopState = (): void => {
    if (this.beforeMove?.(location.pathname) === false) return;
    this.path = location.pathname;
    this.moved = true;
    this.host.requestUpdate();
  };
}
