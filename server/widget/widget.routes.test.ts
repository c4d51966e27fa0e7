import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { notFound, onError } from '../http/error-handler.js';
import { widgetRoutes } from './widget.routes.js';

const entry = 'import"./widget/assets/book-Ab12_x.js";\n';
const chunk = 'export const x = 1;\n';
const manifest = JSON.stringify({ schemaVersion: '2.1.0', modules: [] });

function appWith(distDir: string) {
  const app = new Hono().route('/', widgetRoutes({ distDir, demoProvider: 'studio-anna' }));
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

/** The status and headers every file of the widget is served with: any site may load it. */
function expectServed(res: Response, type: string, cacheControl: string) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(type);
  expect(res.headers.get('cache-control')).toBe(cacheControl);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
}

describe('widget routes', () => {
  let app: ReturnType<typeof appWith>;

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'widget-'));
    mkdirSync(join(dir, 'widget/assets'), { recursive: true });
    writeFileSync(join(dir, 'widget.js'), entry);
    writeFileSync(join(dir, 'widget.js.gz'), gzipSync(entry));
    writeFileSync(join(dir, 'widget/assets/book-Ab12_x.js'), chunk);
    writeFileSync(join(dir, 'custom-elements.json'), manifest);
    app = appWith(dir);
  });

  it('serves the entry with a short cache, CORS and a JavaScript type', async () => {
    const res = await app.request('/widget.js');
    expectServed(res, 'text/javascript; charset=utf-8', 'public, max-age=300');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(entry);
  });

  it('sends the prebuilt gzip to browsers that accept it', async () => {
    const res = await app.request('/widget.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(gzipSync(entry));
  });

  it('serves hashed chunks as immutable for a year', async () => {
    const res = await app.request('/widget/assets/book-Ab12_x.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expectServed(res, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable');
    // No .gz copy of this one: the plain file is sent.
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(chunk);
  });

  it('serves the custom elements manifest beside the entry, as JSON any site may read', async () => {
    const res = await app.request('/custom-elements.json');
    expectServed(res, 'application/json; charset=utf-8', 'public, max-age=300');
    expect(await res.json()).toEqual(JSON.parse(manifest));
  });

  it('answers 404 JSON for unknown chunks and refuses paths outside the assets folder', async () => {
    for (const path of [
      '/widget/assets/nope-123.js',
      '/widget/assets/..%2F..%2Fwidget.js',
      '/widget/assets/%2e%2e/widget.js',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });

  it('says how to build the widget when it is missing', async () => {
    for (const path of ['/widget.js', '/custom-elements.json']) {
      const res = await appWith(join(tmpdir(), 'no-such-widget-dir')).request(path);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.message, path).toContain('npm run build:widget');
    }
  });

  it('serves a demo page embedding the widget with the two-line snippet', async () => {
    const res = await app.request('http://booking.test/demo/embed');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<script type="module" src="/widget.js"></script>');
    expect(page).toContain('<book-services provider="studio-anna"');
    expect(page).toContain('http://booking.test/widget.js');
  });
});
