import { css } from 'lit';

export const styles = css`
  section + section {
    margin-top: 1.75rem;
  }
  ul.list {
    display: grid;
    gap: 0.75rem;
  }
  .appt {
    border: 1px solid var(--book-surface);
    border-radius: var(--book-radius);
    padding: 0.9rem 1rem;
  }
  .appt.cancelled .when {
    text-decoration: line-through;
    color: var(--book-muted);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .head h3 {
    margin: 0;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .when {
    font-weight: 600;
    margin: 0.25rem 0;
  }
  .when .zone {
    font-weight: 400;
    color: var(--book-muted);
    white-space: nowrap;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  .review,
  .waitlist {
    margin-top: 0.6rem;
    padding-top: 0.6rem;
    border-top: 1px solid var(--book-surface);
  }
  .review .body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .reply {
    border-left: 3px solid var(--book-accent-soft);
    padding-left: 0.75rem;
    white-space: pre-line;
  }
  .confirm {
    margin-top: 0.6rem;
  }
  .empty {
    padding: 1rem;
    background: var(--book-surface);
    border-radius: var(--book-radius);
  }
`;
