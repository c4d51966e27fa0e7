import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Ports handed out in this process. None is handed out twice: a client's pool may still hold a kept-alive
 * connection to a server that was killed on a port, and a new server on the same port would get its requests
 * half-sent on that dead socket (ECONNRESET).
 */
const handedOut = new Set<number>();

/** A port free just now, never one this process had before. Free is not reserved: see `startChildServer`. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
      probe.on('error', reject);
    });
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** How often a start may find its port taken (by another suite on a shared machine) before that is an error. */
const BIND_ATTEMPTS = 5;

/** How the child runs the server: from source through tsx, unless a test gives the built file. */
const FROM_SOURCE = ['--import', 'tsx', 'server/main.ts'];

/**
 * Runs `server/main.ts` as `npm start` would (minus the build), or the `node` arguments given, and waits until it
 * listens. The port is found free
 * and only then bound by the child, seconds later: if something else took it meanwhile, the child cannot bind
 * (EADDRINUSE) and exits, and the start is tried again on another port. `pickPort` is for the test of just that.
 */
export async function startChildServer(
  env: Record<string, string>,
  pickPort: () => Promise<number> = freePort,
  args: string[] = FROM_SOURCE,
): Promise<ChildServer> {
  for (let attempt = 1; ; attempt++) {
    const started = await startOn(await pickPort(), env, args);
    if (started !== 'port taken') return started;
    if (attempt === BIND_ATTEMPTS) throw new Error(`server found its port taken ${attempt} times`);
  }
}

async function startOn(port: number, env: Record<string, string>, args: string[]): Promise<ChildServer | 'port taken'> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = await new Promise<boolean>((resolve, reject) => {
    // Bounds a hang, not a slow start: loading the server through tsx takes seconds idle, many times that when busy.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    child.stdout.on('data', () => {
      if (output.includes('listening')) {
        clearTimeout(timer);
        resolve(true);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (output.includes('EADDRINUSE')) resolve(false);
      else reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  if (!listening) return 'port taken';
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}
