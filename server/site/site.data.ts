import { DateTime } from 'luxon';
import type { Db } from '../db/connect.js';
import { listImages } from '../media/media.repository.js';
import { imagesView, mediaUrl } from '../media/media.view.js';
import { listingExtrasOf } from '../providers/listing-extras.js';
import { listCategoriesAndCities, ratingOf, searchProviders } from '../providers/providers.repository.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { searchSuggestions } from '../providers/search-suggestions.js';
import { publicReview } from '../reviews/review.view.js';
import { listProviderReviews } from '../reviews/reviews.repository.js';
import { listOverrides, listWeeklyHours } from '../schedule/schedule.repository.js';
import { listActiveServices } from '../services/services.repository.js';
import type { ServiceRow } from '../services/services.table.js';
import { listMembers, servicesOfMembers } from '../team/team.repository.js';
import type { DirectoryView } from './pages/directory.page.js';
import type { ProfileMember, ProfileView } from './pages/profile.page.js';

export const DIRECTORY_PAGE_SIZE = 18;
export const REVIEWS_PAGE_SIZE = 10;

/** Each listed business's first free start (ISO instant) or `null`, as slots computes it (wired in app.ts). */
export type NextAvailableOf = (providers: ProviderRow[]) => Promise<Map<number, string | null>>;

/**
 * The directory page: one search (one row more than shown, to know whether there is a next page), the cards'
 * extras, and suggestions when a text search found nothing.
 */
export async function loadDirectory(
  db: Db,
  query: DirectoryView['query'],
  page: number,
  nextAvailableOf: NextAvailableOf,
): Promise<DirectoryView> {
  const [rows, facets] = await Promise.all([
    searchProviders(db, {
      q: query.q || undefined,
      category: query.category || undefined,
      city: query.city || undefined,
      limit: DIRECTORY_PAGE_SIZE + 1,
      offset: (page - 1) * DIRECTORY_PAGE_SIZE,
    }),
    listCategoriesAndCities(db),
  ]);
  const results = rows.slice(0, DIRECTORY_PAGE_SIZE);
  const [nextAvailable, extras, suggestions] = await Promise.all([
    nextAvailableOf(results),
    listingExtrasOf(
      db,
      results.map((r) => r.id),
    ),
    results.length === 0 && query.q && page === 1 ? searchSuggestions(db, query.q) : null,
  ]);
  return {
    query,
    facets,
    results,
    nextAvailable,
    extras,
    suggestions,
    page,
    hasMore: rows.length > DIRECTORY_PAGE_SIZE,
  };
}

/**
 * A business's team as its profile shows it: active members in the business's order, each with the active services
 * they perform. A business of one has no team to show (its profile stays as it was).
 */
async function loadTeam(db: Db, providerId: number, services: ServiceRow[]): Promise<ProfileMember[]> {
  const members = await listMembers(db, providerId);
  if (members.length < 2) return [];
  const performed = await servicesOfMembers(
    db,
    members.map((m) => m.id),
  );
  return members.map((m) => ({
    slug: m.slug,
    name: m.name,
    bio: m.bio,
    photoUrl: m.photo_hash ? mediaUrl(m.photo_hash) : null,
    services: services.filter((s) => performed.get(m.id)?.includes(s.id)).map((s) => s.name),
  }));
}

/** The profile page: services, pictures, opening hours, the rating and one page of reviews, newest first. */
export async function loadProfile(db: Db, provider: ProviderRow, page: number, now: number): Promise<ProfileView> {
  const today = DateTime.fromMillis(now, { zone: provider.time_zone });
  const date = today.toISODate() ?? '';
  const [services, rating, rows, images, weekly, overrides] = await Promise.all([
    listActiveServices(db, provider.id),
    ratingOf(db, provider.id),
    listProviderReviews(db, provider.id, { limit: REVIEWS_PAGE_SIZE, offset: (page - 1) * REVIEWS_PAGE_SIZE }),
    listImages(db, provider.id),
    listWeeklyHours(db, provider.id),
    listOverrides(db, provider.id, date, date),
  ]);
  const pages = Math.max(1, Math.ceil(rating.count / REVIEWS_PAGE_SIZE));
  return {
    provider,
    services,
    team: await loadTeam(db, provider.id, services),
    rating,
    reviews: rows.map(publicReview),
    page,
    pages,
    images: imagesView(images),
    hours: { weekly, zone: provider.time_zone, today: { date, weekday: today.weekday, override: overrides[0] } },
  };
}

export type { ServiceRow };
