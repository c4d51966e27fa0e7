import { fileURLToPath } from 'node:url';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { adminProvider } from '../providers/provider.view.js';
import { findProviderBySlug, findProviderByUser } from '../providers/providers.repository.js';
import { findService } from '../services/services.repository.js';
import type { BusyTimeSource } from '../slots/availability.loader.js';
import { appPage, notFoundPage } from './pages/app.page.js';
import { directoryPage } from './pages/directory.page.js';
import { excerpt } from './pages/format.js';
import { type Html, layout, type PageShell } from './pages/layout.js';
import { bookingPage, profilePage } from './pages/profile.page.js';
import { adminPageTitle, accountPageTitle } from './site-pages.js';
import { SiteAssets } from './site-assets.js';
import { siteHeaders } from './site-headers.js';
import { loadDirectory, loadProfile } from './site.data.js';

export interface SiteDeps {
  db: Db;
  now: () => Date;
  busyTimes: BusyTimeSource;
  appUrl: string;
  /** Where `npm run build:site` wrote the site; defaults to `dist/site/` in the repository. */
  distDir?: string;
}

const text = (max: number) => z.string().trim().max(max).catch('');
const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);
const directoryQuery = z.object({ q: text(100), category: text(60), city: text(100), page: pageNumber });

/** Only our own paths after sign-in: `//evil.example` and `https://…` are open redirects. */
const safeNext = (next: string | undefined): string => (next && /^\/(?!\/)[\w\-./?=&%#]*$/.test(next) ? next : '');

/**
 * The hosted site's pages, rendered on the server with real URLs, per-page titles and Open Graph meta, then
 * hydrated by the built client (`site/`). Public pages may be framed by ourselves; signed-in areas by no one.
 */
export function siteRoutes(deps: SiteDeps) {
  const { db } = deps;
  const assets = new SiteAssets(deps.distDir ?? fileURLToPath(new URL('../../dist/site/', import.meta.url)));
  const publicPage = siteHeaders({ frameAncestors: "'self'" });
  const privatePage = siteHeaders({ frameAncestors: "'none'" });

  const render = (c: Context<AppEnv>, shell: Omit<PageShell, 'appUrl' | 'user' | 'assets'>, body: Html, status: 200 | 404 = 200) =>
    c.html(layout({ ...shell, appUrl: deps.appUrl, user: c.get('user'), assets: assets.forPage(shell.page) }, body), status);

  const notFound = (c: Context<AppEnv>, what: string) =>
    render(c, { page: 'not-found', title: `${what} not found · Book your services`, description: '', path: c.req.path, noindex: true }, notFoundPage(what), 404);

  /** A business found by a slug it had before a rename: the same page at its current address, for good (301). */
  const movedTo = (c: Context<AppEnv>, slug: string) =>
    c.redirect(`${c.req.path.replace(/^\/p\/[^/]+/, `/p/${slug}`)}${new URL(c.req.url).search}`, 301);

  const homeOf = (role: 'customer' | 'provider') => (role === 'provider' ? '/admin' : '/account');
  /** A signed-in customer books with their account: the widget is prefilled with their name and email. */
  const bookingData = (c: Context<AppEnv>) => {
    const user = c.get('user');
    return user?.role === 'customer' ? { data: { customer: { name: user.name, email: user.email } } } : {};
  };

  return new Hono<AppEnv>()
    .get('/site/:path{.+}', (c) => assets.serve(c, c.req.param('path')))
    // Browsers ask for /favicon.ico on pages that name no icon (the widget demo, API responses opened directly).
    .get('/favicon.ico', (c) => assets.serve(c, 'favicon.svg'))

    .get('/', publicPage, async (c) => {
      const { page, ...query } = directoryQuery.parse(c.req.query());
      const view = await loadDirectory(db, query, page, { now: deps.now().getTime(), busyTimes: deps.busyTimes });
      const filtered = [query.q, query.category, query.city].filter(Boolean).join(', ');
      return render(
        c,
        {
          page: 'directory',
          title: filtered ? `${filtered} · Book your services` : 'Book your services — find and book local services',
          description: 'Find local businesses, see their free times and reviews, and book an appointment online in a few taps.',
          path: c.req.url.slice(new URL(c.req.url).origin.length),
          noindex: page > 1 || Boolean(filtered),
        },
        directoryPage(view),
      );
    })

    .get('/p/:slug', publicPage, async (c) => {
      const provider = await findProviderBySlug(db, c.req.param('slug').slice(0, 60));
      if (!provider) return notFound(c, 'Provider');
      if (provider.slug !== c.req.param('slug')) return movedTo(c, provider.slug);
      const page = pageNumber.parse(c.req.query('page'));
      const view = await loadProfile(db, provider, page);
      const where = [provider.category, provider.city].filter(Boolean).join(' in ');
      return render(
        c,
        {
          page: 'profile',
          title: `${provider.name}${where ? ` — ${where}` : ''} · Book your services`,
          description: excerpt(provider.description || `Book an appointment with ${provider.name} online.`),
          path: `/p/${provider.slug}${page > 1 ? `?page=${page}` : ''}`,
          ogType: 'profile',
          ...bookingData(c),
          jsonLd: {
            '@context': 'https://schema.org',
            '@type': 'LocalBusiness',
            name: provider.name,
            description: provider.description,
            address: provider.address,
            telephone: provider.phone,
            url: `${deps.appUrl}/p/${provider.slug}`,
            ...(view.rating.count && { aggregateRating: { '@type': 'AggregateRating', ratingValue: view.rating.average, reviewCount: view.rating.count } }),
          },
        },
        profilePage(view),
      );
    })

    .get('/p/:slug/book/:serviceId?', publicPage, async (c) => {
      const provider = await findProviderBySlug(db, c.req.param('slug').slice(0, 60));
      if (!provider) return notFound(c, 'Provider');
      if (provider.slug !== c.req.param('slug')) return movedTo(c, provider.slug);
      const serviceParam = c.req.param('serviceId');
      const serviceId = serviceParam === undefined ? undefined : z.coerce.number().int().positive().safeParse(serviceParam).data;
      const service = serviceId ? await findService(db, provider.id, serviceId) : undefined;
      if (serviceParam !== undefined && (!service || service.active !== 1)) return notFound(c, 'Service');
      return render(
        c,
        {
          page: 'book',
          title: `Book ${service ? `${service.name} at ` : ''}${provider.name} · Book your services`,
          description: excerpt(service?.description || provider.description || `Book an appointment with ${provider.name}.`),
          path: `/p/${provider.slug}/book${service ? `/${service.id}` : ''}`,
          ogType: 'profile',
          ...bookingData(c),
        },
        bookingPage({ provider, ...(service && { service }) }),
      );
    })

    .get('/login', privatePage, (c) => {
      const user = c.get('user');
      const next = safeNext(c.req.query('next'));
      if (user) return c.redirect(next || homeOf(user.role));
      return render(
        c,
        { page: 'login', title: 'Sign in · Book your services', description: 'Sign in to manage your appointments or your business.', path: '/login' },
        appPage({ heading: 'Sign in', narrow: true, element: html`<book-auth-form mode="login" next="${next}"></book-auth-form>` }),
      );
    })

    .get('/signup', privatePage, (c) => {
      const user = c.get('user');
      if (user) return c.redirect(homeOf(user.role));
      const role = c.req.query('as') === 'provider' ? 'provider' : 'customer';
      return render(
        c,
        {
          page: 'signup',
          title: role === 'provider' ? 'List your business · Book your services' : 'Create an account · Book your services',
          description: 'Create a free account: book and manage appointments, or take bookings for your business.',
          path: role === 'provider' ? '/signup?as=provider' : '/signup',
        },
        appPage({
          heading: role === 'provider' ? 'List your business' : 'Create an account',
          narrow: true,
          element: html`<book-auth-form mode="signup" account-type="${role}" next="${safeNext(c.req.query('next'))}"></book-auth-form>`,
        }),
      );
    })

    .get('/verify-email', privatePage, (c) =>
      render(
        c,
        { page: 'verify-email', title: 'Confirm your email · Book your services', description: '', path: '/verify-email', noindex: true },
        appPage({ heading: 'Confirm your email', narrow: true, element: html`<book-verify-email></book-verify-email>` }),
      ),
    )

    .get('/manage/:id', privatePage, (c) => {
      const id = z.coerce.number().int().positive().safeParse(c.req.param('id')).data;
      if (!id) return notFound(c, 'Booking');
      return render(
        c,
        { page: 'manage', title: 'Your booking · Book your services', description: 'View, change or cancel your booking.', path: `/manage/${id}`, noindex: true },
        appPage({ heading: 'Your booking', element: html`<book-manage booking-id="${id}"></book-manage>` }),
      );
    })

    .get('/account/:rest{.*}?', privatePage, (c) => {
      const user = c.get('user');
      if (!user) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
      if (user.role === 'provider') return c.redirect('/admin');
      const title = accountPageTitle(c.req.path);
      if (!title) return notFound(c, 'Page');
      return render(
        c,
        { page: 'account', title: `${title} · Book your services`, description: '', path: c.req.path, noindex: true, data: { user } },
        appPage({ heading: title, element: html`<book-account-app></book-account-app>` }),
      );
    })

    .get('/admin/:rest{.*}?', privatePage, async (c) => {
      const user = c.get('user');
      if (!user) return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);
      if (user.role !== 'provider') return c.redirect('/account');
      const provider = await findProviderByUser(db, user.id);
      if (!provider && c.req.path !== '/admin/onboarding') return c.redirect('/admin/onboarding');
      const title = adminPageTitle(c.req.path);
      if (!title) return notFound(c, 'Page');
      return render(
        c,
        {
          page: 'admin',
          title: `${title} · Book your services`,
          description: '',
          path: c.req.path,
          noindex: true,
          wide: true,
          data: { user, provider: provider ? adminProvider(provider) : null, appUrl: deps.appUrl },
        },
        appPage({ heading: title, element: html`<book-admin-app></book-admin-app>` }),
      );
    })

    // A mistyped address in a browser gets a page, not JSON; API clients keep the JSON 404.
    .get('*', async (c, next) => {
      const wantsHtml = (c.req.header('accept') ?? '').includes('text/html');
      if (!wantsHtml || /^\/(api|ical|widget)\b/.test(c.req.path)) return next();
      const res = await notFound(c, 'Page');
      await publicPage(c, async () => {
        c.res = res;
      });
      return c.res;
    });
}
