// Compiles the server ahead of time into dist/server/main.js (one ES module, see bundle-server.mjs), so `npm start`
// runs plain JavaScript: no TypeScript loader at start-up, one file to read.
import { bundleServer } from './bundle-server.mjs';

// Another folder may be given (the start-up test builds its own copy); it must be inside the project, for the
// packages left out to be found.
const outdir = process.argv[2] ?? 'dist/server';
await bundleServer({ main: 'server/main.ts' }, outdir);
console.log(`server: ${outdir}/main.js`);
