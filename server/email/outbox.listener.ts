import type { AppointmentEventType, AppointmentListener } from '../bookings/appointment-events.js';
import { findAppointment } from '../bookings/bookings.repository.js';
import { composeAppointmentEmails } from './compose.js';
import { sealLinkToken } from './link-token.js';
import { dropPendingReminders, findLinkToken, findRecipients, insertEmails, saveLinkToken } from './outbox.repository.js';
import type { EmailKind } from './templates.js';

const kindOf: Record<AppointmentEventType, EmailKind> = {
  created: 'confirmation',
  rescheduled: 'rescheduled',
  cancelled: 'cancelled',
  completed: 'completed',
  no_show: 'no_show',
};

/**
 * The transactional outbox for email: runs inside the appointment change's transaction and
 * writes the customer's and the provider's email there, so an email exists exactly when its
 * change committed. Sending is the delivery worker's job; nothing here touches the network.
 */
export function emailOutboxListener(deps: { appUrl: string; secretKey: string; now: () => Date }): AppointmentListener {
  return async function writeEmails(trx, event) {
    if (event.manageToken) await saveLinkToken(trx, event.appointmentId, sealLinkToken(deps.secretKey, event.manageToken));
    if (event.type === 'rescheduled' || event.type === 'cancelled') await dropPendingReminders(trx, event.appointmentId);
    const appointment = await findAppointment(trx, event.appointmentId);
    const recipients = appointment && (await findRecipients(trx, appointment));
    if (!appointment || !recipients) return;
    const rows = composeAppointmentEmails({
      kind: kindOf[event.type],
      actor: event.actor,
      appointment,
      ...recipients,
      previous: event.previous,
      appUrl: deps.appUrl,
      now: deps.now(),
      canLink: event.manageToken !== undefined || (await findLinkToken(trx, appointment.id)) !== undefined,
    });
    await insertEmails(trx, rows);
  };
}
