import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromePath, chromiumArgs } from '../tests/support/chromium.mjs';
import { busyDataset } from './lib/datasets.js';
import { startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface WidgetFigures {
  /** Gzipped bytes of every script and stylesheet the embed downloaded (what the budget counts). */
  assetBytesGzip: number;
  assetFiles: string[];
  /** The JSON the first screen needed (provider and a month of slots), as sent. */
  apiBytes: number;
  /** From the start of the widget.js request to the first frame with free days painted in the calendar. */
  firstSlotsMedianMs: number;
  firstSlotsMaxMs: number;
  runs: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the widget unless `dist/widget/` already holds a build. */
export function ensureWidgetBuild(): void {
  if (existsSync(`${root}dist/widget/widget.js`)) return;
  execFileSync('npm', ['run', 'build:widget'], { cwd: root, stdio: 'inherit' });
}

/**
 * Benchmark 4: a provider's page on another origin pastes the two-line snippet, with the service preset, so the
 * first screen is the calendar whose free days come from the month's slots. Each run is a fresh browser context
 * (nothing cached); the clock starts when the page begins to fetch widget.js and stops at the first animation frame
 * after a free day is in the calendar.
 */
export async function benchWidget(dir: string, options: { runs?: number } = {}): Promise<WidgetFigures> {
  const runs = options.runs ?? 7;
  ensureWidgetBuild();
  const data = await busyDataset(dir);
  const provider = data.providers[0]!;
  const server = await startBenchServer(data.file);
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A provider's own website</title></head>
<body><h1>Book with us</h1>
<script>
  // Polls each frame for the first free day inside the widget's (nested) shadow roots.
  (function watch() {
    const calendar = document.querySelector('book-services')?.shadowRoot?.querySelector('book-calendar');
    if (calendar?.shadowRoot?.querySelector('[part="day"].free')) requestAnimationFrame(() => (window.__painted = performance.now()));
    else requestAnimationFrame(watch);
  })();
</script>
<script type="module" src="${server.url}/widget.js"></script>
<book-services provider="${provider.slug}" service="${provider.serviceId}" locale="en-GB" time-zone="Europe/Berlin"></book-services>
</body></html>`;
  const site = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  try {
    const times: number[] = [];
    let assets: { path: string; bytes: number }[] = [];
    let apiBytes = 0;
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const sizes: Promise<{ path: string; bytes: number; api: boolean }>[] = [];
      tab.on('requestfinished', (request) => {
        const url = new URL(request.url());
        if (url.origin !== server.url) return;
        sizes.push(
          request
            .sizes()
            .then((s) => ({ path: url.pathname, bytes: s.responseBodySize, api: url.pathname.startsWith('/api/') })),
        );
      });
      await tab.goto(siteUrl);
      await tab.waitForFunction(
        () => (window as unknown as { __painted?: number }).__painted !== undefined,
        undefined,
        { timeout: 30_000 },
      );
      const elapsed = await tab.evaluate((widgetUrl) => {
        const start = performance.getEntriesByName(widgetUrl)[0]?.startTime;
        if (start === undefined) throw new Error('widget.js was not fetched');
        return (window as unknown as { __painted: number }).__painted - start;
      }, `${server.url}/widget.js`);
      await tab.waitForLoadState('networkidle');
      const done = await Promise.all(sizes);
      await context.close();
      if (run === 0) continue; // the first run warms the server (JIT, page cache, the slots cache)
      times.push(elapsed);
      assets = done.filter((d) => !d.api).map(({ path, bytes }) => ({ path, bytes }));
      apiBytes = done.filter((d) => d.api).reduce((sum, d) => sum + d.bytes, 0);
    }
    return {
      assetBytesGzip: assets.reduce((sum, a) => sum + a.bytes, 0),
      assetFiles: assets.map((a) => a.path),
      apiBytes,
      firstSlotsMedianMs: median(times),
      firstSlotsMaxMs: Math.max(...times),
      runs,
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => site.close(resolve));
    await server.stop();
  }
}
