import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  ul {
    display: grid;
    gap: 0.5rem;
  }
  button {
    width: 100%;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15rem 1rem;
    text-align: start;
    padding: 0.75rem 1rem;
  }
  button:hover,
  button[aria-pressed='true'] {
    border-color: var(--book-accent);
    background: var(--book-accent-soft);
  }
  .name {
    font-weight: 600;
  }
  .price {
    font-weight: 600;
    text-align: end;
  }
  .meta {
    color: var(--book-muted);
    font-size: 0.9em;
    grid-column: 1 / -1;
  }
`;
