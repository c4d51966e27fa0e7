import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen } from './server.js';
import { createTestContext, type TestContext } from './test-app.js';

export interface RaceServer {
  ctx: TestContext;
  url: string;
  /** POST /api/bookings over real HTTP: many at once race for the write lock as real customers do. */
  post: (body: unknown) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * The app on a SQLite file (not memory: the races must go through the real journal) behind a real socket, with the
 * booking rate limit out of the way so hundreds of requests from one address reach the booking code.
 */
export async function raceServer(name: string): Promise<RaceServer> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const ctx = await createTestContext({
    config: { databaseUrl: `sqlite:${join(dir, 'race.db')}`, bookingRateLimit: 10_000 },
  });
  const server = await listen(ctx.app);
  return {
    ctx,
    url: server.url,
    post: (body) =>
      fetch(`${server.url}/api/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    close: async () => {
      await server.close();
      await ctx.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
