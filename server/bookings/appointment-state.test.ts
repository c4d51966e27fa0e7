import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { type AppointmentAction, nextStatus } from './appointment-state.js';
import type { AppointmentStatus } from './bookings.table.js';

const future = { startAt: 2_000, now: 1_000 };
const past = { startAt: 1_000, now: 2_000 };

describe('nextStatus', () => {
  it.each([
    ['cancel', future, 'cancelled'],
    ['reschedule', future, 'confirmed'],
    ['complete', past, 'completed'],
    ['no_show', past, 'no_show'],
  ] as const)('confirmed + %s → %s', (action, timing, expected) => {
    expect(nextStatus('confirmed', action, timing)).toBe(expected);
  });

  it.each([
    ['cancel', past],
    ['reschedule', past],
    ['complete', future],
    ['no_show', future],
  ] as const)('refuses %s at the wrong time', (action, timing) => {
    expect(() => nextStatus('confirmed', action, timing)).toThrowError(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  const closed: AppointmentStatus[] = ['cancelled', 'completed', 'no_show'];
  const actions: AppointmentAction[] = ['cancel', 'reschedule', 'complete', 'no_show'];
  it('treats cancelled, completed and no-show as final', () => {
    for (const status of closed) {
      for (const action of actions) {
        for (const timing of [future, past]) {
          const attempt = () => nextStatus(status, action, timing);
          expect(attempt).toThrow(AppError);
          expect(attempt).toThrowError(expect.objectContaining({ status: 409 }));
        }
      }
    }
  });

  it('counts the start instant itself as started', () => {
    expect(nextStatus('confirmed', 'complete', { startAt: 5, now: 5 })).toBe('completed');
    expect(() => nextStatus('confirmed', 'cancel', { startAt: 5, now: 5 })).toThrow(AppError);
  });
});
