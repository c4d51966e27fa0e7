import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import type { TestContext } from './test-app.js';

type Listening = { url: string; close: () => Promise<void> };
type Bindings = HttpBindings | Http2Bindings;
/** A Hono app, or anything else that answers a request the way one does. */
type Served = { fetch: (request: Request, env: Bindings) => Response | Promise<Response> };

/** Serves the test app on an ephemeral 127.0.0.1 port, for tests that need real sockets. */
export async function listen(app: TestContext['app']): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * A 127.0.0.1 server bound first, on a port the kernel picks as it binds (so nothing can take it in between, as it
 * can a port found free earlier), that serves the app handed to `serve` later: for an app that must know its own
 * address (APP_URL) when it is made. Until then it answers 503.
 */
export async function bindFirst(): Promise<Listening & { serve: (app: Served) => void }> {
  let app: Served | undefined;
  const server = createAdaptorServer({
    fetch: (request: Request, env: Bindings) =>
      app ? app.fetch(request, env) : new Response('not served yet', { status: 503 }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (served) => {
      app = served;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
