// Builds the embeddable widget into dist/widget/, writes a gzipped copy of each file next to it (the server sends
// those to browsers that accept gzip), prints what an embedding page downloads and fails over the size budget.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const BUDGET = 20 * 1024;
const configFile = fileURLToPath(new URL('vite.config.ts', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/widget', import.meta.url));

// Lit ships a bigger development build; Vite picks it when NODE_ENV is not production (as under a test runner).
process.env.NODE_ENV = 'production';
await build({ configFile, mode: 'production' });

const files = [];
const walk = async (dir) => {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path);
    else if (entry.name.endsWith('.js')) files.push(path);
  }
};
await walk(outDir);

let total = 0;
for (const path of files.sort()) {
  const source = await readFile(path);
  const gzipped = gzipSync(source, { level: 9 });
  await writeFile(`${path}.gz`, gzipped);
  total += gzipped.length;
  console.log(`  ${relative(outDir, path).padEnd(40)} ${kb(source.length).padStart(9)}  gzip ${kb(gzipped.length).padStart(8)}`);
}
console.log(`widget total (gzip): ${kb(total)} of ${kb(BUDGET)} budget`);
if (total > BUDGET) {
  console.error(`✗ The widget is ${kb(total - BUDGET)} over its ${kb(BUDGET)} gzip budget.`);
  process.exit(1);
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(2)} KB`;
}
