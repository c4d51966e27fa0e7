import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.js';
import { notFoundPage } from './pages/app.page.js';
import { type Html, layout, type PageShell } from './pages/layout.js';
import type { SiteAssets } from './site-assets.js';

/** What a route says about its page; the renderer adds the visitor, the assets and the site's address. */
export type PageMeta = Omit<PageShell, 'appUrl' | 'user' | 'assets'>;

export interface PageRenderer {
  render(c: Context<AppEnv>, meta: PageMeta, body: Html, status?: 200 | 404): Response | Promise<Response>;
  /** The not-found page (404) for a provider, service, booking or page. */
  notFound(c: Context<AppEnv>, what: string): Response | Promise<Response>;
}

export function pageRenderer(appUrl: string, assets: SiteAssets): PageRenderer {
  const render: PageRenderer['render'] = (c, meta, body, status = 200) =>
    c.html(layout({ ...meta, appUrl, user: c.get('user'), assets: assets.forPage(meta.page) }, body), status);
  return {
    render,
    notFound: (c, what) =>
      render(
        c,
        {
          page: 'not-found',
          title: `${what} not found · Book your services`,
          description: '',
          path: c.req.path,
          noindex: true,
        },
        notFoundPage(what),
        404,
      ),
  };
}
