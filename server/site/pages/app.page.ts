import { html } from 'hono/html';
import type { Html } from './layout.js';

/**
 * Pages that are applications (sign-in, account, admin, manage link): the server renders the heading and a
 * placeholder of the element's size, the element renders the rest from the page data and the API.
 */
export function appPage(options: { heading: string; element: Html; narrow?: boolean; lead?: string }): Html {
  // Wide app pages render their own heading, which changes as the person moves around inside them.
  return html`<div class="app-page${options.narrow ? ' narrow' : ''}">
    ${options.narrow ? html`<h1>${options.heading}</h1>` : ''}
    ${options.lead ? html`<p class="muted">${options.lead}</p>` : ''} ${options.element}
    <noscript><p class="notice">This part of the site needs JavaScript.</p></noscript>
  </div>`;
}

export function notFoundPage(what: string): Html {
  return html`<div class="empty">
    <h1>${what} not found</h1>
    <p>The link may be mistyped, or the page has moved.</p>
    <a class="button primary" href="/">Go to the directory</a>
  </div>`;
}
