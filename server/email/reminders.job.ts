import { findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { composeAppointmentEmails } from './compose.js';
import { findLinkToken, findRecipients, insertEmailsOnce } from './outbox.repository.js';
import { REMINDER_LEAD_MS, reminderDue, reminderKey } from './reminders.js';
import { findReminderCandidates } from './reminders.repository.js';

/**
 * Puts the reminders that are due into the outbox (customer and provider copy). Safe to run
 * from any number of passes or processes: the dedupe key admits each reminder once.
 */
export async function enqueueDueReminders(deps: { db: Db; appUrl: string; now: Date }): Promise<number> {
  const { db, now } = deps;
  const candidates = await findReminderCandidates(db, now, REMINDER_LEAD_MS, 500);
  const due = candidates.filter((c) =>
    reminderDue({ startAt: c.start_at, updatedAt: c.updated_at }, c.email_reminder, now),
  );
  if (!due.length) return 0;
  return withWriteLock(db, async (trx) => {
    let queued = 0;
    for (const candidate of due) {
      const appointment = await findAppointment(trx, candidate.id);
      const recipients = appointment && (await findRecipients(trx, appointment));
      // Re-read under the lock: it may have moved or been cancelled since the scan.
      if (
        !appointment ||
        !recipients ||
        appointment.status !== 'confirmed' ||
        appointment.start_at !== candidate.start_at
      )
        continue;
      const rows = composeAppointmentEmails({
        kind: 'reminder',
        actor: 'provider',
        appointment,
        ...recipients,
        appUrl: deps.appUrl,
        now,
        canLink: (await findLinkToken(trx, appointment.id)) !== undefined,
        dedupeKey: (to) => reminderKey(appointment.id, appointment.start_at, to),
      });
      queued += await insertEmailsOnce(trx, rows);
    }
    return queued;
  });
}
