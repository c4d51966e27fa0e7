import { hashPassword } from '../auth/passwords.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';
import { repeatColumns } from '../services/repeat.js';
import type { ServiceRow } from '../services/services.table.js';
import { insertMember, setMemberServices } from '../team/team.repository.js';
import type { MemberRole, TeamMemberRow } from '../team/team.table.js';
import { type DemoCustomer, seedBookings, serviceNamed } from './demo-bookings.js';
import { DEMO_CUSTOMER, DEMO_PASSWORD, type DemoMember, type DemoProvider, demoProviders } from './demo-data.js';

const INVITATION_DAYS = 7;

/**
 * Fills an empty database with the demo directory: businesses with their teams (each member with a sign-in, own
 * hours and services), a class, upcoming bookings with each member and a reviewed past one. Does nothing once any
 * provider exists.
 */
export async function seedDemoData(db: Db, now: Date): Promise<boolean> {
  const existing = await db.selectFrom('providers').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  // Hashing is slow on purpose: once, shared by every demo account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const customer: DemoCustomer = {
      ...DEMO_CUSTOMER,
      userId: await insertUser(trx, { ...DEMO_CUSTOMER, role: 'customer' }, passwordHash, now),
    };
    for (const demo of demoProviders) await seedProvider(trx, demo, passwordHash, customer, now);
  });
  return true;
}

async function insertUser(
  db: Db,
  user: { email: string; name: string; role: 'customer' | 'provider' },
  passwordHash: string,
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({ ...user, password_hash: passwordHash, email_verified_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function seedProvider(
  db: Db,
  demo: DemoProvider,
  passwordHash: string,
  customer: DemoCustomer,
  now: Date,
): Promise<void> {
  const people: (DemoMember & { email: string; role: MemberRole })[] = [
    { ...demo.owner, email: demo.email, role: 'owner' },
    ...demo.team,
  ];
  const userIds: number[] = [];
  for (const person of people)
    userIds.push(await insertUser(db, { email: person.email, name: person.name, role: 'provider' }, passwordHash, now));
  const provider = await db
    .insertInto('providers')
    .values({
      user_id: userIds[0]!,
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
  const services = await insertServices(db, provider.id, demo);
  const members: TeamMemberRow[] = [];
  for (const [position, person] of people.entries()) {
    const member = await insertMember(db, {
      provider_id: provider.id,
      user_id: userIds[position]!,
      role: person.role,
      name: person.name,
      slug: person.slug,
      bio: person.bio,
      email: person.email,
      position,
    });
    await setMemberServices(
      db,
      member.id,
      person.services.map((name) => serviceNamed(services, name).id),
    );
    await insertHours(db, member, person);
    members.push(member);
  }
  if (demo.invited)
    await db
      .insertInto('team_invitations')
      .values({
        provider_id: provider.id,
        // A token nobody holds: the invitation shows on the Team page, its link was never sent.
        token_hash: hashToken(generateToken()),
        ...demo.invited,
        invited_by: members[0]!.id,
        expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      })
      .execute();
  await seedBookings(db, { demo, providerId: provider.id, services, members, people, customer, now });
}

async function insertServices(db: Db, providerId: number, demo: DemoProvider): Promise<ServiceRow[]> {
  return db
    .insertInto('services')
    .values(
      demo.services.map((s) => ({
        provider_id: providerId,
        name: s.name,
        description: s.description,
        duration_minutes: s.durationMinutes,
        price_minor: s.priceMinor,
        currency: s.currency,
        buffer_before_minutes: s.bufferBeforeMinutes ?? 0,
        buffer_after_minutes: s.bufferAfterMinutes,
        seats: s.class?.seats ?? 1,
        ...repeatColumns(s.repeat ?? null),
        active: 1,
      })),
    )
    .returningAll()
    .execute();
}

async function insertHours(db: Db, member: TeamMemberRow, person: DemoMember): Promise<void> {
  const hours = Object.entries(person.week).flatMap(([weekday, intervals]) =>
    intervals.map(([start, end]) => ({
      provider_id: member.provider_id,
      member_id: member.id,
      weekday: Number(weekday),
      start_time: start,
      end_time: end,
    })),
  );
  await db.insertInto('weekly_hours').values(hours).execute();
}
