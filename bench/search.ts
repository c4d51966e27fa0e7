import { SEARCHES } from './growth.js';
import { growthDataset } from './lib/datasets.js';
import { countStatus, type LoadRounds, runLoadOn } from './lib/load.js';
import { startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface SearchPoint {
  providers: number;
  p50Ms: number;
  p99Ms: number;
  cpuMs: number;
}

/**
 * Directory search at 1,000 and 10,000 businesses (benchmark 5's databases, 1,000 appointments): the growth
 * benchmark's searches at 10 connections, `runs` rounds each after a warm-up. Flat means the largest directory's
 * p99 within 1.5× of the smallest's.
 */
export async function benchSearch(
  dir: string,
  { runs = 5, seconds = 3, providers = [1_000, 10_000] }: LoadRounds & { providers?: number[] } = {},
): Promise<{ points: SearchPoint[]; p99Ratio: number }> {
  const points: SearchPoint[] = [];
  for (const count of providers) {
    const server = await startBenchServer((await growthDataset(dir, count, 1_000)).file);
    try {
      const load = (durationSeconds: number) =>
        runLoadOn(server, { connections: 10, durationSeconds, paths: SEARCHES });
      // A new database's first search indexes every business (server/search/search.repository.ts): not measured.
      const first = await fetch(`${server.url}${SEARCHES[0]}`);
      if (first.status !== 200) throw new Error(`search probe answered ${first.status}`);
      await load(1);
      const results = [];
      for (let run = 0; run < runs; run++) results.push(await load(seconds));
      for (const r of results)
        if (r.responses === 0 || countStatus(r, '2') !== r.responses)
          throw new Error(`search: non-200 ${JSON.stringify(r.statusCodes)}`);
      points.push({
        providers: count,
        p50Ms: median(results.map((r) => r.latencyMs.p50)),
        p99Ms: median(results.map((r) => r.latencyMs.p99)),
        cpuMs: median(results.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      });
    } finally {
      await server.stop();
    }
  }
  return { points, p99Ratio: points.at(-1)!.p99Ms / points[0]!.p99Ms };
}
