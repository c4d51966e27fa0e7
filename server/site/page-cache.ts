import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.js';

interface CachedPage {
  body: ArrayBuffer;
  headers: [string, string][];
  expires: number;
}

export interface PageCacheOptions {
  now: () => Date;
  /** How long another instance's change may take to show (one instance's own writes show at once). */
  ttlMs?: number;
  maxPages?: number;
}

/**
 * Public pages as a visitor who is not signed in sees them, kept a few seconds (a micro-cache): a profile shared on
 * social media or a busy directory page is rendered once per interval, not once per visitor. Any write this process
 * answers empties it, so whoever just saved a change, booked or reviewed sees it at once; a write answered by
 * another instance shows within `ttlMs`. Signed-in visitors' pages (their name in the header) are never kept.
 */
export function pageCache({ now, ttlMs = 5_000, maxPages = 500 }: PageCacheOptions) {
  const pages = new Map<string, CachedPage>();
  // Bumped by every write answered: a page rendered while one was under way may be stale, and is not kept.
  let generation = 0;

  /** `build` names what else a page depends on: the site's build, whose files the page links. */
  const cached =
    (build: () => string): MiddlewareHandler<AppEnv> =>
    async (c, next) => {
      if (c.req.method !== 'GET' || c.get('user')) return next();
      const key = `${build()} ${c.req.url}`;
      const hit = pages.get(key);
      if (hit && hit.expires > now().getTime()) return new Response(hit.body, { headers: hit.headers });
      const renderedIn = generation;
      await next();
      if (c.res.status !== 200 || c.res.headers.has('set-cookie') || generation !== renderedIn) return;
      const body = await c.res.clone().arrayBuffer();
      pages.delete(key);
      if (pages.size >= maxPages) pages.delete(pages.keys().next().value!);
      pages.set(key, { body, headers: [...c.res.headers], expires: now().getTime() + ttlMs });
    };

  const emptiedByWrites: MiddlewareHandler = async (c, next) => {
    const writes = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    if (writes) generation++;
    await next();
    if (writes) {
      generation++;
      pages.clear();
    }
  };

  return { cached, emptiedByWrites };
}

export type PageCache = ReturnType<typeof pageCache>;
