import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The site as `npm run build` ships it, built into a fresh folder of the caller's own (give it to the app as
 * `siteDistDir`): browser test files run side by side, and tests/e2e/site.test.ts rebuilds dist/site/ meanwhile.
 */
export function buildSiteToTempDir(prefix: string): string {
  const siteDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const buildSite = `import { build } from 'vite'; await build({ configFile: 'site/vite.config.ts', mode: 'production', logLevel: 'warn', build: { outDir: process.argv[1], emptyOutDir: true } });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', buildSite, siteDir], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return siteDir;
}
