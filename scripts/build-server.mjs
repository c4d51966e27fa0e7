// Compiles the server ahead of time into dist/server/main.js (one ES module), so `npm start` runs plain JavaScript:
// no TypeScript loader at start-up, one file to read. Pure JavaScript packages are bundled in too: loading kysely,
// zod or hono file by file (hundreds of small modules) was most of the start-up time. Left to node_modules: native
// addons, packages that find files of their own at run time, and the ones only some set-ups load (lazily).
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

// Another folder may be given (the start-up test builds its own copy); it must be inside the project, for the
// packages left out to be found.
const outdir = process.argv[2] ?? 'dist/server';

await build({
  entryPoints: { main: 'server/main.ts' },
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
console.log(`server: ${outdir}/main.js`);
