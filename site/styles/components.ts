import { css } from 'lit';
import { base } from '../../widget/styles/shared.js';
import { controls } from './controls.js';

/**
 * What every site component adopts: the widget's base (type, buttons, focus ring, `.sr-only`), the site's
 * controls (shared with the pages) plus fields, panels, badges and tables, all from the shared `--book-*` tokens
 * the page defines on `:root`.
 */
export const siteBase = [
  base,
  controls,
  css`
    :host {
      display: block;
    }
    h2,
    h3 {
      line-height: 1.25;
      margin: 0 0 0.5rem;
    }
    h2 {
      font-size: 1.3rem;
    }
    h3 {
      font-size: 1.05rem;
    }
    p {
      margin: 0 0 0.75rem;
    }
    .danger {
      color: var(--book-danger);
      border-color: var(--book-danger);
    }
    .link {
      min-height: auto;
      border: 0;
      background: none;
      padding: 0.25em 0;
      color: var(--book-accent);
      text-decoration: underline;
    }
    .field {
      display: grid;
      gap: 0.3rem;
      margin-bottom: 0.9rem;
    }
    .hint {
      font-size: 0.85rem;
      color: var(--book-muted);
      font-weight: 400;
    }
    .error {
      color: var(--book-danger);
      font-size: 0.9rem;
      margin: 0;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 400;
      min-height: 2.75rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .grid2 {
      display: grid;
      gap: 0 1rem;
    }
    @media (min-width: 40rem) {
      .grid2 {
        grid-template-columns: 1fr 1fr;
      }
    }
    .panel {
      border: 1px solid var(--book-surface);
      border-radius: var(--book-radius);
      padding: 1rem;
      background: var(--book-bg);
      margin-bottom: 1rem;
    }
    .muted {
      color: var(--book-muted);
    }
    .notice {
      padding: 0.75rem 1rem;
      border-radius: var(--book-radius);
      background: var(--book-accent-soft);
      margin: 0 0 1rem;
    }
    .notice:empty {
      display: none;
    }
    .notice.bad {
      background: transparent;
      border: 2px solid var(--book-danger);
      color: var(--book-danger);
    }
    .badge {
      display: inline-block;
      font-size: 0.8rem;
      font-weight: 600;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      white-space: nowrap;
    }
    .badge.confirmed {
      color: var(--book-accent);
    }
    .badge.completed {
      color: var(--book-success);
    }
    .badge.cancelled {
      color: var(--book-muted);
    }
    .badge.no_show,
    .badge.failed {
      color: var(--book-danger);
    }
    .badge.sent {
      color: var(--book-success);
    }
    .badge.pending,
    .badge.sending,
    .badge.kept,
    .badge.series {
      color: var(--book-muted);
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid var(--book-surface);
      vertical-align: top;
    }
    /* A list of panels (reviews, services), one column. */
    .panels {
      display: grid;
      gap: 0.75rem;
    }
    /* A list of bordered entries (closures, emails), one column. */
    .cards {
      display: grid;
      gap: 0.5rem;
    }
    .card {
      border: 1px solid var(--book-surface);
      border-radius: var(--book-radius);
    }
    .stack > * + * {
      margin-top: 0.75rem;
    }
    .loading {
      color: var(--book-muted);
      min-height: 6rem;
    }
  `,
];

/** A plain group of choices (`<fieldset>` with its `<legend>` as a label), for components that have one. */
export const fieldsets = css`
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 0.75rem;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
`;

/**
 * A list of entries with their buttons beside them, wrapping below on a phone, and a one-line form whose fields wrap
 * (closures, API keys).
 */
export const entryList = css`
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0 0.75rem;
  }
  form .field {
    flex: 1 1 9rem;
  }
`;

/** A list of terms and their details side by side (a booking's or an offer's "When", "With"…). */
export const termList = css`
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.35rem 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
`;
