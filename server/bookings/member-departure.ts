import { AppError } from '../errors.js';
import type { DepartFutureAppointments } from '../team/team.types.js';
import { type BookingDeps, changeAppointmentStatus, ownedByProvider } from './booking.service.js';
import { listAppointments } from './bookings.repository.js';

/**
 * A leaving member's future appointments: each cancelled through the normal path (the customer is emailed, the
 * calendar follows). Moving them to other members needs the per-member slot check of team booking.
 */
export const departFutureAppointments =
  (deps: BookingDeps): DepartFutureAppointments =>
  async (member, departure) => {
    if (departure.future === 'reassign')
      throw new AppError('unprocessable', 'Moving appointments to other members is not available yet: cancel them');
    const future = await listAppointments(deps.db, {
      providerId: member.provider_id,
      memberId: member.id,
      status: 'confirmed',
      from: deps.now().toISOString(),
      limit: 10_000,
    });
    for (const appointment of future) {
      await changeAppointmentStatus(
        deps,
        { appointmentId: appointment.id, actor: 'provider', authorize: ownedByProvider(member.provider_id, member.id) },
        'cancel',
        `${member.name} no longer works at ${appointment.provider_name}`,
      );
    }
  };
