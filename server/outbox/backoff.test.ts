import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 8 };

describe('retryDelayMs', () => {
  it('doubles the ceiling each attempt with jitter in its upper half', () => {
    expect(retryDelayMs(policy, 1, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 3, undefined, () => 1)).toBe(4000);
    expect(retryDelayMs(policy, 3, undefined, () => 0)).toBe(2000);
  });

  it('waits between half the ceiling and the ceiling, whatever the draw', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, draw) => {
          const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
          const delay = retryDelayMs(policy, attempt, undefined, () => draw);
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('spends at least half the nominal schedule before the last attempt, even with the shortest draws', () => {
    const waits = Array.from({ length: policy.maxAttempts - 1 }, (_, i) => i + 1);
    const nominal = waits.reduce((sum, attempt) => sum + retryDelayMs(policy, attempt, undefined, () => 1), 0);
    const shortest = waits.reduce((sum, attempt) => sum + retryDelayMs(policy, attempt, undefined, () => 0), 0);
    expect(shortest).toBe(nominal / 2);
  });

  it('never exceeds the maximum', () => {
    expect(retryDelayMs(policy, 30, undefined, () => 1)).toBe(60_000);
  });

  it('honours a longer Retry-After', () => {
    expect(retryDelayMs(policy, 1, 30_000, () => 1)).toBe(30_000);
    expect(retryDelayMs(policy, 5, 10, () => 1)).toBe(16_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-01T08:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 08:00:30 GMT', now)).toBe(30_000);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
