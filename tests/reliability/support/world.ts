import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createApp } from '../../../server/app.js';
import { issueAccountToken } from '../../../server/auth/account-tokens.repository.js';
import type { Config } from '../../../server/config.js';
import type { Db } from '../../../server/db/connect.js';
import { emailWorker } from '../../support/email.js';
import { addService, createProvider, type ProviderFixture } from '../../support/fixtures.js';
import { call, type Session, signUp } from '../../support/http.js';
import { bookWithMember, inviteAndJoin, type MemberFixture, tokenOfInvitation } from '../../support/team.js';
import { createTestContext, type TestContext } from '../../support/test-app.js';
import { openTestDatabase } from '../../support/test-databases.js';

/**
 * "provider" is the owner of business A, "admin" and "staff" are members of A with those roles; "otherProvider" owns
 * business B, "otherStaff" is a staff member of B.
 */
export const ROLES = [
  'anonymous',
  'customer',
  'otherCustomer',
  'provider',
  'admin',
  'staff',
  'otherProvider',
  'otherStaff',
] as const;
export type Role = (typeof ROLES)[number];
export type Member = Exclude<Role, 'anonymous'>;
type SignedUp = Session & { email: string; userId: number };

export const PASSWORD = 'correct horse battery';

/** Customer data that must only ever reach the customer, their provider and nobody else. */
export const PII = {
  customer: {
    name: 'Quentin Zebulon',
    email: 'quentin.zebulon@private.test',
    phone: '+49 151 98765432',
    note: 'Gate code 4711',
  },
  guest: {
    name: 'Wilhelmina Oyelaran',
    email: 'wilhelmina.oyelaran@private.test',
    phone: '+49 160 55501234',
    note: 'Allergic to latex',
  },
} as const;

/** Every piece of PII as a string to search for (phones also without spaces). */
export const piiStrings = (): string[] =>
  Object.values(PII).flatMap((p) => [
    p.name,
    p.email,
    p.phone,
    p.phone.replace(/ /g, ''),
    p.note,
    p.name.split(' ')[1]!,
  ]);

/**
 * One small, complete world, built once through the real API and then copied for every request that needs a
 * clean slate: provider A ("provider") and B ("otherProvider"), customer A ("customer") and B ("otherCustomer"),
 * and A-side resources of every kind the routes take ids of.
 */
export interface World {
  dir: string;
  file: string;
  config: Config;
  now: Date;
  sessions: Record<Member, SignedUp>;
  provider: ProviderFixture;
  otherProvider: ProviderFixture;
  /** Member ids: A's owner and staff member, B's staff member. */
  members: { owner: number; staff: number; otherStaff: number };
  /** An appointment of A's staff member, with a customer of theirs who is nobody's PII here. */
  staffBookingId: number;
  /** A closure of business A; a pending invitation of A (id and link token). */
  closureId: number;
  invitation: { id: number; token: string };
  /** An API key of business A (its id: the matrix runs on sessions; keys have tests/api/api-keys.test.ts). */
  apiKeyId: number;
  /** Customer A's future booking with provider A (booked signed in), and its manage token. */
  booking: { id: number; token: string; customerEmailId: number };
  /** A guest's future booking with provider A. */
  guestBooking: { id: number; token: string };
  /** Customer A's past appointment, still confirmed: ready to be completed or marked a no-show; and its manage token. */
  pastId: number;
  pastToken: string;
  /** Customer A's completed appointment without a review yet. */
  completedId: number;
  /** Customer A's review of another completed appointment. */
  reviewId: number;
  /** An email in customer A's mailbox; one of provider A's emails; one of provider A's that failed. */
  customerEmailId: number;
  providerEmailId: number;
  failedEmailId: number;
  /** A second service of provider A, without appointments (deletable). */
  spareServiceId: number;
  /** A date on which provider A has an override. */
  overrideDate: string;
  /** A blocked time of provider A (their lunch on 2026-12-02, a day no reliability test books). */
  blockedTimeId: number;
  /** Provider A's calendar feed token and a failed sync job of theirs. */
  feedToken: string;
  failedSyncJobId: number;
  /** Customer A's email-verification token (single use: each copy of the world has its own). */
  verificationToken: string;
  /** Customer A's password-reset token (single use too). */
  resetToken: string;
  /** A built asset of the site and of the widget. */
  siteAsset: string;
  widgetAsset: string;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the world on a SQLite file in a temp dir. */
export async function buildWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-world-'));
  const file = join(dir, 'world.db');
  const ctx = await createTestContext({
    config: { databaseUrl: `sqlite:${file}`, bookingRateLimit: 1_000_000, loginRateLimit: 1_000_000 },
  });
  const provider = await createProvider(ctx, {
    slug: 'alpha-studio',
    profile: { name: 'Alpha Studio', city: 'Berlin' },
  });
  const otherProvider = await createProvider(ctx, {
    slug: 'beta-studio',
    profile: { name: 'Beta Studio', city: 'Lisbon' },
  });
  const customer = await signUp(ctx, 'customer', { email: PII.customer.email, name: PII.customer.name });
  const otherCustomer = await signUp(ctx, 'customer', { email: 'other.customer@example.com', name: 'Otto Other' });

