// The benchmarked server, run as its own process: the real app as `server/main.ts` builds it, on a prepared
// SQLite file, plus one bare Hono endpoint returning constant JSON as the baseline of the same build.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { CONSTANT_PATH } from './lib/server-process.js';

const file = process.env.BENCH_DATABASE;
if (!file) throw new Error('BENCH_DATABASE must name the prepared SQLite file');

const config = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: `sqlite:${file}`,
  HOST: '127.0.0.1',
  PORT: '0',
  SEED_DEMO: 'false',
  SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789',
  // One load generator on one address would otherwise be rate limited within a second.
  BOOKING_RATE_LIMIT: '1000000000',
  LOGIN_RATE_LIMIT: '1000000000',
});
const db = connectDatabase(config.databaseUrl);
const app = createApp({ db, config });
const bare = new Hono().get(CONSTANT_PATH, (c) => c.json({ ok: true, service: 'book-your-services', slots: [] }));

const server = serve(
  {
    fetch: (request, env) => (new URL(request.url).pathname === CONSTANT_PATH ? bare.fetch(request) : app.fetch(request, env)),
    port: 0,
    hostname: '127.0.0.1',
  },
  (info) => console.log(JSON.stringify({ listening: info.port })),
);

process.once('SIGTERM', () => server.close(() => void db.destroy().then(() => process.exit(0))));
