import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventIdFor, uidOfEventId } from './event-id.js';

describe('eventIdFor', () => {
  it('is a valid, stable Google event id that decodes back to the UID', () => {
    const id = eventIdFor('appointment-42@booking.test');
    expect(id).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(eventIdFor('appointment-42@booking.test')).toBe(id);
    expect(eventIdFor('appointment-43@booking.test')).not.toBe(id);
    expect(uidOfEventId(id)).toBe('appointment-42@booking.test');
  });

  it('round-trips any UID and refuses ids it did not make', () => {
    // biome-ignore lint/nursery/noFloatingPromises: fc.assert of a synchronous property returns void, not a promise
    fc.assert(fc.property(fc.string({ minLength: 1 }), (uid) => uidOfEventId(eventIdFor(uid)) === uid));
    expect(uidOfEventId('4fk2q9v0abc1')).toBeNull();
    expect(uidOfEventId('_googleid_with_underscores')).toBeNull();
  });
});
