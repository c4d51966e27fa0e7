import { busyDataset } from './lib/datasets.js';
import { countStatus, type LoadResult, type LoadRounds, runLoadOn } from './lib/load.js';
import { startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface ProfilePageFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU per page. */
  cpuMs: number;
  bytes: number;
  runs: number;
  connections: number;
  secondsPerRun: number;
}

/**
 * Benchmark 6: the busy provider's public profile page (`/p/:slug`, rendered on the server: details, services,
 * team, opening hours, reviews), as a visitor without a cookie gets it, at 50 connections.
 */
export async function benchProfilePage(
  dir: string,
  { runs = 5, seconds = 5 }: LoadRounds = {},
): Promise<ProfilePageFigures> {
  const connections = 50;
  const data = await busyDataset(dir);
  const path = `/p/${data.providers[0]!.slug}`;
  const server = await startBenchServer(data.file);
  try {
    const probe = await fetch(`${server.url}${path}`);
    const page = await probe.text();
    if (probe.status !== 200 || !page.includes('<h1')) throw new Error(`profile probe answered ${probe.status}`);
    await runLoadOn(server, { connections, durationSeconds: 2, paths: [path] }); // warm-up
    const results: LoadResult[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await runLoadOn(server, { connections, durationSeconds: seconds, paths: [path] });
      if (countStatus(result, '2') !== result.responses || result.errors > 0)
        throw new Error(`non-200 answers under load: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`);
      results.push(result);
    }
    return {
      requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
      p50Ms: median(results.map((r) => r.latencyMs.p50)),
      p99Ms: median(results.map((r) => r.latencyMs.p99)),
      cpuMs: median(results.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      bytes: Buffer.byteLength(page),
      runs,
      connections,
      secondsPerRun: seconds,
    };
  } finally {
    await server.stop();
  }
}
