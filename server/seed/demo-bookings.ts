import type { DateTime } from 'luxon';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { AppointmentStatus } from '../bookings/bookings.table.js';
import { blockedInterval } from '../bookings/slot-check.js';
import type { Db } from '../db/connect.js';
import type { ServiceRow } from '../services/services.table.js';
import type { TeamMemberRow } from '../team/team.table.js';
import type { DemoMember, DemoProvider } from './demo-data.js';
import { take, workingDays } from './demo-times.js';

export interface DemoCustomer {
  name: string;
  email: string;
  userId: number | null;
}

/** Guests who booked without an account; the class regulars among them come back to every class. */
const GUESTS: DemoCustomer[] = [
  'Jonas Weber',
  'Sofia Marques',
  'Liam Chen',
  'Ava Brown',
  'Noor Haddad',
  'Lucas Silva',
  'Emma Novak',
  'Kenji Sato',
  'Chloe Martin',
  'Mateo Rossi',
  'Hannah Berg',
  'Oscar Lind',
].map((name) => ({ name, email: `${name.toLowerCase().replace(' ', '.')}@example.com`, userId: null }));

interface Business {
  demo: DemoProvider;
  providerId: number;
  services: ServiceRow[];
  /** Members and their demo people, in the same order; the owner first. */
  members: TeamMemberRow[];
  people: DemoMember[];
  customer: DemoCustomer;
  now: Date;
}

/**
 * A business's bookings, each at the start of one of its member's opening intervals: a completed and reviewed visit
 * with the owner a week ago; two upcoming visits with every member who serves one to one, on their first two working
 * days from the day after tomorrow (the demo customer's with the owner); and places taken in each class's coming
 * class times, the demo customer in the first.
 */
export async function seedBookings(db: Db, business: Business): Promise<void> {
  const { demo, members, people, customer, now } = business;
  const zone = demo.timeZone;
  for (const [index, member] of members.entries()) {
    const person = people[index]!;
    const personal = person.services.map((name) => serviceNamed(business.services, name)).filter((s) => s.seats === 1);
    if (personal.length === 0) continue;
    if (member.role === 'owner') {
      const [past] = take(workingDays(person.week, zone, now, -7), 1);
      const visit = await insertBooking(db, business, member, personal[0]!, past![0]!, customer, 'completed');
      await insertReview(db, business, visit);
    }
    const days = take(workingDays(person.week, zone, now, 2), 2);
    for (const [n, day] of days.entries()) {
      const who = member.role === 'owner' && n === 1 ? customer : GUESTS[(index * 2 + n) % GUESTS.length]!;
      await insertBooking(db, business, member, personal[n % personal.length]!, day[0]!, who, 'confirmed');
    }
  }
  for (const { name, class: taught } of demo.services) {
    if (!taught) continue;
    const service = serviceNamed(business.services, name);
    const index = people.findIndex((p) => p.services.includes(name));
    const times = take(workingDays(people[index]!.week, zone, now, 1), taught.taken.length).flat();
    for (const [n, taken] of taught.taken.entries()) {
      const attendees = (n === 0 ? [customer, ...GUESTS] : GUESTS).slice(0, taken);
      for (const [seat, who] of attendees.entries())
        await insertBooking(db, business, members[index]!, service, times[n]!, who, 'confirmed', seat);
    }
  }
}

async function insertBooking(
  db: Db,
  business: Business,
  member: TeamMemberRow,
  service: ServiceRow,
  start: DateTime,
  who: DemoCustomer,
  status: AppointmentStatus,
  seat = 0,
): Promise<number> {
  const row = await db
    .insertInto('appointments')
    .values({
      provider_id: business.providerId,
      member_id: member.id,
      service_id: service.id,
      customer_user_id: who.userId,
      customer_name: who.name,
      customer_email: who.email,
      customer_phone: null,
      customer_time_zone: business.demo.timeZone,
      note: '',
      ...blockedInterval(service, start.toMillis()),
      status,
      seat,
      manage_token_hash: hashToken(generateToken()),
      cancelled_by: null,
      updated_at: business.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertReview(db: Db, business: Business, appointmentId: number): Promise<void> {
  await db
    .insertInto('reviews')
    .values({
      appointment_id: appointmentId,
      provider_id: business.providerId,
      customer_user_id: business.customer.userId!,
      rating: 5,
      body: `Friendly, on time and exactly what I asked for. Would book ${business.demo.name} again.`,
      reply: null,
      replied_at: null,
      updated_at: business.now.toISOString(),
    })
    .execute();
}

/** The demo's services are named in its data; a misspelt name fails the seed rather than seeding less. */
export function serviceNamed(services: ServiceRow[], name: string): ServiceRow {
  const service = services.find((s) => s.name === name);
  if (!service) throw new Error(`The demo names a service it does not have: ${name}`);
  return service;
}
