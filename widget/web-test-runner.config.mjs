// Component tests in headless Chromium (Debian's, never downloaded) against the real API server.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromePath, chromiumArgs } from '../tests/support/chromium.mjs';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the real app for the run and answers `/__fixtures/provider?…` with a freshly created provider.
 * `/__slow/<ms>/api/…` answers GET requests from the real API after a delay, so tests can see loading states.
 */
function bookingApi() {
  let api;
  return {
    name: 'booking-api',
    async serverStart() {
      const { startTestApi } = await tsImport('./test/api-server.ts', import.meta.url);
      api = await startTestApi();
    },
    async serverStop() {
      await api?.close();
    },
    async serve(context) {
      const slow = /^\/__slow\/(\d+)(\/api\/.*)$/.exec(context.path);
      if (slow) {
        await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
        const res = await fetch(`${api.url}${slow[2]}${context.querystring ? `?${context.querystring}` : ''}`);
        return { body: await res.text(), type: 'json' };
      }
      if (context.path !== '/__fixtures/provider') return undefined;
      const q = context.query;
      const provider = await api.provider({ timeZone: q.timeZone, hours: q.hours, name: q.name });
      return { body: JSON.stringify(provider), type: 'json' };
    },
  };
}

export default {
  rootDir: root,
  files: ['widget/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) }), bookingApi()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath, args: chromiumArgs },
    }),
  ],
};
