import { Hono } from 'hono';
import { z } from 'zod';
import { sessionUserSchema } from '../auth/auth.schemas.js';
import { requireUser } from '../auth/session.middleware.js';
import { bookingView, customerBookingSchema } from '../bookings/booking.view.js';
import { listAppointments } from '../bookings/bookings.repository.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { adminProvider, ownProfileSchema } from '../providers/provider.view.js';
import { memberRef } from '../team/roles.js';
import { membershipOf } from '../team/team.repository.js';
import { shownEntry } from '../waitlist/entries.js';
import { entriesOfAppointments } from '../waitlist/waitlist.repository.js';
import { waitlistEntrySchema } from '../waitlist/waitlist.view.js';

/**
 * `/api/me`: who is signed in; for a provider their profile (null until onboarding). It reads bookings and
 * providers, so it lives here and not in auth/, which every feature uses and which therefore uses none.
 */
export function meRoutes(deps: { db: Db; appUrl: string; now: () => Date }) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .use(requireUser)
    .get(
      '/',
      describe({
        summary: 'Who is signed in',
        description: 'For a provider also their business profile (null before onboarding).',
        responses: { 200: z.object({ user: sessionUserSchema, provider: ownProfileSchema.nullable().optional() }) },
      }),
      async (c) => {
        const user = c.get('user')!;
        const membership = user.role === 'provider' ? await membershipOf(db, user.id) : undefined;
        const provider = membership
          ? { ...adminProvider(membership.provider), me: memberRef(membership.member) }
          : null;
        return c.json({ user, ...(user.role === 'provider' && { provider }) });
      },
    )
    .get(
      '/appointments',
      describe({
        summary: "The signed-in customer's appointments",
        responses: {
          200: z.object({
            appointments: z.array(
              customerBookingSchema.extend({
                /** An upcoming one-to-one appointment's wait for an earlier time (PUT /api/bookings/:id/waitlist). */
                waitlist: waitlistEntrySchema.nullable(),
              }),
            ),
          }),
        },
      }),
      validate('query', z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) })),
      async (c) => {
        // The customer's own bookings; cancel and reschedule go through /api/bookings/:id with the session.
        const rows = await listAppointments(db, {
          customerUserId: c.get('user')!.id,
          limit: c.req.valid('query').limit,
        });
        const now = deps.now().toISOString();
        const upcoming = rows.filter((a) => a.status === 'confirmed' && a.start_at > now).map((a) => a.id);
        const entries = await entriesOfAppointments(db, upcoming);
        const appointments = await Promise.all(
          rows.map(async (a) => ({
            ...bookingView(a, deps.appUrl),
            waitlist: await shownEntry(
              db,
              entries.find((e) => e.appointment_id === a.id),
            ),
          })),
        );
        return c.json({ appointments });
      },
    );
}
