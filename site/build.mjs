// Builds the hosted site into dist/site/ (with gzipped twins of its scripts, styles and icons) and prints what
// it weighs.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndGzip } from '../widget/vite-build.mjs';

const outDir = fileURLToPath(new URL('../dist/site', import.meta.url));
const files = await buildAndGzip({
  configFile: fileURLToPath(new URL('vite.config.ts', import.meta.url)),
  outDir,
  served: /\.(js|css|svg)$/,
});
const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
console.log(
  `site: ${files.length} files, ${(total / 1024).toFixed(1)} KB gzipped in ${relative(process.cwd(), outDir)}`,
);
