import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { computeSlots } from '../server/availability/slots.js';
import { connectDatabase } from '../server/db/connect.js';
import { findProviderBySlug } from '../server/providers/providers.repository.js';
import { findService } from '../server/services/services.repository.js';
import { loadTeamAvailability, noBusyTimes } from '../server/slots/availability.loader.js';
import { growthDataset } from './lib/datasets.js';
import { countStatus, type LoadRounds, runLoadOn } from './lib/load.js';
import { BUSY } from './lib/scenario.js';
import { startBenchServer } from './lib/server-process.js';
import { median, quantile } from './lib/stats.js';
import { monthOfSlotsPath, ZONES } from './slots-endpoint.js';

export interface GrowthPoint {
  providers: number;
  appointments: number;
  /** Loading one provider's month from the database and computing its slots, in this process. */
  slotsMedianMs: number;
  slotsP99Ms: number;
  /** The endpoint over HTTP, every request a question not asked before (never from the cache). */
  endpointP50Ms: number;
  endpointP99Ms: number;
  endpointRps: number;
  /** Server CPU per uncached slots answer. */
  endpointCpuMs: number;
  /** `GET /api/providers?q=…`: a directory search, with next available times. */
  searchP50Ms: number;
  searchP99Ms: number;
  searchCpuMs: number;
}

/** The directory searches asked of every database: words, a city, a prefix, with next available times. */
export const SEARCHES = ['hair', 'yoga', 'berlin', 'lisbon', 'massage', 'physio', 'tutoring', 'dent'].map(
  (q) => `/api/providers?q=${q}&limit=20`,
);

export const GROWTH_PROVIDERS = [10, 100, 1_000, 10_000];
export const GROWTH_APPOINTMENTS = [1_000, 10_000, 100_000];

/**
 * Benchmark 5: the same questions about the same ten providers, asked of databases growing around them from 10 to
 * 10,000 other providers and 1,000 to 100,000 other appointments (two years of history plus the coming 60 days).
 * Flat figures down a column mean the indexes do their work. Search scans names, so it is shown for reference.
 */
export async function benchGrowth(
  dir: string,
  options: LoadRounds & { providers?: number[]; appointments?: number[]; log?: (line: string) => void } = {},
): Promise<GrowthPoint[]> {
  const points: GrowthPoint[] = [];
  const { runs = 3, seconds = 3 } = options;
  for (const providerCount of options.providers ?? GROWTH_PROVIDERS) {
    for (const appointmentCount of options.appointments ?? GROWTH_APPOINTMENTS) {
      const data = await growthDataset(dir, providerCount, appointmentCount);
      const chosen = data.providers; // the probes
      const to = DateTime.fromISO(data.firstDate).plus({ days: 30 }).toISODate()!;

      // In process: the loader's queries and computeSlots, the endpoint's work without HTTP.
      const db = connectDatabase(`sqlite:${data.file}`);
      const times: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (const p of chosen) {
          const started = performance.now();
          const provider = (await findProviderBySlug(db, p.slug))!;
          const service = (await findService(db, provider.id, p.serviceId))!;
          const range = {
            start: DateTime.fromISO(data.firstDate, { zone: BUSY.timeZone }).toMillis(),
            end: DateTime.fromISO(to, { zone: BUSY.timeZone }).plus({ days: 1 }).toMillis(),
          };
          const members = [{ id: p.memberId, provider_id: provider.id }];
          const [owner] = await loadTeamAvailability(db, {
            provider,
            service,
            members,
            range,
            now: Date.now(),
            busyTimes: noBusyTimes,
          });
          computeSlots(owner!.input);
          if (round > 0) times.push(performance.now() - started); // round 0 warms up
        }
      }
      await db.destroy();

      const server = await startBenchServer(data.file);
      try {
        // 10 probes × 30 zones × 10 first days: 3,000 different questions, more than the slots cache keeps.
        const firstDays = Array.from(
          { length: 10 },
          (_, i) => DateTime.fromISO(data.firstDate).plus({ days: i }).toISODate()!,
        );
        const paths = firstDays.flatMap((day) =>
          chosen.flatMap((p) => ZONES.map((zone) => monthOfSlotsPath(p.slug, p.serviceId, day, zone))),
        );
        const endpoint = [];
        const search = [];
        await runLoadOn(server, { connections: 10, durationSeconds: 1, paths });
        for (let run = 0; run < runs; run++) {
          endpoint.push(await runLoadOn(server, { connections: 10, durationSeconds: seconds, paths }));
          search.push(await runLoadOn(server, { connections: 10, durationSeconds: seconds, paths: SEARCHES }));
        }
        for (const r of [...endpoint, ...search]) {
          if (countStatus(r, '2') !== r.responses)
            throw new Error(`growth: non-200 answers ${JSON.stringify(r.statusCodes)}`);
        }
        const point: GrowthPoint = {
          providers: providerCount,
          appointments: appointmentCount,
          slotsMedianMs: median(times),
          slotsP99Ms: quantile(times, 0.99),
          endpointP50Ms: median(endpoint.map((r) => r.latencyMs.p50)),
          endpointP99Ms: median(endpoint.map((r) => r.latencyMs.p99)),
          endpointRps: median(endpoint.map((r) => r.requestsPerSecond)),
          endpointCpuMs: median(endpoint.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
          searchP50Ms: median(search.map((r) => r.latencyMs.p50)),
          searchP99Ms: median(search.map((r) => r.latencyMs.p99)),
          searchCpuMs: median(search.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
        };
        options.log?.(JSON.stringify(point));
        points.push(point);
      } finally {
        await server.stop();
      }
    }
  }
  return points;
}
