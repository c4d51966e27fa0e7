import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { fixedWindow } from './rate-limit.js';

describe('fixedWindow', () => {
  it('refuses the hit over the limit with the seconds left in the window', () => {
    let t = 0;
    const hit = fixedWindow({ windowMs: 60_000, limit: 2, now: () => t });
    hit('a');
    hit('a');
    t = 15_000;
    const refused = (() => {
      try {
        hit('a');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).headers).toEqual({ 'Retry-After': '45' });
    hit('b'); // another client has its own window
    t = 60_000;
    hit('a'); // a new window
  });

  it('holds at most maxBuckets clients, whether their windows ended or not', () => {
    let t = 0;
    const hit = fixedWindow({ windowMs: 1_000, limit: 5, now: () => t, maxBuckets: 100 });
    for (let i = 0; i < 2_000; i++) {
      hit(`client-${i}`);
      if (i % 50 === 0) t += 10; // windows end while the flood goes on
      expect(hit.size).toBeLessThanOrEqual(100);
    }
    // The newest clients are still counted.
    for (let n = 0; n < 4; n++) hit('client-1999');
    expect(() => hit('client-1999')).toThrow(AppError);
  });
});
