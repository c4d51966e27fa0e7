import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { demoEmbedPage } from './demo-embed.page.js';

export interface WidgetRoutesOptions {
  /** Where `npm run build:widget` wrote the widget; defaults to `dist/widget/` in the repository. */
  distDir?: string;
  /** The provider the `/demo/embed` page books with. */
  demoProvider?: string;
}

/** The stable entry may change with every deploy; browsers re-check it every five minutes. */
const ENTRY_CACHE = 'public, max-age=300';
/** Chunks carry their content hash in the name, so they never change. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * Serves the embeddable widget: `/widget.js` (the stable entry of the embed snippet), `/widget/assets/*` (its
 * hashed chunks), `/custom-elements.json` (its manifest) and `/demo/embed` (a mock provider website embedding it).
 * Scripts are loaded cross-origin as modules from any site, so they carry `Access-Control-Allow-Origin: *`; the
 * build's gzipped copies are sent to browsers that accept gzip.
 */
export function widgetRoutes(options: WidgetRoutesOptions = {}) {
  const distDir = options.distDir ?? fileURLToPath(new URL('../../dist/widget/', import.meta.url));
  const demoProvider = options.demoProvider ?? 'studio-anna';

  async function sendFile(
    c: Context<AppEnv>,
    file: string,
    cacheControl: string,
    type = 'text/javascript; charset=utf-8',
  ): Promise<Response> {
    const path = `${distDir.replace(/\/?$/, '/')}${file}`;
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const zipped = gzip ? await readFile(`${path}.gz`).catch(() => null) : null;
    const body = zipped ?? (await readFile(path).catch(() => null));
    if (!body)
      throw AppError.notFound(
        file.startsWith('widget/') ? 'Widget asset' : 'Widget build (run `npm run build:widget`)',
      );
    c.header('Content-Type', type);
    c.header('Cache-Control', cacheControl);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Vary', 'Accept-Encoding');
    if (zipped) c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(body));
  }

  return (
    new Hono<AppEnv>()
      .get('/widget.js', (c) => sendFile(c, 'widget.js', ENTRY_CACHE))
      .get('/widget/assets/:file{[A-Za-z0-9_-]+\\.js}', (c) =>
        sendFile(c, `widget/assets/${c.req.param('file')}`, ASSET_CACHE),
      )
      // The element's API for editors and type generators (widget/README.md), versioned with the entry.
      .get('/custom-elements.json', (c) =>
        sendFile(c, 'custom-elements.json', ENTRY_CACHE, 'application/json; charset=utf-8'),
      )
      .get('/demo/embed', (c) => c.html(demoEmbedPage({ provider: demoProvider, origin: new URL(c.req.url).origin })))
  );
}
