import { css } from 'lit';

export const styles = css`
  /* One column on phones; minmax(0, …) keeps wide content (a table, a long address) from widening the page. */
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  /* On phones every section is one tap away: the links wrap rather than scroll sideways out of sight. */
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding-bottom: 0.25rem;
    border-bottom: 1px solid var(--book-surface);
  }
  nav a {
    display: flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.4rem 0.6rem;
    border-radius: var(--book-radius);
    color: var(--book-fg);
    text-decoration: none;
    white-space: nowrap;
  }
  nav a[aria-current='page'] {
    background: var(--book-accent-soft);
    color: var(--book-fg);
    font-weight: 600;
  }
  nav a:hover {
    background: var(--book-surface);
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  h1 {
    font-size: 1.6rem;
    margin: 0;
  }
  h1:focus {
    outline: none;
  }
  .view {
    min-width: 0;
  }
  /* The onboarding wizard: no navigation yet, one readable column. */
  .layout.solo {
    max-width: 46rem;
  }
  @media (min-width: 60rem) {
    .layout:not(.solo) {
      grid-template-columns: 13rem minmax(0, 1fr);
      gap: 2rem;
    }
    nav ul {
      flex-direction: column;
      flex-wrap: nowrap;
      border-bottom: 0;
      position: sticky;
      top: 1rem;
    }
  }
`;
