import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startChildServer } from '../support/child-server.js';

describe('npm start on a fresh machine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the SQLite file, migrates, seeds the demo once, and serves the API', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'data', 'app.db')}` };
    const first = await startChildServer(env);
    const { providers } = (await (await fetch(`${first.url}/api/providers`)).json()) as {
      providers: { slug: string; timeZone: string }[];
    };
    expect(providers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(providers.map((p) => p.timeZone)).size).toBeGreaterThanOrEqual(3);
    expect(first.output()).toContain('Seeded demo data');
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'anna@demo.test', password: 'demo-password-2026' }),
    });
    expect(login.status).toBe(200);
    expect(await first.stop()).toBe(0);

    const second = await startChildServer(env);
    const again = (await (await fetch(`${second.url}/api/providers`)).json()) as { providers: unknown[] };
    expect(again.providers).toHaveLength(providers.length);
    expect(second.output()).not.toContain('Seeded demo data');
    await second.stop();
  }, 300_000); // two starts, each given up to two minutes on a busy machine

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    await expect(startChildServer({ DATABASE_URL: 'mysql://nope', PORT: 'x' })).rejects.toThrow(
      /Invalid configuration[\s\S]*DATABASE_URL/,
    );
  });

  it('starts on another port when its port is taken between being found free and being bound', async () => {
    const squatter = createServer().listen(await freePort(), '127.0.0.1');
    await once(squatter, 'listening');
    const taken = (squatter.address() as { port: number }).port;
    const free = await freePort();
    const offered = [taken, free];
    try {
      const server = await startChildServer(
        { DATABASE_URL: `sqlite:${join(dir, 'taken', 'app.db')}`, SEED_DEMO: 'false' },
        async () => offered.shift()!,
      );
      expect(offered).toEqual([]); // both were tried
      expect(server.url).toBe(`http://127.0.0.1:${free}`);
      expect((await fetch(`${server.url}/api/providers`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
    } finally {
      squatter.close();
    }
  }, 300_000);
});
