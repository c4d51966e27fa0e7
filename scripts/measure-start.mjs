// Measures how long `node dist/server/main.js` takes from spawn to listening, on an already migrated database (the
// figure in bench/README.md). Run `npm run build` first. Not a test: start-up time depends on the machine's load.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'measure-start-'));
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${join(dir, 'app.db')}`,
  SEED_DEMO: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  NODE_ENV: 'production',
  SECRET_KEY: 'x'.repeat(64),
  LOG_LEVEL: 'info',
};

/** CPU time (user + system, ms) a process has used, from /proc: on a busy machine wall-clock time measures the load. */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ = 100
}

/** Milliseconds (wall clock and CPU) from spawning the server to its "listening" line; the server is then stopped by its own pid. */
function startOnce() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    let ms;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (ms === undefined && output.includes('listening')) {
        ms = { wall: performance.now() - started, cpu: cpuMs(child.pid) };
        child.kill('SIGTERM');
      }
    });
    child.once('exit', (code) =>
      ms === undefined ? reject(new Error(`server exited with ${code} before listening:\n${output}`)) : resolve(ms),
    );
  });
}

try {
  await startOnce(); // creates and migrates the database: not counted
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce());
  const summary = (values) => {
    const sorted = values.sort((a, b) => a - b);
    const ms = (t) => `${Math.round(t)} ms`;
    return `median ${ms(sorted[Math.floor(RUNS / 2)])}, best ${ms(sorted[0])}, worst ${ms(sorted.at(-1))}`;
  };
  console.log(
    `start-up to listening over ${RUNS} runs (load average ${loadavg()[0].toFixed(1)}, Node ${process.version})`,
  );
  console.log(`  wall clock: ${summary(runs.map((r) => r.wall))}`);
  console.log(`  CPU time:   ${summary(runs.map((r) => r.cpu))}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
