import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { validate } from '../http/validate.js';
import { findProviderBySlug } from '../providers/providers.repository.js';
import type { ProviderRow } from '../providers/providers.table.js';
import { findService } from '../services/services.repository.js';
import { nextAvailableTimes } from '../slots/next-available.js';
import type { PageMeta, PageRenderer } from './page-renderer.js';
import { directoryPage } from './pages/directory.page.js';
import { excerpt } from './pages/format.js';
import { bookingPage, type ProfileView, profilePage } from './pages/profile.page.js';
import { loadDirectory, loadProfile, type NextAvailableOf } from './site.data.js';
import { bookingParam, bookingQuery, directoryQuery, pageQuery, providerParam } from './site.schemas.js';
import { siteHeaders } from './site-headers.js';

export interface PublicPagesDeps {
  db: Db;
  now: () => Date;
  busyTimes: BusyTimeSource<Db>;
  nextAvailable?: NextAvailableOf;
  appUrl: string;
  /** Keeps a page a few seconds for visitors who are not signed in (page-cache.ts). */
  cachedPage: MiddlewareHandler<AppEnv>;
}

/** A signed-in customer books with their account: the widget is prefilled with their name and email. */
function bookingData(c: Context<AppEnv>): Pick<PageMeta, 'data'> {
  const user = c.get('user');
  return user?.role === 'customer' ? { data: { customer: { name: user.name, email: user.email } } } : {};
}

/** A business found by a slug it had before a rename: the same page at its current address, for good (301). */
function movedTo(c: Context<AppEnv>, slug: string) {
  return c.redirect(`${c.req.path.replace(/^\/p\/[^/]+/, `/p/${slug}`)}${new URL(c.req.url).search}`, 301);
}

/** A profile's title, description and schema.org `LocalBusiness` (with its rating, once it has one). */
function profileMeta(view: ProfileView, appUrl: string): Omit<PageMeta, 'page' | 'path'> {
  const { provider, rating } = view;
  const where = [provider.category, provider.city].filter(Boolean).join(' in ');
  return {
    title: `${provider.name}${where ? ` — ${where}` : ''} · Book your services`,
    description: excerpt(provider.description || `Book an appointment with ${provider.name} online.`),
    ogType: 'profile',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: provider.name,
      description: provider.description,
      address: provider.address,
      telephone: provider.phone,
      url: `${appUrl}/p/${provider.slug}`,
      ...(rating.count && {
        aggregateRating: { '@type': 'AggregateRating', ratingValue: rating.average, reviewCount: rating.count },
      }),
    },
  };
}

/** The pages anyone may see, and frame on our own origin: the directory, profiles and direct booking links. */
export function publicPagesRoutes(deps: PublicPagesDeps, pages: PageRenderer) {
  const { db } = deps;
  const publicPage = siteHeaders({ frameAncestors: "'self'" });

  return new Hono<AppEnv>()
    .get('/', publicPage, deps.cachedPage, validate('query', directoryQuery), async (c) => {
      const { page, ...query } = c.req.valid('query');
      const nextAvailable =
        deps.nextAvailable ??
        ((rows: ProviderRow[]) =>
          nextAvailableTimes(db, rows, { now: deps.now().getTime(), busyTimes: deps.busyTimes }));
      const view = await loadDirectory(db, query, page, nextAvailable);
      const filtered = [query.q, query.category, query.city].filter(Boolean).join(', ');
      const meta: PageMeta = {
        page: 'directory',
        title: filtered ? `${filtered} · Book your services` : 'Book your services — find and book local services',
        description:
          'Find local businesses, see their free times and reviews, and book an appointment online in a few taps.',
        path: c.req.url.slice(new URL(c.req.url).origin.length),
        noindex: page > 1 || Boolean(filtered),
      };
      return pages.render(c, meta, directoryPage(view));
    })

    .get(
      '/p/:slug',
      publicPage,
      deps.cachedPage,
      validate('param', providerParam, (c) => pages.notFound(c, 'Provider')),
      validate('query', pageQuery),
      async (c) => {
        const provider = await findProviderBySlug(db, c.req.valid('param').slug);
        if (!provider) return pages.notFound(c, 'Provider');
        if (provider.slug !== c.req.valid('param').slug) return movedTo(c, provider.slug);
        const { page, staff } = c.req.valid('query');
        const view = await loadProfile(db, provider, page, deps.now().getTime());
        // Only a member the team shows: anything else opens the widget as usual.
        if (view.team.some((m) => m.slug === staff)) view.staff = staff;
        const path = `/p/${provider.slug}${page > 1 ? `?page=${page}` : ''}`;
        return pages.render(
          c,
          { page: 'profile', path, ...profileMeta(view, deps.appUrl), ...bookingData(c) },
          profilePage(view),
        );
      },
    )

    .get(
      '/p/:slug/book/:serviceId?',
      publicPage,
      validate('param', bookingParam, (c, fields) => pages.notFound(c, fields.slug ? 'Provider' : 'Service')),
      validate('query', bookingQuery),
      async (c) => {
        const { slug, serviceId } = c.req.valid('param');
        const { date, staff } = c.req.valid('query');
        const provider = await findProviderBySlug(db, slug);
        if (!provider) return pages.notFound(c, 'Provider');
        if (provider.slug !== slug) return movedTo(c, provider.slug);
        const service = serviceId === undefined ? undefined : await findService(db, provider.id, serviceId);
        if (serviceId !== undefined && service?.active !== 1) return pages.notFound(c, 'Service');
        const meta: PageMeta = {
          page: 'book',
          title: `Book ${service ? `${service.name} at ` : ''}${provider.name} · Book your services`,
          description: excerpt(
            service?.description || provider.description || `Book an appointment with ${provider.name}.`,
          ),
          path: `/p/${provider.slug}/book${service ? `/${service.id}` : ''}`,
          ogType: 'profile',
          ...bookingData(c),
        };
        return pages.render(
          c,
          meta,
          bookingPage({ provider, ...(service && { service }), ...(date && { day: date }), ...(staff && { staff }) }),
        );
      },
    );
}
