import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How long a load benchmark runs: `runs` rounds of `seconds` each (`npm run bench -- --quick` shortens both). */
export interface LoadRounds {
  runs?: number;
  seconds?: number;
}

export interface LoadSpec {
  url: string;
  connections: number;
  /** Run for this long… */
  durationSeconds?: number;
  /** …or until this many responses. */
  amount?: number;
  method?: string;
  headers?: Record<string, string>;
  path?: string;
  /** Cycled, one per request. */
  paths?: string[];
  /** One body per line, taken in turn. */
  bodiesFile?: string;
}

export interface LoadResult {
  durationSeconds: number;
  /** CPU the server used per response during the run (see server-process.ts), when measured. */
  serverCpuMsPerResponse?: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

const worker = fileURLToPath(new URL('../load-worker.ts', import.meta.url));
const specDir = mkdtempSync(join(tmpdir(), 'bench-load-'));
let specs = 0;

/** Runs autocannon in a separate Node process and returns its summary. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const file = join(specDir, `spec-${++specs}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--import', 'tsx', worker, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const line = out.trim().split('\n').pop();
  if (code !== 0 || !line) throw new Error(`load worker failed (${code}):\n${err}`);
  return JSON.parse(line) as LoadResult;
}

/** `runLoad` with the server's CPU time per response measured across the run. */
export async function runLoadOn(
  server: { url: string; cpuMs: () => number | undefined },
  spec: Omit<LoadSpec, 'url'>,
): Promise<LoadResult> {
  const before = server.cpuMs();
  const result = await runLoad({ ...spec, url: server.url });
  const after = server.cpuMs();
  return before === undefined || after === undefined || result.responses === 0
    ? result
    : { ...result, serverCpuMsPerResponse: (after - before) / result.responses };
}

/** Sums responses whose status starts with the given digit ("5" → every 5xx). */
export const countStatus = (result: LoadResult, prefix: string): number =>
  Object.entries(result.statusCodes).reduce((sum, [code, n]) => (code.startsWith(prefix) ? sum + n : sum), 0);
