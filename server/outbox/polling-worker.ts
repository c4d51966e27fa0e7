export interface PollingWorker {
  /** Runs one pass now (tests call this instead of waiting for the timer). */
  runOnce(): Promise<void>;
  /** Stops polling and waits for a pass in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Calls `pass` every `intervalMs`, never two passes at once. A pass that throws is logged and
 * the next one runs on time: the outbox rows themselves carry the retry state.
 */
export function startPollingWorker(name: string, intervalMs: number, pass: () => Promise<void>): PollingWorker {
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOnce = (): Promise<void> => {
    running ??= pass()
      .catch((error: unknown) => console.error(`${name} worker pass failed:`, error))
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
      clearInterval(timer);
      await running;
    },
  };
}
