import { describe, expect, it } from 'vitest';
import { timeZoneSchema } from './schemas.js';

describe('timeZoneSchema', () => {
  it('accepts IANA zones, again and again (the answer is remembered)', () => {
    for (let i = 0; i < 3; i++) {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kathmandu']) expect(timeZoneSchema.safeParse(zone).success, zone).toBe(true);
    }
  });

  it('refuses anything else, every time', () => {
    for (let i = 0; i < 3; i++) {
      for (const zone of ['Mars/Olympus', 'Europe/Berlin ', '', '+02:00', 'x'.repeat(65)]) expect(timeZoneSchema.safeParse(zone).success, zone).toBe(false);
    }
  });
});
