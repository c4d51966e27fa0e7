import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { accountPagesRoutes } from './account-pages.routes.js';
import type { PageCache } from './page-cache.js';
import { pageRenderer } from './page-renderer.js';
import { publicPagesRoutes } from './public-pages.routes.js';
import type { NextAvailableOf } from './site.data.js';
import { SiteAssets } from './site-assets.js';
import { siteHeaders } from './site-headers.js';

export interface SiteDeps {
  db: Db;
  now: () => Date;
  busyTimes: BusyTimeSource<Db>;
  /** The directory cards' next available times (default: computed for every page, see slots/next-available.ts). */
  nextAvailable?: NextAvailableOf;
  appUrl: string;
  /** Where `npm run build:site` wrote the site; defaults to `dist/site/` in the repository. */
  distDir?: string;
  /** Keeps the public pages a few seconds for visitors who are not signed in. */
  pageCache: PageCache;
}

/**
 * The hosted site's pages, rendered on the server with real URLs, per-page titles and Open Graph meta, then
 * hydrated by the built client (`site/`). Public pages may be framed by ourselves; signed-in areas by no one.
 */
export function siteRoutes(deps: SiteDeps) {
  const assets = new SiteAssets(deps.distDir ?? fileURLToPath(new URL('../../dist/site/', import.meta.url)));
  const pages = pageRenderer(deps.appUrl, assets);
  const publicPage = siteHeaders({ frameAncestors: "'self'" });

  return (
    new Hono<AppEnv>()
      .get('/site/:path{.+}', (c) => assets.serve(c, c.req.param('path')))
      // Browsers ask for /favicon.ico on pages that name no icon (the widget demo, API responses opened directly).
      .get('/favicon.ico', (c) => assets.serve(c, 'favicon.svg'))
      .route('/', publicPagesRoutes({ ...deps, cachedPage: deps.pageCache.cached(() => assets.version()) }, pages))
      .route('/', accountPagesRoutes(deps, pages))
      // A mistyped address in a browser gets a page, not JSON; API clients keep the JSON 404.
      .get('*', async (c, next) => {
        const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
        if (!wantsHtml || /^\/(api|ical|widget)\b/.test(c.req.path)) return next();
        const res = await pages.notFound(c, 'Page');
        await publicPage(c, async () => {
          c.res = res;
        });
        return c.res;
      })
  );
}
