import { css } from 'lit';

export const styles = css`
  ol.steps {
    list-style: none;
    display: flex;
    gap: 0.5rem;
    padding: 0;
    margin: 0 0 1.25rem;
    counter-reset: step;
    flex-wrap: wrap;
  }
  ol.steps li {
    counter-increment: step;
    display: flex;
    align-items: center;
    gap: 0.4rem;
    color: var(--book-muted);
    font-size: 0.9rem;
  }
  ol.steps li::before {
    content: counter(step);
    display: inline-grid;
    place-items: center;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 50%;
    border: 1px solid var(--book-border);
  }
  ol.steps li[aria-current='step'] {
    color: var(--book-fg);
    font-weight: 600;
  }
  ol.steps li[aria-current='step']::before,
  ol.steps li.done::before {
    background: var(--book-accent);
    border-color: var(--book-accent);
    color: var(--book-accent-fg);
  }
  ol.steps li.done::before {
    content: '✓';
  }
  .done-links dd {
    margin: 0 0 1rem;
  }
  .done-links dt {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  code,
  pre {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.85rem;
  }
  pre {
    background: var(--book-surface);
    padding: 0.75rem;
    border-radius: var(--book-radius);
    overflow-x: auto;
    white-space: pre-wrap;
    word-break: break-all;
  }
  .link-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .link-row a {
    word-break: break-all;
  }
`;
