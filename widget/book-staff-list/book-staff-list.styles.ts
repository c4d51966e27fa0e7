import { css } from 'lit';

export const styles = css`
  button {
    grid-template-columns: auto minmax(0, 1fr);
    align-items: center;
    gap: 0 0.75rem;
  }
  .avatar {
    grid-row: span 2;
    width: var(--book-avatar-size, 2.75rem);
    height: var(--book-avatar-size, 2.75rem);
    border-radius: 50%;
    object-fit: cover;
    display: grid;
    place-items: center;
    background: var(--book-surface);
    color: var(--book-fg);
    font-weight: 600;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .bio {
    color: var(--book-muted);
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
`;
