import { DateTime } from 'luxon';
import { busyDataset } from './lib/datasets.js';
import { countStatus, type LoadResult, type LoadRounds, runLoadOn } from './lib/load.js';
import { BUSY } from './lib/scenario.js';
import { CONSTANT_PATH, startBenchServer } from './lib/server-process.js';
import { median } from './lib/stats.js';

export interface EndpointFigures {
  /** Every request asks the same month (the cache answers). */
  slotsRps: number;
  constantRps: number;
  ratio: number;
  /** Against constant JSON of the slots answer's size (the stretch baseline). */
  sizedConstantRps: number;
  sizedRatio: number;
  answerBytes: number;
  slotsP50Ms: number;
  slotsP99Ms: number;
  constantP99Ms: number;
  /** Server CPU per answer, for the cached and the uncached slots and the constant JSON. */
  slotsCpuMs: number;
  uncachedCpuMs: number;
  constantCpuMs: number;
  slotsPerResponse: number;
  /** Every request a different month or zone (1,800 of them, more than the cache holds): always computed. */
  uncachedRps: number;
  uncachedP50Ms: number;
  uncachedP99Ms: number;
  /** Server RSS in MB after each round (cached, constant and uncached runs): a leak shows as steady growth. */
  rssMb: number[];
  /** After the same rounds run a second time in the same server: no growth over `rssMb`'s last. */
  rssSecondPassMb: number;
  runs: number;
  connections: number;
  secondsPerRun: number;
}

/** A month of the busy provider's slots, as the widget asks for them (one calendar page at a time). */
export function monthOfSlotsPath(
  slug: string,
  serviceId: number,
  firstDate: string,
  timeZone: string = BUSY.timeZone,
): string {
  const to = DateTime.fromISO(firstDate).plus({ days: 30 }).toISODate();
  return `/api/providers/${slug}/slots?service=${serviceId}&from=${firstDate}&to=${to}&tz=${encodeURIComponent(timeZone)}`;
}

export const ZONES = [
  'Europe/Berlin',
  'Europe/London',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/Lisbon',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Europe/Oslo',
  'Europe/Dublin',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Australia/Sydney',
  'Australia/Perth',
  'Africa/Johannesburg',
  'Pacific/Auckland',
];

/** 60 first days × 30 zones: months that are all different questions. */
function distinctMonths(slug: string, serviceId: number, firstDate: string): string[] {
  return Array.from({ length: 60 }, (_, day) => DateTime.fromISO(firstDate).plus({ days: day }).toISODate()!).flatMap(
    (from) => ZONES.map((zone) => monthOfSlotsPath(slug, serviceId, from, zone)),
  );
}

/**
 * Benchmark 2: the slots endpoint against constant-JSON endpoints of the same server process (53 bytes, and as many
 * bytes as the slots answer), at 50 connections.
 * Runs alternate between the two so drifting machine load hits both alike; the ratio is taken within each run.
 */
export async function benchSlotsEndpoint(
  dir: string,
  { runs = 5, seconds = 5 }: LoadRounds = {},
): Promise<EndpointFigures> {
  const connections = 50;
  const data = await busyDataset(dir);
  const provider = data.providers[0]!;
  const slotsPath = monthOfSlotsPath(provider.slug, provider.serviceId, data.firstDate);
  const server = await startBenchServer(data.file);
  try {
    const probe = await fetch(`${server.url}${slotsPath}`);
    if (probe.status !== 200) throw new Error(`slots probe answered ${probe.status}: ${await probe.text()}`);
    const answer = await probe.text();
    const slotsPerResponse = (JSON.parse(answer) as { slots: unknown[] }).slots.length;
    const answerBytes = Buffer.byteLength(answer);
    const sizedPath = `${CONSTANT_PATH}/${answerBytes}`;
    const months = distinctMonths(provider.slug, provider.serviceId, data.firstDate);
    const load = (paths: string[], durationSeconds: number) =>
      runLoadOn(server, { connections, durationSeconds, paths });
    await load([CONSTANT_PATH], 2); // warm-up: JIT, SQLite page cache
    await load([slotsPath], 2);
    await load(months, 2);
    const slots: LoadResult[] = [];
    const constant: LoadResult[] = [];
    const sized: LoadResult[] = [];
    const uncached: LoadResult[] = [];
    const rssMb: number[] = [];
    for (let run = 0; run < runs; run++) {
      constant.push(await load([CONSTANT_PATH], seconds));
      slots.push(await load([slotsPath], seconds));
      sized.push(await load([sizedPath], seconds));
      uncached.push(await load(months, seconds));
      rssMb.push(server.rssMb() ?? Number.NaN);
    }
    // Memory: the same rounds once more in the same process. A leak (caches, rate-limit windows) grows here.
    for (let run = 0; run < runs; run++) {
      for (const paths of [[CONSTANT_PATH], [slotsPath], months]) await load(paths, seconds);
    }
    const rssSecondPassMb = server.rssMb() ?? Number.NaN;
    for (const result of [...slots, ...constant, ...sized, ...uncached]) {
      if (countStatus(result, '2') !== result.responses || result.errors > 0) {
        throw new Error(`non-200 answers under load: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`);
      }
    }
    return {
      slotsRps: median(slots.map((r) => r.requestsPerSecond)),
      constantRps: median(constant.map((r) => r.requestsPerSecond)),
      ratio: median(slots.map((r, i) => r.requestsPerSecond / constant[i]!.requestsPerSecond)),
      sizedConstantRps: median(sized.map((r) => r.requestsPerSecond)),
      sizedRatio: median(slots.map((r, i) => r.requestsPerSecond / sized[i]!.requestsPerSecond)),
      answerBytes,
      slotsP50Ms: median(slots.map((r) => r.latencyMs.p50)),
      slotsP99Ms: median(slots.map((r) => r.latencyMs.p99)),
      constantP99Ms: median(constant.map((r) => r.latencyMs.p99)),
      slotsCpuMs: median(slots.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      uncachedCpuMs: median(uncached.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      constantCpuMs: median(constant.map((r) => r.serverCpuMsPerResponse ?? Number.NaN)),
      slotsPerResponse,
      uncachedRps: median(uncached.map((r) => r.requestsPerSecond)),
      uncachedP50Ms: median(uncached.map((r) => r.latencyMs.p50)),
      uncachedP99Ms: median(uncached.map((r) => r.latencyMs.p99)),
      rssMb,
      rssSecondPassMb,
      runs,
      connections,
      secondsPerRun: seconds,
    };
  } finally {
    await server.stop();
  }
}
