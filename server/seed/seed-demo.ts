import { DateTime } from 'luxon';
import { hashPassword } from '../auth/passwords.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { blockedInterval } from '../bookings/slot-check.js';
import type { Db } from '../db/connect.js';
import { assignToAllMembers, insertMember } from '../team/team.repository.js';
import { DEMO_CUSTOMER, DEMO_PASSWORD, type DemoProvider, demoProviders } from './demo-data.js';

/**
 * Fills an empty database with the demo directory: providers with services, hours, a few
 * upcoming bookings and a reviewed past one. Does nothing once any provider exists.
 */
export async function seedDemoData(db: Db, now: Date): Promise<boolean> {
  const existing = await db.selectFrom('providers').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const customer = await trx
      .insertInto('users')
      .values({ ...DEMO_CUSTOMER, password_hash: passwordHash, role: 'customer', email_verified_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const demo of demoProviders) await seedProvider(trx, demo, passwordHash, customer.id, now);
  });
  return true;
}

async function seedProvider(
  db: Db,
  demo: DemoProvider,
  passwordHash: string,
  customerId: number,
  now: Date,
): Promise<void> {
  const user = await db
    .insertInto('users')
    .values({
      email: demo.email,
      name: demo.ownerName,
      password_hash: passwordHash,
      role: 'provider',
      email_verified_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto('providers')
    .values({
      user_id: user.id,
      slug: demo.slug,
      name: demo.name,
      category: demo.category,
      description: demo.description,
      city: demo.city,
      address: demo.address,
      phone: demo.phone,
      time_zone: demo.timeZone,
      min_notice_minutes: 120,
      max_days_ahead: 60,
      slot_step_minutes: 15,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owner = await insertMember(db, {
    provider_id: provider.id,
    user_id: user.id,
    role: 'owner',
    name: demo.ownerName,
    email: demo.email,
  });
  const services = [];
  for (const s of demo.services) {
    services.push(
      await db
        .insertInto('services')
        .values({
          provider_id: provider.id,
          name: s.name,
          description: s.description,
          duration_minutes: s.durationMinutes,
          price_minor: s.priceMinor,
          currency: s.currency,
          buffer_before_minutes: s.bufferBeforeMinutes ?? 0,
          buffer_after_minutes: s.bufferAfterMinutes,
          active: 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await assignToAllMembers(db, provider.id, services.at(-1)!.id);
  }
  const hours = Object.entries(demo.week).flatMap(([weekday, intervals]) =>
    intervals.map(([start, end]) => ({
      provider_id: provider.id,
      member_id: owner.id,
      weekday: Number(weekday),
      start_time: start,
      end_time: end,
    })),
  );
  await db.insertInto('weekly_hours').values(hours).execute();

  // Bookings at the first opening time of coming days, and one completed visit a week ago.
  const local = DateTime.fromJSDate(now, { zone: demo.timeZone }).startOf('day');
  const visits = [
    { day: -7, status: 'completed' as const, name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email, userId: customerId },
    { day: 2, status: 'confirmed' as const, name: 'Jonas Weber', email: 'jonas@example.com', userId: null },
    { day: 3, status: 'confirmed' as const, name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email, userId: customerId },
  ];
  for (const visit of visits) {
    const date = local.plus({ days: visit.day });
    const opening = demo.week[date.weekday]?.[0]?.[0];
    if (!opening) continue;
    const [hour, minute] = opening.split(':').map(Number);
    const start = date.set({ hour: hour!, minute: minute! }).toMillis();
    const service = services[0]!;
    const appointment = await db
      .insertInto('appointments')
      .values({
        provider_id: provider.id,
        member_id: owner.id,
        service_id: service.id,
        customer_user_id: visit.userId,
        customer_name: visit.name,
        customer_email: visit.email,
        customer_phone: null,
        customer_time_zone: demo.timeZone,
        note: '',
        ...blockedInterval(service, start),
        status: visit.status,
        manage_token_hash: hashToken(generateToken()),
        cancelled_by: null,
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (visit.status === 'completed') {
      await db
        .insertInto('reviews')
        .values({
          appointment_id: appointment.id,
          provider_id: provider.id,
          customer_user_id: customerId,
          rating: 5,
          body: `Friendly, on time and exactly what I asked for. Would book ${demo.name} again.`,
          reply: null,
          replied_at: null,
          updated_at: now.toISOString(),
        })
        .execute();
    }
  }
}
