import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { migrateToLatest } from '../../server/db/connect.js';
import { bookingBody, createProvider } from '../support/fixtures.js';
import { call } from '../support/http.js';
import { createTestContext } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-databases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run backup -- <destination>`, minus npm: the script it runs, as its own process. */
function runBackup(databaseUrl: string, destination: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/ops/backup.cli.ts', destination], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('npm run backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a live database, bookings in its WAL included; the copy restored serves them', async () => {
    const live = `sqlite:${join(dir, 'live', 'app.db')}`;
    const ctx = await createTestContext({ config: { databaseUrl: live } });
    const provider = await createProvider(ctx);
    const booked = [];
    for (const start of ['2026-12-02T09:00:00.000Z', '2026-12-02T10:00:00.000Z', '2026-12-03T09:00:00.000Z']) {
      const res = await call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, start) });
      expect(res.status).toBe(201);
      booked.push(res.body.booking as { id: number; manageUrl: string });
    }

    // Those bookings are still in the write-ahead log, which a plain copy of app.db would miss.
    expect(statSync(join(dir, 'live', 'app.db-wal')).size).toBeGreaterThan(0);
    // The server's connection stays open and keeps writing while the copy is made.
    const backup = join(dir, 'app-backup.db');
    const copying = runBackup(live, backup);
    const during = await call(ctx, 'POST', '/api/bookings', {
      body: bookingBody(provider, '2026-12-04T09:00:00.000Z'),
    });
    expect(during.status).toBe(201);
    const { code, output } = await copying;
    expect(code, output).toBe(0);
    expect(output).toContain('Backed up');
    expect(statSync(backup).mode & 0o777).toBe(0o600);

    // Restore: the copy in a fresh server's place, started as usual.
    const restoredFile = join(dir, 'restored', 'app.db');
    mkdirSync(join(dir, 'restored'));
    copyFileSync(backup, restoredFile);
    const db = openTestDatabase(`sqlite:${restoredFile}`);
    await migrateToLatest(db);
    const restored = { app: createApp({ db, config: { ...ctx.config, databaseUrl: `sqlite:${restoredFile}` } }) };

    expect((await call(restored, 'GET', '/readyz')).status).toBe(200);
    const listed = await call(restored, 'GET', '/api/admin/appointments', { session: provider.session });
    expect(listed.status).toBe(200);
    const ids = (listed.body.appointments as { id: number }[]).map((a) => a.id);
    for (const booking of booked) expect(ids).toContain(booking.id);
    // The customer's manage link still works: the token's hash came along, and the same SECRET_KEY opens the rest.
    const first = booked[0]!;
    const token = new URL(first.manageUrl).searchParams.get('token')!;
    expect((await call(restored, 'GET', `/api/bookings/${first.id}?token=${token}`)).status).toBe(200);
  });

  it('refuses a database that is not a SQLite file, with a clear message', async () => {
    const { code, output } = await runBackup('sqlite::memory:', join(dir, 'nothing.db'));
    expect(code).toBe(1);
    expect(output).toContain('npm run backup copies a SQLite file');
  });
});
