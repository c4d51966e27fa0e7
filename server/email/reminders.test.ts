import { describe, expect, it } from 'vitest';
import { reminderDue } from './reminders.js';

const at = (iso: string) => new Date(iso);
const booked = { startAt: '2026-12-02T09:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' };

describe('reminderDue', () => {
  it('is due from the lead before the start until the start', () => {
    expect(reminderDue(booked, '24h', at('2026-12-01T08:59:59.000Z'))).toBe(false);
    expect(reminderDue(booked, '24h', at('2026-12-01T09:00:00.000Z'))).toBe(true);
    expect(reminderDue(booked, '24h', at('2026-12-02T08:59:00.000Z'))).toBe(true);
    expect(reminderDue(booked, '24h', at('2026-12-02T09:00:00.000Z'))).toBe(false);
    expect(reminderDue(booked, '2h', at('2026-12-01T09:00:00.000Z'))).toBe(false);
    expect(reminderDue(booked, '2h', at('2026-12-02T07:00:00.000Z'))).toBe(true);
    expect(reminderDue(booked, 'off', at('2026-12-02T08:00:00.000Z'))).toBe(false);
  });

  it('is skipped when the booking was made or moved inside the window', () => {
    const late = { ...booked, updatedAt: '2026-12-01T20:00:00.000Z' };
    expect(reminderDue(late, '24h', at('2026-12-01T21:00:00.000Z'))).toBe(false);
    expect(reminderDue(late, '2h', at('2026-12-02T08:00:00.000Z'))).toBe(true);
  });
});
