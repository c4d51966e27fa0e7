// Builds the embeddable widget into dist/widget/ with its custom-elements.json, prints what an embedding page
// downloads and fails over the size budget.
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

let total = 0;
for (const { path, bytes, gzipBytes } of files) {
  total += gzipBytes;
  console.log(`  ${relative(outDir, path).padEnd(40)} ${kb(bytes).padStart(9)}  gzip ${kb(gzipBytes).padStart(8)}`);
}
console.log(`widget total (gzip): ${kb(total)} of ${kb(BUDGET)} budget`);
if (total > BUDGET) {
  console.error(`✗ The widget is ${kb(total - BUDGET)} over its ${kb(BUDGET)} gzip budget.`);
  process.exit(1);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
