import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusedAddressError } from './address-guard.js';
import { publicOnlyFetch } from './public-only-fetch.js';

describe('publicOnlyFetch', () => {
  let server: Server;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('reached');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusal = (url: string) =>
    publicOnlyFetch(url).then(
      () => undefined,
      (error: Error) => error.cause,
    );

  it('never connects to a literal loopback address', async () => {
    expect(await refusal(`http://127.0.0.1:${port}/`)).toBeInstanceOf(RefusedAddressError);
    expect(requests).toBe(0);
  });

  it('never connects to a name that resolves into the private network', async () => {
    expect(await refusal(`http://localhost:${port}/`)).toBeInstanceOf(RefusedAddressError);
    expect(requests).toBe(0);
  });

  it('refused only by the guard: the same server answers an ordinary fetch', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('reached');
  });
});
