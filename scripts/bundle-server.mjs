// How the server is compiled ahead of time (one ES module per entry): shared by `npm run build:server` and the
// bench, so the benchmarked server is the very JavaScript `npm start` runs. Pure JavaScript packages are bundled
// in: loading kysely, zod or hono file by file (hundreds of small modules) was most of the start-up time. Left to
// node_modules: native addons, packages that find files of their own at run time, and the ones only some set-ups
// load (lazily).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const BUNDLED = new Set([
  '@hono/node-server',
  '@hono/zod-validator',
  '@orama/stemmers',
  '@oslojs/crypto',
  '@oslojs/encoding',
  'fastest-levenshtein',
  'hono',
  'ical-generator',
  'kysely',
  'luxon',
  'zod',
]);
const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/**
 * Compiles `entryPoints` (`{ name: 'path/to/entry.ts' }`) into `outdir`, which must be inside the project for the
 * packages left out to be found.
 */
export async function bundleServer(entryPoints, outdir) {
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // Less to parse at start-up; names are kept, so stack traces still read (and the source map has the rest).
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'warning',
  });
}
