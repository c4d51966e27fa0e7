import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TestContext } from './test-app.js';

/** Serves the test app on an ephemeral 127.0.0.1 port, for tests that need real sockets. */
export async function listen(app: TestContext['app']): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
