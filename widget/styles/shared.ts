import { css, unsafeCSS } from 'lit';

/**
 * The focus ring, screen-reader-only text, and invalid fields marked by more than colour (a thicker border); the
 * hosted site's pages use them too (site/vite.config.ts).
 */
export const accessibility = css`
  :focus-visible {
    outline: 3px solid var(--book-focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  [aria-invalid='true'] {
    border-color: var(--book-danger);
    border-width: 2px;
  }
`;

/** Base rules every widget component adopts: type, buttons, focus ring, screen-reader-only text. */
export const base = css`
  :host {
    font-family: var(--book-font);
    color: var(--book-fg);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    background: var(--book-bg);
    padding: 0.5em 0.9em;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: default;
  }
  .primary {
    background: var(--book-accent);
    border-color: var(--book-accent);
    color: var(--book-accent-fg);
    font-weight: 600;
  }
  .link {
    border: 0;
    background: none;
    padding: 0.25em 0;
    color: var(--book-accent);
    text-decoration: underline;
  }
  ${accessibility}
  a {
    color: var(--book-accent);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.15s, border-color 0.15s, color 0.15s;
    }
  }
`;

/**
 * `selector`'s children stacked, then side by side in `columns` (a grid template) once `condition` holds, e.g.
 * `@media (min-width: 64rem)` or `@container (min-width: 34rem)`: one way to lay out a two-part component.
 * `gap` is the stacked gap, `sideGap` the side-by-side one. Arguments are trusted literals, never user input.
 */
export const sideBySide = (selector: string, condition: string, columns: string, gap = '1.5rem', sideGap = gap) => css`
  ${unsafeCSS(selector)} {
    display: grid;
    gap: ${unsafeCSS(gap)};
  }
  ${unsafeCSS(condition)} {
    ${unsafeCSS(selector)} {
      grid-template-columns: ${unsafeCSS(columns)};
      gap: ${unsafeCSS(sideGap)};
      align-items: start;
    }
  }
`;

/** A list of choices, one full-width button each (services, team members); the chosen one is tinted. */
export const choiceList = css`
  :host {
    display: block;
  }
  ul {
    display: grid;
    gap: 0.5rem;
  }
  ul button {
    width: 100%;
    display: grid;
    text-align: start;
    padding: 0.75rem 1rem;
  }
  ul button:hover,
  ul button[aria-pressed='true'] {
    border-color: var(--book-accent);
    background: var(--book-accent-soft);
  }
`;
