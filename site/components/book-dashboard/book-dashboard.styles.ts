import { css } from 'lit';

export const styles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    margin-bottom: 1rem;
  }
  .toolbar .field {
    margin: 0;
    min-width: 9rem;
    flex: 1 1 9rem;
  }
  .toggle {
    display: inline-flex;
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    overflow: hidden;
  }
  .toggle button {
    border: 0;
    border-radius: 0;
  }
  .toggle button[aria-pressed='true'] {
    background: var(--book-accent);
    color: var(--book-accent-fg);
  }
  .stats {
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  .stat {
    background: var(--book-surface);
    border-radius: var(--book-radius);
    padding: 0.6rem 0.75rem;
  }
  .stat strong {
    display: block;
    font-size: 1.5rem;
  }
  section {
    margin-bottom: 1.5rem;
  }
  h3.day {
    font-size: 0.95rem;
    color: var(--book-muted);
    margin: 1rem 0 0.4rem;
  }
  ul.appointments {
    display: grid;
    gap: 0.5rem;
  }
  .appt {
    display: grid;
    grid-template-columns: 6.5rem 1fr auto;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.65rem 0.75rem;
    border: 1px solid var(--book-surface);
    border-radius: var(--book-radius);
    color: var(--book-fg);
    text-decoration: none;
    min-height: 3.5rem;
  }
  .appt:hover {
    border-color: var(--book-border);
  }
  .appt .time {
    white-space: nowrap;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .appt .who {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* A series' badge goes under the status, so a phone's narrow row keeps its width for the name. */
  .appt .badges {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.25rem;
  }
  .week-nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-bottom: 0.75rem;
  }
  .week-nav strong {
    margin: 0 0.5rem;
  }
  .empty {
    color: var(--book-muted);
    padding: 0.75rem;
    background: var(--book-surface);
    border-radius: var(--book-radius);
  }
  .actions {
    margin-bottom: 1rem;
  }
`;
