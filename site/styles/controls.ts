import { css } from 'lit';

/**
 * Buttons, button-styled links and form controls, written once for the whole site: components adopt it in their
 * shadow roots (`siteBase`), and pages get the same rules as `virtual:book-controls.css` (see vite.config.ts).
 * Page CSS that styles a bare `<button>` differently (the header's sign-out) overrides it with a more specific rule.
 */
export const controls = css`
  button,
  .button {
    min-height: 2.75rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    text-decoration: none;
    color: var(--book-fg);
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    background: var(--book-bg);
    padding: 0.5em 0.9em;
    font: inherit;
    cursor: pointer;
  }
  .primary,
  a.button.primary {
    background: var(--book-accent);
    border-color: var(--book-accent);
    color: var(--book-accent-fg);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--book-bg);
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    padding: 0.5rem 0.65rem;
    min-height: 2.75rem;
    width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    accent-color: var(--book-accent);
    margin: 0;
  }
  input[type='color'] {
    padding: 0.2rem;
    width: 4rem;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
`;
