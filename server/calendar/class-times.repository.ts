import { type AppointmentDetail, classAttendees, findAppointment } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import type { ClassKey } from '../ical/appointment-calendar.js';
import type { ClassTime } from './class-event.js';

/** A service's places per time: more than one makes each of its times a class with one shared calendar event. */
export async function seatsOf(db: Db, serviceId: number): Promise<number> {
  const row = await db.selectFrom('services').select('seats').where('id', '=', serviceId).executeTakeFirst();
  return row?.seats ?? 1;
}

/** The services of a business that are classes, with their places. */
export async function classServices(db: Db, providerId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'seats'])
    .where('provider_id', '=', providerId)
    .where('seats', '>', 1)
    .execute();
  return new Map(rows.map((r) => [r.id, r.seats]));
}

/** A class time as it is now: its confirmed attendees, in the order they took their places. */
export async function findClassTime(db: Db, key: ClassKey): Promise<ClassTime> {
  const appointments: AppointmentDetail[] = [];
  for (const id of await classAttendees(db, key)) {
    const appointment = await findAppointment(db, id);
    if (appointment) appointments.push(appointment);
  }
  return { key, seats: await seatsOf(db, key.serviceId), appointments };
}
