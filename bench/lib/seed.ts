import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Insertable } from 'kysely';
import type { BookedInterval, DateOverride, WeeklyInterval } from '../../server/availability/availability.types.js';
import type { AppointmentStatus, NewAppointment } from '../../server/bookings/bookings.table.js';
import { connectDatabase, type Db, migrateToLatest } from '../../server/db/connect.js';
import type { Database } from '../../server/db/database.js';

type NewOverride = Insertable<Database['date_overrides']>;

export interface ProviderPlan {
  count: number;
  slugPrefix: string;
  timeZone: string;
  weekly: WeeklyInterval[];
  overrides?: DateOverride[];
  serviceMinutes: number;
  /** Members per business, all serving its service on the same hours: the owner and `members - 1` staff (1). */
  members?: number;
  rules: { minNoticeMinutes: number; maxDaysAhead: number; slotStepMinutes: number };
}

export interface SeededProvider {
  id: number;
  slug: string;
  serviceId: number;
  /** Its owner, the one member who serves everything. */
  memberId: number;
}

const CITIES = ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Lisbon', 'Porto', 'Vienna', 'Zurich'];
const CATEGORIES = ['Hair salon', 'Physiotherapy', 'Yoga', 'Dentist', 'Massage', 'Tutoring'];

/** A new migrated SQLite file, ready to fill (an old one of the same name is removed first). */
export async function openBenchDatabase(file: string): Promise<Db> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const db = connectDatabase(`sqlite:${file}`);
  await migrateToLatest(db);
  return db;
}

/**
 * Inserts providers straight into the tables (the admin API would take minutes for 10,000 of them), each with a
 * user, one service, weekly hours and overrides. Nobody signs in as them, so the password hash is a placeholder.
 */
export async function seedProviders(db: Db, plan: ProviderPlan): Promise<SeededProvider[]> {
  const seeded: SeededProvider[] = [];
  await db.transaction().execute(async (trx) => {
    for (let first = 0; first < plan.count; first += 500) {
      const batch = Array.from({ length: Math.min(500, plan.count - first) }, (_, i) => first + i);
      const users = await trx
        .insertInto('users')
        // Confirmed owners: the directory lists only those.
        .values(
          batch.map((n) => ({
            email: `${plan.slugPrefix}-${n}@bench.test`,
            password_hash: 'not-a-hash',
            name: `Owner ${n}`,
            role: 'provider' as const,
            email_verified_at: '2026-01-01T00:00:00.000Z',
          })),
        )
        .returning('id')
        .execute();
      const providers = await trx
        .insertInto('providers')
        .values(
          batch.map((n, i) => ({
            user_id: users[i]!.id,
            slug: `${plan.slugPrefix}-${n}`,
            name: `${CATEGORIES[n % CATEGORIES.length]} ${plan.slugPrefix} ${n}`,
            category: CATEGORIES[n % CATEGORIES.length]!,
            description: `Benchmark business number ${n}`,
            city: CITIES[n % CITIES.length]!,
            address: `Benchstraße ${n}`,
            phone: '+49 30 000000',
            time_zone: plan.timeZone,
            min_notice_minutes: plan.rules.minNoticeMinutes,
            max_days_ahead: plan.rules.maxDaysAhead,
            slot_step_minutes: plan.rules.slotStepMinutes,
          })),
        )
        .returning(['id', 'slug'])
        .execute();
      const services = await trx
        .insertInto('services')
        .values(
          providers.map((p) => ({
            provider_id: p.id,
            name: 'Appointment',
            description: '',
            duration_minutes: plan.serviceMinutes,
            price_minor: 4000,
            currency: 'EUR',
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            active: 1,
          })),
        )
        .returning('id')
        .execute();
      const perBusiness = plan.members ?? 1;
      const members = await trx
        .insertInto('team_members')
        .values(
          providers.flatMap((p, i) =>
            Array.from({ length: perBusiness }, (_, j) => ({
              provider_id: p.id,
              user_id: j === 0 ? users[i]!.id : null,
              role: j === 0 ? ('owner' as const) : ('staff' as const),
              name: j === 0 ? 'Owner' : `Staff ${j}`,
              slug: j === 0 ? 'owner' : `staff-${j}`,
              email: null,
            })),
          ),
        )
        .returning(['id', 'provider_id'])
        .execute();
      const serviceOf = new Map(providers.map((p, i) => [p.id, services[i]!.id]));
      await trx
        .insertInto('member_services')
        .values(members.map((m) => ({ member_id: m.id, service_id: serviceOf.get(m.provider_id)! })))
        .execute();
      const hours = members.flatMap((m) =>
        plan.weekly.map((w) => ({
          provider_id: m.provider_id,
          member_id: m.id,
          weekday: w.weekday,
          start_time: w.start,
          end_time: w.end,
        })),
      );
      for (let i = 0; i < hours.length; i += 1000)
        await trx
          .insertInto('weekly_hours')
          .values(hours.slice(i, i + 1000))
          .execute();
      const overrides = members.flatMap((m) => {
        const key = { provider_id: m.provider_id, member_id: m.id };
        return (plan.overrides ?? []).flatMap((o): NewOverride[] =>
          o.intervals.length === 0
            ? [{ ...key, date: o.date, start_time: null, end_time: null }]
            : o.intervals.map((i) => ({ ...key, date: o.date, start_time: i.start, end_time: i.end })),
        );
      });
      for (let i = 0; i < overrides.length; i += 1000)
        await trx
          .insertInto('date_overrides')
          .values(overrides.slice(i, i + 1000))
          .execute();
      for (const [i, p] of providers.entries())
        seeded.push({ id: p.id, slug: p.slug, serviceId: services[i]!.id, memberId: members[i * perBusiness]!.id });
    }
  });
  return seeded;
}

/** Appointments for one provider; status by the given rule (past ones completed, a few cancelled, and so on). */
export function appointmentRows(
  provider: SeededProvider,
  intervals: BookedInterval[],
  statusOf: (interval: BookedInterval, index: number) => AppointmentStatus,
): NewAppointment[] {
  const updated = new Date().toISOString();
  return intervals.map((a, i) => ({
    provider_id: provider.id,
    member_id: provider.memberId,
    service_id: provider.serviceId,
    customer_user_id: null,
    customer_name: `Customer ${i}`,
    customer_email: `customer-${provider.id}-${i}@bench.test`,
    customer_phone: null,
    customer_time_zone: null,
    note: '',
    start_at: new Date(a.start).toISOString(),
    end_at: new Date(a.end).toISOString(),
    blocked_start_at: new Date(a.blockedStart).toISOString(),
    blocked_end_at: new Date(a.blockedEnd).toISOString(),
    status: statusOf(a, i),
    manage_token_hash: randomBytes(32).toString('hex'),
    cancelled_by: null,
    updated_at: updated,
  }));
}

export async function insertAppointments(db: Db, rows: NewAppointment[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('appointments')
        .values(rows.slice(i, i + 1000))
        .execute();
  });
}
