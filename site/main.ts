/**
 * The site's one entry. The server renders each page with `<body data-page="…">`; this loads that page's module
 * (code-split, and already preloaded by the server), after the shared styles and the header's sign-out button.
 */
import 'virtual:book-tokens.css';
import 'virtual:book-controls.css';
import './styles/site.css';
import { initSignOut } from './lib/sign-out.js';

const pages: Record<string, () => Promise<unknown>> = {
  directory: () => import('./pages/directory.js'),
  profile: () => import('./pages/profile.js'),
  book: () => import('./pages/book.js'),
  login: () => import('./pages/login.js'),
  signup: () => import('./pages/signup.js'),
  'verify-email': () => import('./pages/verify-email.js'),
  'password-reset': () => import('./pages/password-reset.js'),
  join: () => import('./pages/join.js'),
  manage: () => import('./pages/manage.js'),
  offer: () => import('./pages/offer.js'),
  account: () => import('./pages/account.js'),
  admin: () => import('./pages/admin.js'),
};

initSignOut(document);
void pages[document.body.dataset.page ?? '']?.();
