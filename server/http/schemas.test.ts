import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rememberingZoneCheck, timeZoneSchema } from './schemas.js';

describe('timeZoneSchema', () => {
  it('accepts IANA zones, again and again', () => {
    for (let i = 0; i < 3; i++) {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kathmandu'])
        expect(timeZoneSchema.safeParse(zone).success, zone).toBe(true);
    }
  });

  it('refuses anything else, every time', () => {
    for (let i = 0; i < 3; i++) {
      for (const zone of ['Mars/Olympus', 'Europe/Berlin ', '', '+02:00', 'x'.repeat(65)])
        expect(timeZoneSchema.safeParse(zone).success, zone).toBe(false);
    }
  });
});

describe('rememberingZoneCheck', () => {
  /** Luxon's check, noting each zone that reaches it. */
  const counted = () => {
    const asked: string[] = [];
    const isValid = (zone: string) => {
      asked.push(zone);
      return IANAZone.isValidZone(zone);
    };
    return { asked, isValid };
  };

  it('asks Luxon once per valid zone (the answer is remembered), and every time about an invalid one', () => {
    const luxon = counted();
    const check = rememberingZoneCheck(luxon.isValid);
    for (let i = 0; i < 3; i++) {
      expect(check('Europe/Berlin')).toBe(true);
      expect(check('Asia/Kathmandu')).toBe(true);
      expect(check('Mars/Olympus')).toBe(false);
    }
    expect(luxon.asked).toEqual(['Europe/Berlin', 'Asia/Kathmandu', 'Mars/Olympus', 'Mars/Olympus', 'Mars/Olympus']);
  });

  it('remembers no more than its limit', () => {
    const luxon = counted();
    const check = rememberingZoneCheck(luxon.isValid, 1);
    for (let i = 0; i < 3; i++) {
      expect(check('Europe/Berlin')).toBe(true);
      expect(check('Asia/Tokyo')).toBe(true);
    }
    expect(luxon.asked).toEqual(['Europe/Berlin', 'Asia/Tokyo', 'Asia/Tokyo', 'Asia/Tokyo']);
  });
});
