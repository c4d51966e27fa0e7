import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  h3 {
    margin: 0;
    font-size: 1em;
    text-transform: capitalize;
  }
  .nav {
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    font-size: 1.25em;
  }
  .nav:disabled {
    opacity: 0.45;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  th {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--book-muted);
    padding: 0.25rem 0;
  }
  td {
    padding: 2px;
    text-align: center;
  }
  td button {
    width: 100%;
    aspect-ratio: 1;
    max-height: 2.75rem;
    padding: 0;
    border-color: transparent;
    background: none;
    color: var(--book-muted);
  }
  td button.free {
    background: var(--book-accent-soft);
    color: var(--book-fg);
    font-weight: 700;
  }
  td button.free:hover {
    border-color: var(--book-accent);
  }
  td button[aria-current='date'] {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  /* The current booking, when rescheduling: a ring that still shows on the selected day's fill. */
  td button.booked {
    box-shadow: inset 0 0 0 2px currentColor;
  }
  td[aria-selected='true'] button {
    background: var(--book-accent);
    color: var(--book-accent-fg);
  }
  [aria-busy='true'] tbody {
    opacity: 0.6;
  }
`;
