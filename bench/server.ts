// The benchmarked server, run as its own process: the app and its email and calendar workers as `server/main.ts`
// builds them, on a prepared SQLite file, plus one bare Hono endpoint returning constant JSON as the baseline of
// the same build.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../server/app.js';
import { createCalendarSync } from '../server/calendar/calendar-sync.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { startEmailWorker } from '../server/email/email.worker.js';
import { transportFor } from '../server/email/transport.js';
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
  SLOTS_RATE_LIMIT: '1000000000',
});
const db = connectDatabase(config.databaseUrl);
const calendar = createCalendarSync({ db, config });
const app = createApp({ db, config, calendar });
const calendarWorkers = calendar.start();
// No SMTP_URL: emails go to the built-in mailbox, as in a default install.
const emailWorker = startEmailWorker({
  db,
  transport: transportFor(null),
  from: config.mailFrom,
  appUrl: config.appUrl,
  secretKey: config.secretKey,
});
/** Constant JSON whose text is `bytes` long: the stretch baseline, as many bytes as a slots answer. */
const paddedTo = (bytes: number) => {
  const empty = JSON.stringify({ ok: true, padding: '' }).length;
  return { ok: true, padding: 'x'.repeat(Math.max(0, bytes - empty)) };
};
const padded = new Map<number, object>();
const bare = new Hono()
  .get(CONSTANT_PATH, (c) => c.json({ ok: true, service: 'book-your-services', slots: [] }))
  .get(`${CONSTANT_PATH}/:bytes{[0-9]{1,6}}`, (c) => {
    const bytes = Number(c.req.param('bytes'));
    if (!padded.has(bytes)) padded.set(bytes, paddedTo(bytes));
    return c.json(padded.get(bytes)!);
  });

const server = serve(
  {
    fetch: (request, env) =>
      new URL(request.url).pathname.startsWith(CONSTANT_PATH) ? bare.fetch(request) : app.fetch(request, env),
    port: 0,
    hostname: '127.0.0.1',
  },
  (info) => console.log(JSON.stringify({ listening: info.port })),
);

process.once('SIGTERM', () => {
  const stopped = Promise.all([emailWorker.stop(), calendarWorkers.stop()]);
  server.close(() => void stopped.then(() => db.destroy()).then(() => process.exit(0)));
});
