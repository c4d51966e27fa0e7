import { Hono } from 'hono';
import { z } from 'zod';
import type { SlotsChanged } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import { withWriteLock } from '../db/transaction.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { validate } from '../http/validate.js';
import { mayManageBusiness, memberRef, refuseApiKeys } from '../team/roles.js';
import { insertMember, membershipOf } from '../team/team.repository.js';
import { type ProfileInput, profileSchema } from './provider.schemas.js';
import { adminProvider, ownProfileSchema } from './provider.view.js';
import { insertProvider, retireSlug, slugHolder, updateProvider } from './providers.repository.js';
import type { ProviderUpdate } from './providers.table.js';
import { requestMembership } from './require-provider.js';

const oneProfile = z.object({ profile: ownProfileSchema });

function toColumns(input: ProfileInput) {
  return {
    slug: input.slug,
    name: input.name,
    category: input.category,
    description: input.description,
    city: input.city,
    address: input.address,
    phone: input.phone,
    time_zone: input.timeZone,
    min_notice_minutes: input.bookingRules.minNoticeMinutes,
    max_days_ahead: input.bookingRules.maxDaysAhead,
    slot_step_minutes: input.bookingRules.slotStepMinutes,
    ...(input.notifications && { email_reminder: input.notifications.reminder }),
    ...(input.notifications?.ownerCopies !== undefined && { owner_copies: input.notifications.ownerCopies ? 1 : 0 }),
    ...(input.policy && { change_cutoff_hours: input.policy.cutoffHours, policy_text: input.policy.text }),
  } satisfies ProviderUpdate;
}

/**
 * `/api/admin/profile`: the signed-in provider's own business profile and booking rules. A new slug keeps the old
 * one as an alias of the business (redirects on the site, the same answers from the API), which nobody else can take.
 * An API key reads its business's profile; changing it is for a person signed in.
 */
export function profileRoutes(db: Db, slotsChanged: SlotsChanged) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (c.get('apiKey')) return next();
      const user = c.get('user');
      if (!user) throw new AppError('unauthenticated', 'Sign in first');
      if (user.role !== 'provider') throw new AppError('forbidden', 'Only providers have a profile');
      await next();
    })
    .get(
      '/',
      describe({
        summary: 'The business profile',
        description: 'With the booking rules and who the signed-in member is.',
        responses: { 200: oneProfile, 403: 'Not a provider account' },
      }),
      async (c) => {
        const membership = await requestMembership(db, c);
        if (!membership) throw AppError.notFound('Profile');
        return c.json({ profile: { ...adminProvider(membership.provider), me: memberRef(membership.member) } });
      },
    )
    .put(
      '/',
      describe({
        summary: 'Create or change the business profile',
        description:
          '201 when it creates the business (its first use), 200 after. A new slug keeps the old one as an alias.',
        responses: {
          200: oneProfile,
          201: oneProfile,
          403: 'Not a provider account, or staff, or an API key',
          409: 'The slug is taken (`slug_taken`)',
        },
        auth: 'session',
      }),
      refuseApiKeys,
      validate('json', profileSchema),
      async (c) => {
        const input = c.req.valid('json');
        const user = c.get('user')!;
        const { existing, saved, me } = await withWriteLock(db, async (trx) => {
          const membership = await membershipOf(trx, user.id);
          if (membership && !mayManageBusiness(membership.member.role))
            throw new AppError('forbidden', 'Only the owner and admins change the business');
          const existing = membership?.provider;
          const holder = await slugHolder(trx, input.slug);
          if (holder !== undefined && holder !== existing?.id)
            throw new AppError('slug_taken', `The address "${input.slug}" is taken`);
          if (existing && existing.slug !== input.slug) await retireSlug(trx, existing.id, existing.slug, input.slug);
          if (existing)
            return { existing, saved: await updateProvider(trx, existing.id, toColumns(input)), me: membership.member };
          const saved = await insertProvider(trx, { user_id: user.id, ...toColumns(input) });
          // The one who opens a business is its owner and first member, performing whatever it will offer.
          const owner = await insertMember(trx, {
            provider_id: saved.id,
            user_id: user.id,
            role: 'owner',
            name: user.name,
            email: user.email,
          });
          return { existing, saved, me: owner };
        });
        await slotsChanged(saved.id);
        return c.json({ profile: { ...adminProvider(saved), me: memberRef(me) } }, existing ? 200 : 201);
      },
    );
}
