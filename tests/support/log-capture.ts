import type { Level } from 'pino';
import { redirectLog } from '../../server/logger.js';

export interface LogCapture {
  /** Every line logged since the capture began, as written (JSON). */
  text(): string;
  /** The same lines, parsed. */
  lines(): Record<string, unknown>[];
  /** Sends the log back where it went before. */
  restore(): void;
}

/** Reads the server's log from now on, at `level` and above. */
export function captureLog(level: Level = 'info'): LogCapture {
  const chunks: string[] = [];
  const restore = redirectLog({ write: (line: string) => void chunks.push(line) }, level);
  const text = () => chunks.join('');
  return {
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore,
  };
}
