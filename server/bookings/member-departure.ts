import { findProviderById } from '../providers/providers.repository.js';
import type { DepartFutureAppointments } from '../team/team.types.js';
import { type BookingDeps, reassignFutureAppointments } from './booking.service.js';

/**
 * A leaving member's future appointments, for the team routes (wired in app.ts): each moved to the member named or
 * to a fair pick of those free then, or cancelled (asked for, or nobody free) with the reason in the customer's email.
 */
export const departFutureAppointments =
  (deps: BookingDeps): DepartFutureAppointments =>
  async (member, departure) => {
    const business = (await findProviderById(deps.db, member.provider_id))?.name;
    await reassignFutureAppointments(deps, member.id, {
      ...departure,
      reason: business && `${member.name} no longer works at ${business}`,
    });
  };
