import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertBeforeCutoff, changeDeadline, cutoffPassed, cutoffPhrase } from './change-cutoff.js';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('cutoffPassed', () => {
  const startAt = at('2026-12-02T09:00:00.000Z');

  it('allows a change until the deadline and refuses it from the deadline on', () => {
    const deadline = startAt - 24 * HOUR;
    expect(cutoffPassed({ startAt, cutoffHours: 24, now: deadline - 1 })).toBe(false);
    expect(cutoffPassed({ startAt, cutoffHours: 24, now: deadline })).toBe(true);
    expect(cutoffPassed({ startAt, cutoffHours: 24, now: startAt - HOUR })).toBe(true);
  });

  it('never passes without a cut-off (the start itself is guarded elsewhere)', () => {
    expect(changeDeadline(startAt, 0)).toBeNull();
    expect(cutoffPassed({ startAt, cutoffHours: 0, now: startAt - 1 })).toBe(false);
  });

  it('counts elapsed hours across the spring DST change in Europe/Berlin (a 23-hour night)', () => {
    // Sunday 29 March 2026, 10:00 CEST; clocks went from 02:00 to 03:00 that night.
    const sunday = at('2026-03-29T08:00:00.000Z');
    expect(new Date(changeDeadline(sunday, 24)!).toISOString()).toBe('2026-03-28T08:00:00.000Z'); // Sat 09:00 CET
    expect(cutoffPassed({ startAt: sunday, cutoffHours: 24, now: at('2026-03-28T08:59:59.999+01:00') })).toBe(false);
    expect(cutoffPassed({ startAt: sunday, cutoffHours: 24, now: at('2026-03-28T09:00:00.000+01:00') })).toBe(true);
  });

  it('counts elapsed hours across the autumn DST change in Europe/Berlin (a 25-hour night)', () => {
    // Sunday 25 October 2026, 10:00 CET; clocks went from 03:00 back to 02:00 that night.
    const sunday = at('2026-10-25T09:00:00.000Z');
    expect(cutoffPassed({ startAt: sunday, cutoffHours: 24, now: at('2026-10-24T10:59:59.999+02:00') })).toBe(false);
    expect(cutoffPassed({ startAt: sunday, cutoffHours: 24, now: at('2026-10-24T11:00:00.000+02:00') })).toBe(true);
  });
});

describe('cutoffPhrase', () => {
  it('says whole days as days and anything else as hours', () => {
    expect(cutoffPhrase(1)).toBe('1 hour');
    expect(cutoffPhrase(12)).toBe('12 hours');
    expect(cutoffPhrase(24)).toBe('1 day');
    expect(cutoffPhrase(36)).toBe('36 hours');
    expect(cutoffPhrase(48)).toBe('2 days');
  });
});

describe('assertBeforeCutoff', () => {
  const facts = {
    startAt: at('2026-03-29T08:00:00.000Z'),
    cutoffHours: 24,
    zone: 'Europe/Berlin',
    business: 'Salon Mira',
  };

  it('refuses with cancellation_cutoff_passed, naming the cut-off and the deadline on the business clock', () => {
    const refuse = () => assertBeforeCutoff({ ...facts, action: 'cancel', now: at('2026-03-28T12:00:00.000Z') });
    expect(refuse).toThrow(AppError);
    try {
      refuse();
    } catch (e) {
      expect((e as AppError).code).toBe('cancellation_cutoff_passed');
      expect((e as AppError).status).toBe(409);
      expect((e as AppError).message).toBe(
        'Salon Mira lets customers cancel or reschedule online up to 1 day before the appointment ' +
          '(until Sat 28 Mar, 09:00 Europe/Berlin). It can no longer be cancelled online: please contact Salon Mira.',
      );
    }
    expect(() => assertBeforeCutoff({ ...facts, action: 'reschedule', now: at('2026-03-28T12:00:00.000Z') })).toThrow(
      /can no longer be rescheduled online/,
    );
  });

  it('lets a change through before the deadline', () => {
    expect(() => assertBeforeCutoff({ ...facts, action: 'cancel', now: at('2026-03-28T07:59:00.000Z') })).not.toThrow();
  });
});