  const bookAs = async (
    p: ProviderFixture,
    start: string,
    session: Session | undefined,
    who: (typeof PII)[keyof typeof PII] | null,
  ) => {
    const res = await call(ctx, 'POST', '/api/bookings', {
      session,
      body: {
        provider: p.slug,
        service: p.serviceId,
        start,
        customer: who
          ? { name: who.name, email: who.email, phone: who.phone }
          : { name: 'Otto Other', email: 'other.customer@example.com' },
        ...(who && { note: who.note }),
      },
    });
    if (res.status !== 201) throw new Error(`world: booking failed ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.booking.id as number, token: new URL(res.body.booking.manageUrl).searchParams.get('token')! };
  };

  // Today (Tuesday 1 December, 09:00 in Berlin): three appointments later today, which will be past tomorrow.
  const past = await bookAs(provider, '2026-12-01T10:00:00.000Z', customer, PII.customer);
  const reviewed = await bookAs(provider, '2026-12-01T12:00:00.000Z', customer, PII.customer);
  const completed = await bookAs(provider, '2026-12-01T14:00:00.000Z', customer, PII.customer);
  ctx.clock.now = new Date('2026-12-02T08:00:00.000Z');
  for (const id of [reviewed.id, completed.id]) {
    const res = await call(ctx, 'POST', `/api/admin/appointments/${id}/complete`, { session: provider.session });
    if (res.status !== 200) throw new Error(`world: complete failed ${res.status}`);
  }
  const review = await call(ctx, 'POST', '/api/reviews', {
    session: customer,
    body: { appointmentId: reviewed.id, rating: 5, body: 'Lovely work.' },
  });
  if (review.status !== 201) throw new Error(`world: review failed ${review.status} ${JSON.stringify(review.body)}`);

  const booking = await bookAs(provider, '2026-12-03T09:00:00.000Z', customer, PII.customer);
  const guestBooking = await bookAs(provider, '2026-12-03T11:00:00.000Z', undefined, PII.guest);
  await bookAs(otherProvider, '2026-12-03T09:00:00.000Z', otherCustomer, null);
  const spareServiceId = await addService(ctx, provider, { durationMinutes: 30, name: 'Alpha spare service' });
  // The teams: an admin and a staff member of A, a staff member of B, each joined through an invitation.
  const admin = await inviteAndJoin(ctx, provider, {
    email: 'ada.admin@example.com',
    name: 'Ada Admin',
    role: 'admin',
  });
  const staff = await inviteAndJoin(ctx, provider, {
    email: 'sam.staff@example.com',
    name: 'Sam Staff',
    role: 'staff',
  });
  const otherStaff = await inviteAndJoin(ctx, otherProvider, {
    email: 'bo.staff@example.com',
    name: 'Bo Staff',
    role: 'staff',
  });
  // The staff member works on Fridays (the 4th: walk-ins), after the world's own bookings were made.
  const staffHours = await call(ctx, 'PUT', `/api/admin/schedule/weekly?member=${staff.memberId}`, {
    session: provider.session,
    body: { intervals: [{ weekday: 5, start: '09:00', end: '17:00' }] },
  });
  if (staffHours.status !== 200) throw new Error(`world: staff hours failed ${staffHours.status}`);
  const staffBookingId = await bookWithMember(ctx, provider, staff.memberId, '2026-12-03T15:00:00.000Z', {
    name: 'Otto Other',
    email: 'other.customer@example.com',
  });
  const pending = await call(ctx, 'POST', '/api/admin/team/invitations', {
    session: provider.session,
    body: { email: 'pending.member@example.com', name: 'Pat Pending', role: 'staff' },
  });
  const invitationToken = await tokenOfInvitation(ctx, 'pending.member@example.com');
  const apiKey = await call(ctx, 'POST', '/api/admin/api-keys', {
    session: provider.session,
    body: { name: 'CRM', scope: 'read' },
  });
  const closure = await call(ctx, 'POST', '/api/admin/schedule/closures', {
    session: provider.session,
    body: { from: '2026-12-28', to: '2026-12-30', label: 'Holidays' },
  });
  const overrideDate = '2026-12-10';
  await call(ctx, 'PUT', `/api/admin/schedule/overrides/${overrideDate}`, {
    session: provider.session,
    body: { intervals: [] },
  });
  const blocked = await call(ctx, 'POST', '/api/admin/blocked-times', {
    session: provider.session,
    body: { date: '2026-12-02', from: '12:00', to: '13:00', label: 'Lunch' },
  });
  const feed = await call(ctx, 'POST', '/api/admin/calendar/feed/rotate', { session: provider.session });
  const feedToken = /\/ical\/([^/]+)\.ics$/.exec(feed.body.url)![1]!;

  // Deliver everything queued to the built-in mailbox, then make one of provider A's emails a failed one.
  const worker = emailWorker(ctx);
  await worker.runOnce();
  await worker.stop();
  const emailOf = async (userId: number, appointmentId: number) =>
    (
      await ctx.db
        .selectFrom('email_outbox')
        .select('id')
        .where('to_user_id', '=', userId)
        .where('appointment_id', '=', appointmentId)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const customerEmailId = await emailOf(customer.userId, booking.id);
  const providerEmailId = await emailOf(provider.userId, booking.id);
  const failedEmailId = await emailOf(provider.userId, guestBooking.id);
  await ctx.db
    .updateTable('email_outbox')
    .set({ status: 'failed', last_error: 'simulated' })
    .where('id', '=', failedEmailId)
    .execute();
  const job = await ctx.db
    .insertInto('sync_jobs')
    .values({
      provider_id: await providerIdOf(ctx, provider.slug),
      appointment_id: booking.id,
      action: 'upsert',
      status: 'failed',
      next_attempt_at: ctx.clock.now.toISOString(),
      last_error: 'simulated',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const world: World = {
    dir,
    file,
    config: ctx.config,
    now: ctx.clock.now,
    // createProvider signs its owner up: the session it keeps is signUp's, with the address and id.
    sessions: {
      customer,
      otherCustomer,
      provider: provider.session as SignedUp,
      otherProvider: otherProvider.session as SignedUp,
      admin: await signedUpOf(ctx, admin),
      staff: await signedUpOf(ctx, staff),
      otherStaff: await signedUpOf(ctx, otherStaff),
    },
    members: {
      owner: await memberIdOf(ctx, provider.session),
      staff: staff.memberId,
      otherStaff: otherStaff.memberId,
    },
    staffBookingId,
    closureId: closure.body.closure.id,
    invitation: { id: pending.body.invitation.id, token: invitationToken },
    apiKeyId: apiKey.body.apiKey.id,
    provider,
    otherProvider,
    booking: { ...booking, customerEmailId },
    guestBooking,
    pastId: past.id,
    pastToken: past.token,
    completedId: completed.id,
    reviewId: review.body.review.id,
    customerEmailId,
    providerEmailId,
    failedEmailId,
    spareServiceId,
    overrideDate,
    blockedTimeId: blocked.body.blockedTime.id,
    feedToken,
    failedSyncJobId: job.id,
    verificationToken: await issueAccountToken(
      ctx.db,
      { userId: customer.userId, email: customer.email, purpose: 'verify_email' },
      ctx.clock.now,
    ),
    resetToken: await issueAccountToken(
      ctx.db,
      { userId: customer.userId, email: customer.email, purpose: 'password_reset' },
      ctx.clock.now,
    ),
    siteAsset: `assets/${readdirSync(join(root, 'dist/site/assets')).find((f) => f.endsWith('.js'))!}`,
    widgetAsset: readdirSync(join(root, 'dist/widget/widget/assets')).find((f) => f.endsWith('.js'))!,
  };
  await sql`pragma wal_checkpoint(truncate)`.execute(ctx.db);
  await ctx.db.destroy();
  return world;
}

async function memberIdOf(ctx: TestContext, session: Session): Promise<number> {
  return (await call(ctx, 'GET', '/api/admin/profile', { session })).body.profile.me.memberId;
}

async function signedUpOf(ctx: TestContext, member: MemberFixture): Promise<SignedUp> {
  const me = await call(ctx, 'GET', '/api/me', { session: member.session });
  return { ...member.session, email: member.email, userId: me.body.user.id };
}

async function providerIdOf(ctx: TestContext, slug: string): Promise<number> {
  return (await ctx.db.selectFrom('providers').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

export interface WorldCopy {
  app: ReturnType<typeof createApp>;
  db: Db;
  file: string;
  /** Rows inserted, updated or deleted through this copy's connection so far. */
  changes(): Promise<number>;
  close(): Promise<void>;
}

let copies = 0;

/** A private copy of the world's database and a fresh app on it, at the world's time. */
export async function openCopy(world: World, options: { config?: Partial<Config> } = {}): Promise<WorldCopy> {
  const file = join(world.dir, `copy-${++copies}.db`);
  copyFileSync(world.file, file);
  const db = openTestDatabase(`sqlite:${file}`);
  const app = createApp({
    db,
    config: { ...world.config, databaseUrl: `sqlite:${file}`, ...options.config },
    now: () => world.now,
  });
  return {
    app,
    db,
    file,
    changes: async () => (await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n,
    close: async () => {
      await db.destroy();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    },
  };
}

/** A TestContext-shaped view of a copy, for the shared HTTP helpers. */
export const asContext = (copy: WorldCopy): Pick<TestContext, 'app'> => ({ app: copy.app });
