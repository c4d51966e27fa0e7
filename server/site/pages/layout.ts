import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { SessionUser } from '../../http/app-env.js';
import type { PageAssets } from '../site-assets.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageShell {
  /** Which client module hydrates the page (`site/pages/<page>.ts`). */
  page: string;
  title: string;
  description: string;
  /** The page's own path, for the canonical and `og:url`. */
  path: string;
  appUrl: string;
  user: SessionUser | null;
  assets: PageAssets;
  ogType?: 'website' | 'profile';
  noindex?: boolean;
  /** Data the client module starts from, so it renders without a round trip. */
  data?: unknown;
  /** schema.org data for search engines. */
  jsonLd?: unknown;
  /** Wider content for the admin. */
  wide?: boolean;
}

/** JSON inside `<script type="application/json">`: `<` escaped so no text can close the element. */
const jsonBlock = (value: unknown) => raw(JSON.stringify(value).replace(/</g, '\\u003c'));

function nav(user: SessionUser | null, path: string) {
  const link = (href: string, label: string, match = (p: string) => p === href) =>
    html`<a href="${href}" ${match(path) ? raw('aria-current="page"') : ''}>${label}</a>`;
  const signOut = html`<button type="button" data-sign-out>Sign out</button>`;
  if (!user) {
    return html`${link('/', 'Find a service')} ${link('/signup?as=provider', 'For businesses', () => false)}
    ${link('/login', 'Sign in')}`;
  }
  if (user.role === 'provider') {
    return html`${link('/admin', 'Dashboard', (p) => p.startsWith('/admin'))} ${link('/', 'Directory')} ${signOut}`;
  }
  return html`${link('/', 'Find a service')} ${link('/account', 'My appointments')} ${link('/account/emails', 'My emails')}
  ${signOut}`;
}

/** The document every site page shares: head with meta and Open Graph, header, main, footer, page data. */
export function layout(shell: PageShell, body: Html): Html {
  const url = shell.appUrl + shell.path;
  const { assets } = shell;
  return html`<!doctype html>
    <html lang="en" data-theme="auto">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${shell.title}</title>
        <meta name="description" content="${shell.description}" />
        ${shell.noindex ? raw('<meta name="robots" content="noindex" />') : ''}
        <link rel="canonical" href="${url}" />
        <meta property="og:site_name" content="Book your services" />
        <meta property="og:type" content="${shell.ogType ?? 'website'}" />
        <meta property="og:title" content="${shell.title}" />
        <meta property="og:description" content="${shell.description}" />
        <meta property="og:url" content="${url}" />
        <meta name="twitter:card" content="summary" />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/site/favicon.svg" type="image/svg+xml" />
        ${assets.styles.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
        ${assets.entry ? html`<script type="module" src="${assets.entry}"></script>` : ''}
        ${assets.preload.map((href) => html`<link rel="modulepreload" href="${href}" />`)}
        ${shell.jsonLd ? html`<script type="application/ld+json">${jsonBlock(shell.jsonLd)}</script>` : ''}
      </head>
      <body data-page="${shell.page}">
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="inner">
            <a class="brand" href="/"><img src="/site/favicon.svg" alt="" width="28" height="28" />Book your services</a>
            <nav class="site-nav" aria-label="Main">${nav(shell.user, shell.path.split('?')[0] ?? '/')}</nav>
          </div>
        </header>
        <main id="main" tabindex="-1">
          <div class="inner${shell.wide ? ' wide' : ''}">${body}</div>
        </main>
        <footer class="site-footer">
          <div class="inner">
            Book your services — open-source appointment booking.
            <a href="/signup?as=provider">List your business</a> · <a href="/demo/embed">Widget demo</a>
          </div>
        </footer>
        ${shell.data === undefined ? '' : html`<script type="application/json" id="page-data">${jsonBlock(shell.data)}</script>`}
      </body>
    </html>`;
}
