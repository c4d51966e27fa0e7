import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectDatabase } from '../server/db/connect.js';
import { type Dataset, openDataset } from './lib/datasets.js';
import { countStatus, type LoadResult, type LoadRounds, runLoadOn } from './lib/load.js';
import { startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface BookingFigures {
  bookingsPerSecond: number;
  /** Server CPU per booking: what one dedicated core would sustain is 1000 / this. */
  serverCpuMsPerBooking: number;
  p50Ms: number;
  p99Ms: number;
  fiveXx: number;
  unexpected: Record<string, number>;
  race: { requests: number; created: number; conflicts: number; fiveXx: number; rowsInDatabase: number };
  runs: number;
  providers: number;
  connections: number;
  secondsPerRun: number;
}

const QUARTER = 15 * 60_000;

/** Request bodies for `count` distinct free quarter hours, dealt round-robin over the providers. */
function bookingBodies(data: Dataset, firstSlot: number, count: number, slotsCycle = count): string[] {
  const base = Date.parse(`${data.firstDate}T00:00:00.000Z`);
  return Array.from({ length: count }, (_, i) => {
    const n = firstSlot + (i % slotsCycle);
    const provider = data.providers[n % data.providers.length]!;
    const start = new Date(base + Math.floor(n / data.providers.length) * QUARTER).toISOString();
    return JSON.stringify({
      provider: provider.slug,
      service: provider.serviceId,
      start,
      customer: { name: `Load Tester ${i}`, email: `load-${firstSlot + i}@bench.test` },
    });
  });
}

/**
 * Benchmark 3: `POST /api/bookings` at 50 connections, every request for a different free slot of one of 100
 * providers; then 2,000 requests racing for the same 10 slots, which must give exactly 10 bookings.
 */
export async function benchBookings(dir: string, { runs = 3, seconds = 5 }: LoadRounds = {}): Promise<BookingFigures> {
  const connections = 50;
  const data = await openDataset(dir, 100);
  const server = await startBenchServer(data.file);
  const perRun = 40_000; // well above what 5 seconds can book, so no body is ever sent twice
  let nextSlot = 0;
  const bodiesFile = (name: string, bodies: string[]) => {
    const file = join(dir, `${name}.jsonl`);
    writeFileSync(file, `${bodies.join('\n')}\n`);
    return file;
  };
  const post = (spec: { bodiesFile: string; durationSeconds?: number; amount?: number }) =>
    runLoadOn(server, {
      connections,
      method: 'POST',
      path: '/api/bookings',
      headers: { 'content-type': 'application/json' },
      ...spec,
    });
  try {
    await post({ bodiesFile: bodiesFile('warmup', bookingBodies(data, nextSlot, 5_000)), durationSeconds: 1 });
    nextSlot += 5_000;
    const results: LoadResult[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await post({
        bodiesFile: bodiesFile(`run-${run}`, bookingBodies(data, nextSlot, perRun)),
        durationSeconds: seconds,
      });
      if (result.responses >= perRun) throw new Error('the run outlasted its distinct slots; raise perRun');
      results.push(result);
      nextSlot += perRun;
    }

    const raceSlots = bookingBodies(data, nextSlot, 2_000, 10);
    const race = await post({ bodiesFile: bodiesFile('race', raceSlots), amount: 2_000 });
    const raceStarts = [...new Set(raceSlots.map((b) => (JSON.parse(b) as { start: string }).start))];
    const db = connectDatabase(`sqlite:${data.file}`);
    const raceRows = await db
      .selectFrom('appointments')
      .select(db.fn.countAll<number>().as('n'))
      .where('start_at', 'in', raceStarts)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    await db.destroy();

    const unexpected: Record<string, number> = {};
    for (const result of results) {
      for (const [code, n] of Object.entries(result.statusCodes))
        if (code !== '201') unexpected[code] = (unexpected[code] ?? 0) + n;
    }
    return {
      bookingsPerSecond: median(results.map((r) => (r.statusCodes['201'] ?? 0) / r.durationSeconds)),
      serverCpuMsPerBooking: median(results.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      p50Ms: median(results.map((r) => r.latencyMs.p50)),
      p99Ms: median(results.map((r) => r.latencyMs.p99)),
      fiveXx: results.reduce((sum, r) => sum + countStatus(r, '5'), 0),
      unexpected,
      race: {
        requests: race.responses,
        created: race.statusCodes['201'] ?? 0,
        conflicts: race.statusCodes['409'] ?? 0,
        fiveXx: countStatus(race, '5'),
        rowsInDatabase: Number(raceRows.n),
      },
      runs,
      providers: data.providers.length,
      connections,
      secondsPerRun: seconds,
    };
  } finally {
    await server.stop();
  }
}
