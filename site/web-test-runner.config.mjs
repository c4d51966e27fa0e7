// The site's component tests in headless Chromium (Debian's, never downloaded). Components are tested on their
// own, with properties in and events out; the flows against the real server are in tests/e2e/site.test.ts.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromePath, chromiumArgs } from '../tests/support/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export default {
  rootDir: root,
  files: ['site/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath, args: chromiumArgs },
    }),
  ],
};
