import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    gap: 0.85rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  input,
  textarea {
    width: 100%;
    padding: 0.55em 0.7em;
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    background: var(--book-bg);
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  .error {
    color: var(--book-danger);
    font-size: 0.9em;
    margin: 0.25rem 0 0;
  }
  .primary {
    justify-self: start;
    padding: 0.7em 1.4em;
  }
  .primary[aria-disabled='true'] {
    opacity: 0.7;
  }
`;
