// Builds the embeddable widget into dist/widget/ with its custom-elements.json, prints what an embedding page
// downloads and fails when its first screen is over the size budget.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { widgetManifest } from './manifest.mjs';
import { buildAndGzip } from './vite-build.mjs';

const BUDGET = 20 * 1024;
const outDir = fileURLToPath(new URL('../dist/widget', import.meta.url));
const files = await buildAndGzip({
  configFile: fileURLToPath(new URL('vite.config.ts', import.meta.url)),
  outDir,
  served: /\.js$/,
});
// After the build, which empties the folder: the element's API for editors and type generators.
await widgetManifest();

// What an embedding page downloads up front counts; a `lazy-` part (the waitlist) loads only when a customer needs it.
let total = 0;
for (const { path, bytes, gzipBytes } of files) {
  const lazy = /[\\/]lazy-[^\\/]+$/.test(path);
  if (!lazy) total += gzipBytes;
  console.log(
    `  ${relative(outDir, path).padEnd(40)} ${kb(bytes).padStart(9)}  gzip ${kb(gzipBytes).padStart(8)}${lazy ? '  (when needed)' : ''}`,
  );
}
console.log(`widget total (gzip, first screen): ${kb(total)} of ${kb(BUDGET)} budget`);
if (total > BUDGET) {
  console.error(`✗ The widget is ${kb(total - BUDGET)} over its ${kb(BUDGET)} gzip budget.`);
  process.exit(1);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
