import { css } from 'lit';

export const styles = css`
  .day {
    border-bottom: 1px solid var(--book-surface);
    padding: 0.75rem 0;
    display: grid;
    gap: 0.5rem;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  .head .name {
    font-weight: 600;
    min-width: 7rem;
  }
  .closed {
    color: var(--book-muted);
  }
  .interval {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .interval select {
    width: auto;
    min-width: 6.5rem;
  }
  .copy {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.75rem;
    background: var(--book-surface);
    border-radius: var(--book-radius);
    align-items: center;
  }
  .actions {
    margin-top: 1rem;
  }
  @media (min-width: 48rem) {
    .day {
      grid-template-columns: 12rem 1fr;
      align-items: start;
    }
    .copy {
      grid-column: 2;
    }
  }
`;
