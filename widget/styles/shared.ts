import { css } from 'lit';

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
