// CPU per booking in process: the booking path through `app.request` (no HTTP server, no load generator, the email
// worker not running), timed with `process.cpuUsage()`. On a shared machine this holds up where rates do not.
// `tsx bench/booking-cpu.ts [bookings] > /dev/null` (stdout carries the request log, as in production; the figure
// goes to stderr). `BENCH_PROFILE=<dir>` adds a V8 CPU profile of the timed part, `BENCH_STATEMENTS=1` the time
// SQLite spent in each statement.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { createCalendarSync } from '../server/calendar/calendar-sync.js';
import { loadConfig } from '../server/config.js';
import { connectDatabase } from '../server/db/connect.js';
import { openDataset } from './lib/datasets.js';
import { timeStatements } from './lib/statement-timing.js';

const count = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'booking-cpu-'));
try {
  const data = await openDataset(dir, 100);
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: `sqlite:${data.file}`,
    SEED_DEMO: 'false',
    SECRET_KEY: 'bench-secret-key-bench-secret-key-0123456789',
    BOOKING_RATE_LIMIT: '1000000000',
  });
  const db = connectDatabase(config.databaseUrl);
  const app = createApp({ db, config, calendar: createCalendarSync({ db, config }) });
  const base = Date.parse(`${data.firstDate}T00:00:00.000Z`);
  let n = 0;
  const book = async () => {
    const provider = data.providers[n % data.providers.length]!;
    const start = new Date(base + Math.floor(n / data.providers.length) * 15 * 60_000).toISOString();
    const res = await app.request('/api/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        provider: provider.slug,
        service: provider.serviceId,
        start,
        customer: { name: `CPU ${n}`, email: `cpu-${n}@bench.test` },
      }),
    });
    n++;
    if (res.status !== 201) throw new Error(`booking ${n}: ${res.status} ${await res.text()}`);
  };
  for (let i = 0; i < 300; i++) await book();
  const profile = process.env.BENCH_PROFILE;
  const session = new Session();
  if (profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const statements = process.env.BENCH_STATEMENTS ? timeStatements() : undefined;
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await book();
  const used = process.cpuUsage(before);
  if (profile) {
    const { profile: result } = await session.post('Profiler.stop');
    mkdirSync(profile, { recursive: true });
    writeFileSync(join(profile, 'booking-cpu.cpuprofile'), JSON.stringify(result));
  }
  const ms = (used.user + used.system) / 1000 / count;
  process.stderr.write(`${JSON.stringify({ bookings: count, cpuMsPerBooking: Math.round(ms * 1000) / 1000 })}\n`);
  if (statements) process.stderr.write(`${statements()}\n`);
  await db.destroy();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
