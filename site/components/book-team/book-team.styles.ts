import { css } from 'lit';

export const styles = css`
  .member {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    align-items: start;
  }
  .member > :not(.avatar) {
    grid-column: 2;
  }
  .member > book-member-form,
  .member > book-member-departure {
    grid-column: 1 / -1;
  }
  .avatar {
    grid-row: span 3;
    width: 3rem;
    height: 3rem;
    border-radius: 50%;
    object-fit: cover;
    display: grid;
    place-items: center;
    background: var(--book-accent-soft);
    font-weight: 700;
  }
  h3 {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: baseline;
    margin: 0;
  }
  p {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
  section {
    margin-top: 1.5rem;
  }
  ul.invitations li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
`;
