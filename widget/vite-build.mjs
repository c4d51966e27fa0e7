// Shared by the widget's and the site's build scripts: a production Vite build, then a gzipped twin of each
// served file next to it (the server sends those to browsers that accept gzip).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * Builds with `configFile` into `outDir` and gzips every file whose name matches `served`.
 * @returns {Promise<{ path: string, bytes: number, gzipBytes: number }[]>} the served files, sorted by path
 */
export async function buildAndGzip({ configFile, outDir, served }) {
  // Lit ships a bigger development build; Vite picks it when NODE_ENV is not production (as under a test runner).
  process.env.NODE_ENV = 'production';
  await build({ configFile, mode: 'production' });

  const paths = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (served.test(entry.name)) paths.push(path);
    }
  };
  await walk(outDir);

  const files = [];
  for (const path of paths.sort()) {
    const source = await readFile(path);
    const gzipped = gzipSync(source, { level: 9 });
    await writeFile(`${path}.gz`, gzipped);
    files.push({ path, bytes: source.length, gzipBytes: gzipped.length });
  }
  return files;
}
