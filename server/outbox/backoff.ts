export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many failed attempts a job is given up and marked `failed`. */
  maxAttempts: number;
}

/**
 * Exponential backoff with "equal jitter" (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * attempt n has a ceiling of base·2ⁿ⁻¹ (never more than max) and waits a random time in its upper half,
 * [ceiling/2, ceiling]. Not full jitter ([0, ceiling]): attempts are counted, so an unlucky run of short waits
 * would use them all up within a brief outage; with equal jitter the attempts always span at least half the
 * nominal schedule. A server's `Retry-After` wins when it asks for longer.
 */
export function retryDelayMs(
  policy: BackoffPolicy,
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
