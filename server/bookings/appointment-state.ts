import { AppError } from '../errors.js';
import type { AppointmentStatus } from './bookings.table.js';

export type AppointmentAction = 'cancel' | 'reschedule' | 'complete' | 'no_show';

/**
 * The appointment life cycle: confirmed → cancelled | completed | no_show; a reschedule keeps it
 * confirmed. Only what is still ahead can be cancelled or moved; only what has started can be
 * completed or marked as a no-show. Anything else is an `invalid_transition` (409).
 */
export function nextStatus(
  status: AppointmentStatus,
  action: AppointmentAction,
  timing: { startAt: number; now: number },
): AppointmentStatus {
  if (status !== 'confirmed') {
    throw new AppError('invalid_transition', `A ${status.replace('_', '-')} appointment cannot be changed`);
  }
  const started = timing.startAt <= timing.now;
  switch (action) {
    case 'cancel':
    case 'reschedule':
      if (started)
        throw new AppError(
          'invalid_transition',
          `An appointment that has started cannot be ${action === 'cancel' ? 'cancelled' : 'rescheduled'}`,
        );
      return action === 'cancel' ? 'cancelled' : 'confirmed';
    case 'complete':
    case 'no_show':
      if (!started) throw new AppError('invalid_transition', 'An appointment can only be closed once it has started');
      return action === 'complete' ? 'completed' : 'no_show';
  }
}
