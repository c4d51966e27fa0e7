import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  /** ok: 200; fail: 503; hang: read the request and never answer. */
  mode: 'ok' | 'fail' | 'hang';
  /** Every request, in order of arrival (a hung one too). */
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 (the server's webhook worker posts to it with WEBHOOKS_ALLOW_PRIVATE on). */
export async function startReceiver(port = 0): Promise<WebhookReceiver> {
  const state: WebhookReceiver = { url: '', port, mode: 'ok', received: [], close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (state.mode === 'hang') return;
      res.writeHead(state.mode === 'ok' ? 200 : 503).end();
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}/hooks`;
  state.close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** A port nothing listens on (connection refused), which a later `startReceiver(port)` can take. */
export async function closedPort(): Promise<number> {
  const probe = await startReceiver();
  await probe.close();
  return probe.port;
}
