import { log } from '../logger.js';

export interface PollingWorker {
  /** Runs one pass now (tests call this instead of waiting for the timer). */
  runOnce(): Promise<void>;
  /** Stops polling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/** The workers started in this process and not stopped, by name (a name twice if started twice): `/readyz` reads it. */
const started = new Map<symbol, string>();
export const runningWorkers = (): string[] => [...started.values()];

/**
 * Calls `pass` every `intervalMs`, never two passes at once. A pass that throws is logged and
 * the next one runs on time: the outbox rows themselves carry the retry state.
 */
export function startPollingWorker(name: string, intervalMs: number, pass: () => Promise<void>): PollingWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const id = Symbol(name);
  started.set(id, name);

  const runOnce = (): Promise<void> => {
    running ??= pass()
      .catch((error: unknown) => log.error({ worker: name, err: error }, 'worker pass failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      started.delete(id);
      clearInterval(timer);
      await running;
    },
  };
}
