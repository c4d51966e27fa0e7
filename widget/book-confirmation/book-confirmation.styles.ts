import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .ok {
    color: var(--book-success);
    font-weight: 600;
    margin: 0 0 0.75rem;
  }
  .sent {
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    color: var(--book-muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.5rem;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
  .links a {
    display: inline-block;
    padding: 0.5em 0.9em;
    border: 1px solid var(--book-accent);
    border-radius: var(--book-radius);
    text-decoration: none;
    font-weight: 600;
  }
  .links a:hover {
    background: var(--book-accent-soft);
  }
  .manage {
    display: block;
    margin-bottom: 0.5rem;
  }
`;
