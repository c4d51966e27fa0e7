import { createRequire } from 'node:module';
import { type DestinationStream, type Level, type Logger, pino } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Where a log line goes: stdout, or what a test hands to `redirectLog`. One indirection so the logger the whole server
 * imports can be read by a test without each feature taking a logger as a parameter.
 */
let destination: DestinationStream = pino.destination({ fd: 1, sync: true });

/**
 * The server's logger: one JSON object per line on stdout (`level`, `time`, `msg`, `reqId` on a request's lines),
 * human-readable with LOG_FORMAT=pretty or NODE_ENV=development. LOG_LEVEL sets the level (default `info`; `silent`
 * under NODE_ENV=test, which Vitest sets, so test output stays quiet).
 *
 * Lines name things by id, kind and count. A customer's name, email, phone or address, a token, a cookie or a query
 * string never go in one; the keys below are redacted as a second line of defence if some object slips in.
 */
export const log: Logger = pino(
  {
    level: levelOf(process.env),
    redact: {
      paths: ['email', 'phone', 'name', 'address', 'token', '*.email', '*.phone', '*.name', '*.address', '*.token'],
      censor: '[redacted]',
    },
  },
  { write: (line: string) => destination.write(line) },
);

if (pretty(process.env)) {
  // A development dependency, required only when asked for: an install without it logs JSON and says why.
  try {
    const prettyStream = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
    destination = prettyStream({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    log.warn('pino-pretty is not installed (a development dependency): logging JSON');
  }
}

/** Sends the log to `stream` at `level` until the returned function is called (tests read the log this way). */
export function redirectLog(stream: DestinationStream, level: Level = 'info'): () => void {
  const previous = { destination, level: log.level };
  destination = stream;
  log.level = level;
  return () => {
    destination = previous.destination;
    log.level = previous.level;
  };
}

function levelOf(env: NodeJS.ProcessEnv): string {
  const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!(LEVELS as readonly string[]).includes(level))
    throw new Error(`Invalid configuration:\n  LOG_LEVEL: must be one of ${LEVELS.join(', ')}, got "${level}"`);
  return level;
}

function pretty(env: NodeJS.ProcessEnv): boolean {
  if (env.LOG_FORMAT !== undefined && env.LOG_FORMAT !== 'json' && env.LOG_FORMAT !== 'pretty')
    throw new Error(`Invalid configuration:\n  LOG_FORMAT: must be json or pretty, got "${env.LOG_FORMAT}"`);
  return env.LOG_FORMAT === 'pretty' || (env.LOG_FORMAT === undefined && env.NODE_ENV === 'development');
}
