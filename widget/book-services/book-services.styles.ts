import { css } from 'lit';

/** Nothing the page sets on an ancestor (text-transform, letter-spacing, …) is inherited into the widget. */
export const reset = css`
  :host {
    all: initial;
  }
`;

export const styles = css`
  :host {
    display: block;
    max-width: 48rem;
    background: var(--book-bg);
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
  }
  /*
   * The widget's typography starts at this inner box, not at :host. A page rule that matches the element itself
   * (\`* { font: 22px serif; letter-spacing: 2px }\`) outranks every :host rule on it, and the host hands what it got
   * on by inheritance; this box is inside the shadow tree, where page rules cannot reach.
   */
  section {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--book-font);
    color: var(--book-fg);
    line-height: 1.45;
    padding: 1rem 1.25rem 1.25rem;
    /* Side by side or stacked by the widget's own width, not the page's: an embed may sit in a narrow column. */
    container-type: inline-size;
  }
  .pick {
    display: grid;
    gap: 1rem;
  }
  @container (min-width: 34rem) {
    .pick {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 1.5rem;
      align-items: start;
    }
  }
  header {
    border-bottom: 1px solid var(--book-surface);
    padding-bottom: 0.5rem;
    margin-bottom: 0.75rem;
  }
  header p {
    margin: 0;
  }
  .provider {
    font-weight: 700;
  }
  .summary {
    color: var(--book-muted);
    font-size: 0.9em;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--book-focus);
  }
  .notice:not(:empty) {
    border-inline-start: 4px solid var(--book-danger);
    background: var(--book-surface);
    padding: 0.6rem 0.8rem;
    margin-bottom: 0.75rem;
    border-radius: var(--book-radius);
  }
  .status {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    color: var(--book-muted);
    margin: 0.75rem 0 0;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: spin 0.8s linear infinite;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
