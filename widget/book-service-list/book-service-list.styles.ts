import { css } from 'lit';

export const styles = css`
  button {
    grid-template-columns: 1fr auto;
    gap: 0.15rem 1rem;
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
