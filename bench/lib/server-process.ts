import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bare baseline endpoint `bench/server.ts` adds beside the app. */
export const CONSTANT_PATH = '/__bench/constant';

export interface BenchServer {
  url: string;
  process: ChildProcess;
  /** CPU time (user + system) the server process has used so far, in ms; undefined off Linux. */
  cpuMs: () => number | undefined;
  /** Resident memory of the server process in MB (VmRSS); undefined off Linux. */
  rssMb: () => number | undefined;
  stop: () => Promise<void>;
}

/**
 * Reads utime and stime from /proc/<pid>/stat. On a shared machine wall-clock rates move with everyone else's load;
 * the server's own CPU time per request moves far less, so both are reported.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100;

function processRssMb(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
} // USER_HZ: 100 on every mainstream Linux build

/**
 * `bench/server.ts` compiled as `npm start` runs the server (scripts/bundle-server.mjs), once per bench run: under
 * a TypeScript loader the same server took 80 MB more memory and measured the loader too.
 */
let compiled: Promise<string> | undefined;
function compiledServer(): Promise<string> {
  compiled ??= (async () => {
    const { bundleServer } = await import('../../scripts/bundle-server.mjs');
    const outdir = fileURLToPath(new URL('../../dist/bench', import.meta.url));
    await bundleServer({ server: fileURLToPath(new URL('../server.ts', import.meta.url)) }, outdir);
    return `${outdir}/server.js`;
  })();
  return compiled;
}

/** Starts `bench/server.ts` on the prepared database file and waits until it listens on 127.0.0.1. */
export async function startBenchServer(databaseFile: string): Promise<BenchServer> {
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (what a figure is made of).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, await compiledServer()], {
    // A log line per request would measure stdout, not the server: warnings only, unless asked.
    env: { LOG_LEVEL: 'warn', ...process.env, BENCH_DATABASE: databaseFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /"listening":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then(() => reject(new Error(`bench server exited:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    cpuMs: () => processCpuMs(child.pid),
    rssMb: () => processRssMb(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
