import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, pickMember } from './fair-assignment.js';

const candidate = (memberId: number, patch: Partial<Candidate> = {}): Candidate => ({
  memberId,
  position: memberId,
  weekCount: 0,
  lastAssigned: null,
  ...patch,
});

describe('pickMember', () => {
  it('picks nobody from nobody', () => {
    expect(pickMember([])).toBeUndefined();
  });

  it('prefers the fewest appointments that week, whatever the order', () => {
    const picked = pickMember([
      candidate(1, { weekCount: 3 }),
      candidate(2, { weekCount: 1, lastAssigned: 500 }),
      candidate(3, { weekCount: 2, lastAssigned: 1 }),
    ]);
    expect(picked?.memberId).toBe(2);
  });

  it('breaks a tie by who was assigned least recently, never assigned first', () => {
    expect(
      pickMember([
        candidate(1, { lastAssigned: 20 }),
        candidate(2, { lastAssigned: 10 }),
        candidate(3, { lastAssigned: 30 }),
      ])?.memberId,
    ).toBe(2);
    expect(pickMember([candidate(1, { lastAssigned: 20 }), candidate(2)])?.memberId).toBe(2);
  });

  it('then by the business’s order, then by id', () => {
    expect(pickMember([candidate(1, { position: 5 }), candidate(2, { position: 1 })])?.memberId).toBe(2);
    expect(pickMember([candidate(9, { position: 0 }), candidate(4, { position: 0 })])?.memberId).toBe(4);
  });

  it('goes round the team: assigning the pick each time serves everyone in turn', () => {
    const team = [candidate(1), candidate(2), candidate(3)];
    const order: number[] = [];
    for (let t = 1; t <= 6; t++) {
      const picked = pickMember(team)!;
      order.push(picked.memberId);
      picked.weekCount++;
      picked.lastAssigned = t;
    }
    expect(order).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('always picks a candidate no other candidate beats, independent of their order', () => {
    const arb = fc.array(
      fc.record({
        memberId: fc.integer({ min: 1, max: 1000 }),
        position: fc.integer({ min: 0, max: 5 }),
        weekCount: fc.integer({ min: 0, max: 5 }),
        lastAssigned: fc.option(fc.integer({ min: 0, max: 5 })),
      }),
      { minLength: 1, maxLength: 8 },
    );
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(
      fc.property(arb, (raw) => {
        const list = raw.filter((c, i) => raw.findIndex((d) => d.memberId === c.memberId) === i);
        const picked = pickMember(list)!;
        expect(pickMember([...list].reverse())).toBe(picked);
        const fewest = Math.min(...list.map((c) => c.weekCount));
        expect(picked.weekCount).toBe(fewest);
        const tied = list.filter((c) => c.weekCount === fewest);
        const oldest = Math.min(...tied.map((c) => c.lastAssigned ?? -Infinity));
        expect(picked.lastAssigned ?? -Infinity).toBe(oldest);
      }),
    );
  });
});
