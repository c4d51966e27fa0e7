import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bare baseline endpoint `bench/server.ts` adds beside the app. */
export const CONSTANT_PATH = '/__bench/constant';

export interface BenchServer {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

const entry = fileURLToPath(new URL('../server.ts', import.meta.url));

/** Starts `bench/server.ts` on the prepared database file and waits until it listens on 127.0.0.1. */
export async function startBenchServer(databaseFile: string): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, BENCH_DATABASE: databaseFile },
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
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
