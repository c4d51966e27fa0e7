import { api } from '../api/site-api.js';

/** The header's "Sign out" button: ends the session on the server, then goes home. */
export function initSignOut(root: Document): void {
  root.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest?.('[data-sign-out]');
    if (!(button instanceof HTMLButtonElement)) return;
    button.disabled = true;
    await api.logout().catch(() => undefined);
    location.assign('/');
  });
}
