// Runs one autocannon load in its own process (so the load generator never shares a CPU core's event loop with
// the server it measures) and prints a one-line JSON summary. Spec: a JSON file named by the first argument.

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './lib/load.js';

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
const paths = spec.paths ?? [spec.path ?? '/'];
const bodies = spec.bodiesFile ? readFileSync(spec.bodiesFile, 'utf8').split('\n').filter(Boolean) : undefined;
let next = 0;

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.durationSeconds ?? 5 }),
  timeout: 10,
  requests: [
    {
      method: spec.method ?? 'GET',
      headers: spec.headers ?? {},
      // Every request takes the next path and the next body: bookings need a distinct slot each.
      setupRequest: (request) => {
        const n = next++;
        return {
          ...request,
          path: paths[n % paths.length]!,
          ...(bodies && { body: bodies[n % bodies.length]! }),
        };
      },
    },
  ],
});

const statusCodes: Record<string, number> = {};
for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
  statusCodes[code] = Number((stat as { count: number }).count);
const responses = Object.values(statusCodes).reduce((a, b) => a + b, 0);
const summary: LoadResult = {
  durationSeconds: result.duration,
  responses,
  requestsPerSecond: responses / result.duration,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: result.latency.mean,
  },
  statusCodes,
  errors: result.errors,
  timeouts: result.timeouts,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
