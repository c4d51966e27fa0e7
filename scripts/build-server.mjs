// Compiles the server ahead of time into dist/server/main.js (one ES module, npm packages left to node_modules), so
// `npm start` runs plain JavaScript: no TypeScript loader at start-up, one file to read.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('server: dist/server/main.js');
