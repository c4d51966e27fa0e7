import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.js';

/** `npm start` runs the compiled server: it must work as the source does, and load little before listening. */
describe('the compiled server (npm run build:server)', () => {
  // Inside the project, as dist/server is, so the packages left out of the bundle are found in node_modules.
  const out = join('dist', `startup-test-${randomUUID()}`);
  const data = mkdtempSync(join(tmpdir(), 'built-'));
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-server.mjs', out], { stdio: 'pipe' });
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('loads neither pg, nor nodemailer, googleapis or sharp before it needs them', () => {
    const bundle = readFileSync(join(out, 'main.js'), 'utf8');
    // What a bundled ES module loads at start: its static imports (esbuild writes them `from"…"`).
    const loaded = [...bundle.matchAll(/\bimport\s*(?:[\w${}\s,*]+from\s*)?"([^"]+)"/g)].map((m) => m[1]);
    expect(loaded).toContain('better-sqlite3');
    for (const lazy of ['pg', 'nodemailer', 'googleapis', 'sharp']) expect(loaded).not.toContain(lazy);
    for (const bundled of ['kysely', 'zod', 'hono']) expect(loaded).not.toContain(bundled);
  });

  it('migrates, seeds, and answers a search, a page and readiness, started twice', async () => {
    const env = { DATABASE_URL: `sqlite:${join(data, 'app.db')}`, SEED_DEMO: 'true' };
    for (const start of [1, 2]) {
      // The second start finds the database migrated and seeded already.
      const server = await startChildServer(env, undefined, [join(out, 'main.js')]);
      const found = (await (await fetch(`${server.url}/api/providers?q=hairdreser`)).json()) as {
        providers: { slug: string }[];
      };
      expect(found.providers.length, `start ${start}`).toBeGreaterThan(0);
      const page = await fetch(`${server.url}/p/${found.providers[0]!.slug}`);
      expect(page.status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
    }
  }, 300_000);
});
