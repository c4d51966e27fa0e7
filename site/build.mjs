// Builds the hosted site into dist/site/ and writes a gzipped copy of each script and stylesheet next to it (the
// server sends those to browsers that accept gzip), then prints what a page downloads.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const configFile = fileURLToPath(new URL('vite.config.ts', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/site', import.meta.url));

// Lit ships a bigger development build; Vite picks it when NODE_ENV is not production (as under a test runner).
process.env.NODE_ENV = 'production';
await build({ configFile, mode: 'production' });

const files = [];
const walk = async (dir) => {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path);
    else if (/\.(js|css|svg)$/.test(entry.name)) files.push(path);
  }
};
await walk(outDir);

let total = 0;
for (const path of files.sort()) {
  const gzipped = gzipSync(await readFile(path), { level: 9 });
  await writeFile(`${path}.gz`, gzipped);
  total += gzipped.length;
}
console.log(`site: ${files.length} files, ${(total / 1024).toFixed(1)} KB gzipped in ${relative(process.cwd(), outDir)}`);
