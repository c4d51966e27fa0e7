import { call, type Session, signUp } from './http.js';
import type { TestContext } from './test-app.js';

export interface ProviderFixture {
  session: Session;
  slug: string;
  serviceId: number;
  userId: number;
}

let counter = 0;

/**
 * A provider created through the real admin API: profile, one service (60 min unless told),
 * and weekly hours Monday to Friday 09:00–17:00 in its zone.
 */
export async function createProvider(
  ctx: TestContext,
  options: {
    slug?: string;
    timeZone?: string;
    service?: Partial<{
      durationMinutes: number;
      bufferBeforeMinutes: number;
      bufferAfterMinutes: number;
      name: string;
    }>;
    rules?: Partial<{ minNoticeMinutes: number; maxDaysAhead: number; slotStepMinutes: number }>;
    /** The business's cancellation policy (none unless given). */
    policy?: { cutoffHours: number; text: string };
    weekly?: { weekday: number; start: string; end: string }[];
    profile?: Partial<{ name: string; category: string; city: string; description: string }>;
    /** False: the owner never confirms their address, so the directory does not list the business. */
    confirmed?: boolean;
  } = {},
): Promise<ProviderFixture> {
  const session = await signUp(ctx, 'provider');
  if (options.confirmed !== false) await confirmAddress(ctx, session.userId);
  const slug = options.slug ?? `provider-${++counter}`;
  const profile = await call(ctx, 'PUT', '/api/admin/profile', {
    session,
    body: {
      slug,
      name: options.profile?.name ?? `Provider ${counter}`,
      category: options.profile?.category ?? 'Hair salon',
      description: options.profile?.description ?? 'A test business',
      city: options.profile?.city ?? 'Berlin',
      address: 'Teststraße 1, Berlin',
      phone: '+49 30 000000',
      timeZone: options.timeZone ?? 'Europe/Berlin',
      bookingRules: { minNoticeMinutes: 60, maxDaysAhead: 60, slotStepMinutes: 30, ...options.rules },
      ...(options.policy && { policy: options.policy }),
    },
  });
  if (profile.status !== 201) throw new Error(`profile failed: ${profile.status} ${JSON.stringify(profile.body)}`);
  const service = await call(ctx, 'POST', '/api/admin/services', {
    session,
    body: {
      name: options.service?.name ?? 'Consultation',
      durationMinutes: 60,
      price: { amountMinor: 5000, currency: 'EUR' },
      ...options.service,
    },
  });
  if (service.status !== 201) throw new Error(`service failed: ${service.status} ${JSON.stringify(service.body)}`);
  const weekly = options.weekly ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  const hours = await call(ctx, 'PUT', '/api/admin/schedule/weekly', { session, body: { intervals: weekly } });
  if (hours.status !== 200) throw new Error(`hours failed: ${hours.status} ${JSON.stringify(hours.body)}`);
  return { session, slug, serviceId: service.body.service.id, userId: session.userId };
}

/** Marks the user's address proven, in the database: how a link proves it is tested in tests/api/auth.test.ts. */
export async function confirmAddress(ctx: TestContext, userId: number): Promise<void> {
  await ctx.db
    .updateTable('users')
    .set({ email_verified_at: ctx.clock.now.toISOString() })
    .where('id', '=', userId)
    .execute();
}

export async function addService(
  ctx: TestContext,
  provider: ProviderFixture,
  service: {
    durationMinutes: number;
    bufferBeforeMinutes?: number;
    bufferAfterMinutes?: number;
    name?: string;
    /** A class's places. */
    seats?: number;
    /** Who performs it (every active member unless told). */
    memberIds?: number[];
  },
): Promise<number> {
  const res = await call(ctx, 'POST', '/api/admin/services', {
    session: provider.session,
    body: {
      name: service.name ?? `Service ${service.durationMinutes}`,
      price: { amountMinor: 1000, currency: 'EUR' },
      ...service,
    },
  });
  if (res.status !== 201) throw new Error(`service failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.service.id;
}

export function bookingBody(provider: ProviderFixture, start: string, extra: Record<string, unknown> = {}) {
  return {
    provider: provider.slug,
    service: provider.serviceId,
    start,
    customer: { name: 'Chris Customer', email: 'chris@example.com' },
    ...extra,
  };
}

export async function book(
  ctx: TestContext,
  provider: ProviderFixture,
  start: string,
  extra: Record<string, unknown> = {},
) {
  return call(ctx, 'POST', '/api/bookings', { body: bookingBody(provider, start, extra) });
}

/** An appointment as the database holds it (what the API does not show: its member, seat, status). */
export async function appointmentRow(ctx: Pick<TestContext, 'db'>, id: number) {
  return ctx.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
