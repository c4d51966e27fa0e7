// Component tests in headless Chromium (Debian's, never downloaded) against the real API server.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
import { chromePath, chromiumArgs } from '../tests/support/chromium.mjs';
import { shiftedClock } from '../tests/support/shifted-clock.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const clock = shiftedClock();

/**
 * Starts the real app for the run and answers `/__fixtures/provider?…` with a freshly created provider.
 * `/__held/api/…` answers GET requests from the real API, but while the test has the gate shut (`/__gate/shut`) it
 * holds them until the test opens it (`/__gate/open`): a test sees loading states for as long as it looks, however
 * slow the machine.
 */
function bookingApi() {
  let api;
  let gate = Promise.resolve();
  let open = () => {};
  return {
    name: 'booking-api',
    async serverStart() {
      const { startTestApi } = await tsImport('./test/api-server.ts', import.meta.url);
      api = await startTestApi(clock.now);
    },
    async serverStop() {
      open();
      await api?.close();
    },
    async serve(context) {
      if (context.path === '/__gate/shut') {
        open();
        gate = new Promise((resolve) => (open = resolve));
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__gate/open') {
        open();
        return { body: '{}', type: 'json' };
      }
      const held = /^\/__held(\/api\/.*)$/.exec(context.path);
      if (held) {
        await gate;
        const res = await fetch(`${api.url}${held[1]}${context.querystring ? `?${context.querystring}` : ''}`);
        return { body: await res.text(), type: 'json' };
      }
      if (context.path !== '/__fixtures/provider') return undefined;
      const q = context.query;
      const provider = await api.provider({
        timeZone: q.timeZone,
        hours: q.hours,
        name: q.name,
        policy: q.policy,
        classes: q.classes,
        repeat: q.repeat,
      });
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
  // The page's clock, moved like the server's before anything else runs.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <body>
    <script>${clock.script}</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    }),
    bookingApi(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath, args: chromiumArgs },
    }),
  ],
};
