import { css } from 'lit';

export const styles = css`
  .nav {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .nav h3 {
    margin: 0 auto 0 0;
  }
  table {
    table-layout: fixed;
  }
  th {
    text-align: center;
    font-size: 0.8rem;
    color: var(--book-muted);
    padding: 0.25rem 0;
    border: 0;
  }
  td {
    padding: 2px;
    border: 0;
  }
  td button {
    width: 100%;
    min-height: 3.25rem;
    padding: 0.2rem;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.1rem;
    font-variant-numeric: tabular-nums;
    border-color: var(--book-surface);
  }
  td button .mark {
    font-size: 0.68rem;
    line-height: 1.1;
  }
  td button.closed {
    background: var(--book-surface);
    color: var(--book-danger);
    border-color: var(--book-danger);
  }
  td button.special {
    background: var(--book-accent-soft);
    border-color: var(--book-accent);
  }
  td button[aria-pressed='true'] {
    outline: 3px solid var(--book-accent);
    outline-offset: -1px;
  }
  td button:disabled {
    opacity: 0.45;
  }
  td button.off:not(.closed):not(.special) {
    color: var(--book-muted);
  }
  .editor {
    margin-top: 1rem;
  }
  .interval {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin-bottom: 0.5rem;
  }
  .interval select {
    width: auto;
  }
  .legend {
    display: flex;
    gap: 1rem;
    flex-wrap: wrap;
    font-size: 0.85rem;
    color: var(--book-muted);
    margin-top: 0.5rem;
  }
`;
