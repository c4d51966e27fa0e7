import { css } from 'lit';

export const styles = css`
  form {
    border: 1px solid var(--book-surface);
    border-radius: var(--book-radius);
    padding: 1.25rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.25rem;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.35rem;
  }
  .choice {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--book-border);
    border-radius: var(--book-radius);
    font-weight: 400;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--book-accent);
    background: var(--book-accent-soft);
  }
  .choice input {
    margin-top: 0.15rem;
  }
  .choice strong {
    display: block;
  }
  button[type='submit'] {
    width: 100%;
    margin-top: 0.25rem;
  }
  .forgot {
    justify-self: end;
    font-size: 0.9rem;
  }
  .switch {
    margin-top: 1rem;
    text-align: center;
  }
`;
