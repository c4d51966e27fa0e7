import { describe, expect, it } from 'vitest';
import type { NextAvailableAnswer } from './next-available.js';
import { createNextAvailableMemory } from './next-available-memory.js';
import { localSlotsVersions } from './slots-versions.js';

const answer = (start: number): NextAvailableAnswer => ({ start, validFrom: 0, validUntil: start, busy: [] });

describe('createNextAvailableMemory', () => {
  it("forgets a business's answer once it changes after the version its data was read at", async () => {
    const versions = localSlotsVersions();
    const memory = createNextAvailableMemory({ versions });
    const before = await memory.versionsOf([1, 2]); // a page starts reading…
    await versions.changed(2); // …a booking of business 2 commits meanwhile…
    memory.set(1, answer(100), before.get(1)!); // …and the page stores what it read
    memory.set(2, answer(200), before.get(2)!);
    const now = await memory.versionsOf([1, 2]);
    expect(memory.get(1, now.get(1)!)?.start).toBe(100);
    expect(memory.get(2, now.get(2)!)).toBeUndefined();
  });

  it('keeps the answer read after a change over one a slower page read before it', async () => {
    const versions = localSlotsVersions();
    const memory = createNextAvailableMemory({ versions });
    const slow = (await memory.versionsOf([1])).get(1)!;
    await versions.changed(1);
    const fast = (await memory.versionsOf([1])).get(1)!;
    memory.set(1, answer(200), fast);
    memory.set(1, answer(100), slow);
    expect(memory.get(1, fast)?.start).toBe(200);
  });

  it('forgets answers older than maxAgeMs, and the least recently used beyond maxEntries', () => {
    const clock = { ms: 0 };
    const memory = createNextAvailableMemory({
      versions: localSlotsVersions(),
      maxAgeMs: 1_000,
      maxEntries: 2,
      clock: () => clock.ms,
    });
    memory.set(1, answer(1), 0);
    memory.set(2, answer(2), 0);
    expect(memory.get(1, 0)).toBeDefined(); // 1 is now the most recently used
    memory.set(3, answer(3), 0);
    expect(memory.size).toBe(2);
    expect(memory.get(2, 0)).toBeUndefined();
    expect(memory.get(1, 0)).toBeDefined();
    clock.ms = 1_001;
    expect(memory.get(3, 0)).toBeUndefined();
    expect(memory.size).toBe(1);
  });
});
