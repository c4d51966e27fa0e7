import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.js';

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
});
