import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors.js';
import type { AppEnv } from '../http/app-env.js';
import { describe } from '../http/route-doc.js';
import { slugParam } from '../http/schemas.js';
import { validate } from '../http/validate.js';
import { listImages } from '../media/media.repository.js';
import { imagesSchema, imagesView } from '../media/media.view.js';
import { publicService, publicServiceSchema } from '../services/service.view.js';
import { listActiveServices } from '../services/services.repository.js';
import { listMembers, servicesOfMembers } from '../team/team.repository.js';
import { listingExtrasOf, publicExtras } from './listing-extras.js';
import { searchSchema } from './provider.schemas.js';
import { listingSummary, listingSummarySchema, publicProvider, publicProviderSchema } from './provider.view.js';
import { findProviderBySlug, listCategoriesAndCities, ratingOf, searchProviders } from './providers.repository.js';
import type { ProviderRow } from './providers.table.js';
import { publicMember, publicMemberSchema } from './public-team.js';
import { searchSuggestions } from './search-suggestions.js';

export interface ProvidersDeps {
  db: Db;
  /** Each provider's first free start (ISO instant) or `null`: slots' `nextAvailableTimes`, wired in app.ts. */
  nextAvailable: (providers: ProviderRow[]) => Promise<Map<number, string | null>>;
}

const listingSchema = publicProviderSchema.extend({
  /** The active services' prices, in the currency most of them use; null without services. */
  price: z.object({ fromMinor: z.number().int(), toMinor: z.number().int(), currency: z.string() }).nullable(),
  logoUrl: z.string().nullable(),
  photoUrl: z.string().nullable(),
  /** The first free start (UTC instant) of its first active service within 14 days. */
  nextAvailable: z.string().nullable(),
});

const directoryAnswer = z.object({
  providers: z.array(listingSchema),
  /** Only for a text search that found nothing. */
  suggestions: z
    .object({
      didYouMean: z.string().nullable(),
      nearby: z.array(listingSummarySchema),
      categories: z.array(z.string()),
    })
    .optional(),
});

const profileAnswer = z.object({
  provider: publicProviderSchema,
  services: z.array(publicServiceSchema),
  images: imagesSchema,
  team: z.array(publicMemberSchema),
});

/**
 * The public directory: `/api/providers`. Never returns anything about customers. Each search result carries
 * `nextAvailable`: the first free start of its first service within two weeks (or `null`). A text search that
 * finds nothing answers `suggestions` too (a respelt query, nearby matches, categories).
 */
export function providersRoutes(deps: ProvidersDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get(
      '/',
      describe({
        summary: 'Search the directory',
        description: 'Over name, category, city, description and service names, forgiving typos (docs/api.md#search).',
        responses: { 200: directoryAnswer },
      }),
      validate('query', searchSchema),
      async (c) => {
        const query = c.req.valid('query');
        const rows = await searchProviders(db, query);
        const [next, extras] = await Promise.all([
          deps.nextAvailable(rows),
          listingExtrasOf(
            db,
            rows.map((r) => r.id),
          ),
        ]);
        const providers = rows.map((row) => ({
          ...publicProvider(row, {
            average: row.rating_average === null ? null : Math.round(Number(row.rating_average) * 10) / 10,
            count: Number(row.rating_count),
          }),
          ...publicExtras(extras.get(row.id)),
          nextAvailable: next.get(row.id) ?? null,
        }));
        if (providers.length > 0 || !query.q || query.offset > 0) return c.json({ providers });
        const { nearby, ...suggestions } = await searchSuggestions(db, query.q);
        return c.json({ providers, suggestions: { ...suggestions, nearby: nearby.map(listingSummary) } });
      },
    )
    .get(
      '/facets',
      describe({
        summary: 'Categories and cities of the directory',
        responses: { 200: z.object({ categories: z.array(z.string()), cities: z.array(z.string()) }) },
      }),
      async (c) => c.json(await listCategoriesAndCities(db)),
    )
    .get(
      '/:slug',
      describe({
        summary: 'A business profile',
        description: 'With its active services, images and team. An old slug of a renamed business answers too.',
        responses: { 200: profileAnswer },
      }),
      validate('param', slugParam),
      async (c) => {
        const provider = await findProviderBySlug(db, c.req.valid('param').slug);
        if (!provider) throw AppError.notFound('Provider');
        const [rating, services, images, members] = await Promise.all([
          ratingOf(db, provider.id),
          listActiveServices(db, provider.id),
          listImages(db, provider.id),
          listMembers(db, provider.id),
        ]);
        const performed = await servicesOfMembers(
          db,
          members.map((m) => m.id),
        );
        // Only the services on offer: an inactive one is nobody's to book.
        const offered = new Set(services.map((s) => s.id));
        return c.json({
          provider: publicProvider(provider, rating),
          services: services.map(publicService),
          images: imagesView(images),
          team: members.map((m) =>
            publicMember(
              m,
              performed.get(m.id)!.filter((id) => offered.has(id)),
            ),
          ),
        });
      },
    );
}
