import type { AppointmentEvent, AppointmentEventType, AppointmentListener } from '../bookings/appointment-events.js';
import { type AppointmentDetail, findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import { log } from '../logger.js';
import { composeAppointmentEmails } from './compose.js';
import type { NewEmail } from './email.table.js';
import { handoverEmails } from './handover.js';
import { sealLinkToken } from './link-token.js';
import {
  dropPendingReminders,
  findLinkToken,
  findRecipients,
  insertEmails,
  saveLinkToken,
} from './outbox.repository.js';
import { ownsAddress, recipientAllowance, recipientCapped } from './recipient-cap.js';
import { seriesEmailOf } from './series-email.js';
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
    if (event.manageToken)
      await saveLinkToken(trx, event.appointmentId, sealLinkToken(deps.secretKey, event.manageToken));
    if (event.type === 'rescheduled' || event.type === 'cancelled')
      await dropPendingReminders(trx, event.appointmentId);
    // Several occurrences of a series changed by one request: one email for them all, at the batch's last event.
    if (event.batch && !event.batch.last) return;
    const changed = event.appointment ?? (await findAppointment(trx, event.appointmentId));
    const series =
      changed?.series_id != null
        ? await seriesEmailOf(trx, { ...changed, series_id: changed.series_id }, event)
        : undefined;
    // The email speaks of the first of the occurrences it is about.
    const lead = series?.about[0];
    const appointment = lead && lead.id !== changed?.id ? await findAppointment(trx, lead.id) : changed;
    const recipients = appointment && (await findRecipients(trx, appointment));
    if (!appointment || !recipients) return;
    const shared = {
      actor: event.actor,
      appointment,
      appUrl: deps.appUrl,
      now: deps.now(),
      canLink: event.manageToken !== undefined || (await findLinkToken(trx, appointment.id)) !== undefined,
    };
    const from = event.type === 'rescheduled' ? event.previous?.memberId : undefined;
    const composed =
      event.previous && from !== undefined && from !== appointment.member_id
        ? await handoverEmails(trx, shared, recipients, { ...event.previous, memberId: from })
        : composeAppointmentEmails({
            ...shared,
            ...recipients,
            kind: kindOf[event.type],
            previous: event.previous,
            series,
          });
    await insertEmails(trx, await capCustomerCopy(trx, event, appointment, composed, deps.now()));
  };
}

/**
 * The customer's copy goes to whatever address was typed into the booking form. Unless the change was made by the
 * provider or by the account that proved it owns that address, it counts toward the address's hourly cap, and over
 * the cap: a booking or a move is refused (429, and the transaction writes nothing); a cancellation still happens,
 * without the customer's copy, and the log says so.
 */
async function capCustomerCopy(
  trx: Db,
  event: AppointmentEvent,
  appointment: AppointmentDetail,
  rows: NewEmail[],
  now: Date,
): Promise<NewEmail[]> {
  if (event.actor === 'provider' || (await ownsAddress(trx, appointment.customer_user_id, appointment.customer_email)))
    return rows;
  const allowance = await recipientAllowance(trx, appointment.customer_email, now);
  if (!allowance.allowed && (event.type === 'created' || event.type === 'rescheduled'))
    throw recipientCapped(allowance);
  if (!allowance.allowed) {
    log.warn(
      `appointment #${appointment.id} ${event.type}: the customer's email was not queued, their address had its hourly share of emails`,
    );
    return rows.filter((row) => row.to_role !== 'customer');
  }
  return rows.map((row) => (row.to_role === 'customer' ? { ...row, cap_counted_at: now.toISOString() } : row));
}
