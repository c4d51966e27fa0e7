import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .zone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-bottom: 0.75rem;
  }
  label {
    font-weight: 600;
  }
  select {
    flex: 1;
    min-width: 12rem;
    max-width: 100%;
    padding: 0.4em;
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    background: var(--book-bg);
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.5rem;
  }
  h4 {
    font-size: 0.9em;
    font-weight: 600;
    color: var(--book-muted);
    margin: 0.75rem 0 0.35rem;
  }
  h3 + .part h4 {
    margin-top: 0;
  }
  ul {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
    gap: 0.5rem;
  }
  li button {
    width: 100%;
    border-color: var(--book-accent);
    color: var(--book-accent);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  li button:hover,
  li button[aria-pressed='true'] {
    background: var(--book-accent);
    color: var(--book-accent-fg);
  }
  .places {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
  }
  p {
    color: var(--book-muted);
  }
`;
