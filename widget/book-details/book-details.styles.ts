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
  /*
   * On a phone the form is taller than the screen: the button stays at the bottom edge in reach (sticky to the
   * viewport while the form is on it), on a bar so the fields scrolling under it do not show through.
   */
  .actions {
    position: sticky;
    bottom: 0;
    background: var(--book-bg);
    padding: 0.5rem 0;
    margin-bottom: -0.5rem;
  }
  .primary {
    padding: 0.7em 1.4em;
  }
  .primary[aria-disabled='true'] {
    opacity: 0.7;
  }
`;
