import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Context } from 'hono';
import { AppError } from '../errors.js';

/** One entry of Vite's `.vite/manifest.json`. */
interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** What a page links in its `<head>`: the entry script, the page's chunks to preload, and the stylesheets. */
export interface PageAssets {
  entry: string | null;
  preload: string[];
  styles: string[];
}

const BASE = '/site/';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The built site (`npm run build:site` → `dist/site/`): which hashed files each page needs, read from Vite's
 * manifest, and the files themselves. Without a build the pages still render (server-side HTML, no scripts).
 */
export class SiteAssets {
  private manifest: Manifest | null = null;
  /** mtime and size of the manifest last read: a rebuild changes at least one of them. */
  private manifestVersion = '';

  constructor(readonly distDir: string) {}

  /** Which build is served: changes with every rebuild. */
  version(): string {
    this.load();
    return this.manifestVersion;
  }

  /** The entry, plus the page's own module and everything it imports statically, so nothing waterfalls. */
  forPage(page: string): PageAssets {
    const manifest = this.load();
    const entry = manifest && Object.values(manifest).find((c) => c.isEntry);
    if (!manifest || !entry) return { entry: null, preload: [], styles: [] };
    const chunks = new Set<ManifestChunk>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || chunks.has(chunk)) return;
      chunks.add(chunk);
      for (const dep of chunk.imports ?? []) visit(dep);
    };
    visit(entry.src ?? 'main.ts');
    visit(`pages/${page}.ts`);
    const files = [...chunks];
    return {
      entry: BASE + entry.file,
      preload: files.filter((c) => c !== entry).map((c) => BASE + c.file),
      styles: [...new Set(files.flatMap((c) => c.css ?? []))].map((f) => BASE + f),
    };
  }

  /** Serves `/site/<path>`: hashed files are immutable; the gzipped copy goes to browsers that take it. */
  async serve(c: Context, path: string): Promise<Response> {
    const type = TYPES[extname(path)];
    if (!type || path.includes('..') || !/^[\w./-]+$/.test(path)) throw AppError.notFound('Site asset');
    const file = join(this.distDir, path);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const zipped = gzip ? await readFile(`${file}.gz`).catch(() => null) : null;
    const body = zipped ?? (await readFile(file).catch(() => null));
    if (!body) throw AppError.notFound('Site asset');
    c.header('Content-Type', type);
    c.header(
      'Cache-Control',
      path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    );
    c.header('Vary', 'Accept-Encoding');
    if (zipped) c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(body));
  }

  /**
   * The manifest, read again whenever the file changes: a `npm run build:site` while the server runs is picked up
   * by the next page instead of linking files the build just deleted. One `stat` per page.
   */
  private load(): Manifest | null {
    const path = join(this.distDir, '.vite/manifest.json');
    let version: string;
    try {
      const stat = statSync(path);
      version = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.manifest = null;
      this.manifestVersion = '';
      return null;
    }
    if (version !== this.manifestVersion) {
      try {
        this.manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
        this.manifestVersion = version;
      } catch {
        this.manifest = null; // half-written by a build in progress: try again on the next page
      }
    }
    return this.manifest;
  }
}
