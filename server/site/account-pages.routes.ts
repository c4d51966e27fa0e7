import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { accountRoutes, adminRoutes, matchRoute } from '../../site/lib/routes.js';
import type { Role } from '../auth/auth.table.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { validate } from '../http/validate.js';
import { adminProvider } from '../providers/provider.view.js';
import { memberRef } from '../team/roles.js';
import { membershipOf } from '../team/team.repository.js';
import type { PageMeta, PageRenderer } from './page-renderer.js';
import { appPage } from './pages/app.page.js';
import type { Html } from './pages/layout.js';
import { loginQuery, manageParam, offerParam, signupQuery } from './site.schemas.js';
import { siteHeaders } from './site-headers.js';

const homeOf = (role: Role) => (role === 'provider' ? '/admin' : '/account');
const toLogin = (c: Context<AppEnv>) => c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`);

/**
 * The pages of a visitor's own: signing in and up, a forgotten password, a booking's manage link, a waitlist offer, and the customer's and provider's
 * areas (one shell each; the client router shows the view). No one may frame them.
 */
export function accountPagesRoutes(deps: { db: Db; appUrl: string }, pages: PageRenderer) {
  const privatePage = siteHeaders({ frameAncestors: "'none'" });
  /** One client element in the app shell, under the heading `title` unless another is given. */
  const shell = (
    c: Context<AppEnv>,
    meta: Omit<PageMeta, 'description'> & { description?: string },
    body: { element: Html; heading?: string; narrow?: boolean },
  ) =>
    pages.render(
      c,
      { description: '', ...meta, title: `${meta.title} · Book your services` },
      appPage({ ...body, heading: body.heading ?? meta.title }),
    );

  return (
    new Hono<AppEnv>()
      .get('/login', privatePage, validate('query', loginQuery), (c) => {
        const user = c.get('user');
        const { next } = c.req.valid('query');
        if (user) return c.redirect(next || homeOf(user.role));
        return shell(
          c,
          {
            page: 'login',
            title: 'Sign in',
            description: 'Sign in to manage your appointments or your business.',
            path: '/login',
          },
          { narrow: true, element: html`<book-auth-form mode="login" next="${next}"></book-auth-form>` },
        );
      })

      .get('/signup', privatePage, validate('query', signupQuery), (c) => {
        const user = c.get('user');
        if (user) return c.redirect(homeOf(user.role));
        const { as: role, next } = c.req.valid('query');
        const provider = role === 'provider';
        return shell(
          c,
          {
            page: 'signup',
            title: provider ? 'List your business' : 'Create an account',
            description: 'Create a free account: book and manage appointments, or take bookings for your business.',
            path: provider ? '/signup?as=provider' : '/signup',
          },
          {
            narrow: true,
            element: html`<book-auth-form mode="signup" account-type="${role}" next="${next}"></book-auth-form>`,
          },
        );
      })

      .get('/verify-email', privatePage, (c) =>
        shell(
          c,
          { page: 'verify-email', title: 'Confirm your email', path: '/verify-email', noindex: true },
          { narrow: true, element: html`<book-verify-email></book-verify-email>` },
        ),
      )

      .get('/forgot-password', privatePage, (c) =>
        shell(
          c,
          {
            page: 'password-reset',
            title: 'Forgot password',
            description: 'Get a link to choose a new password.',
            path: '/forgot-password',
          },
          {
            heading: 'Forgot your password?',
            narrow: true,
            element: html`<book-password-reset mode="request"></book-password-reset>`,
          },
        ),
      )

      // The token stays in the page's address only: site pages send no Referer (`Referrer-Policy: no-referrer`).
      .get('/reset-password', privatePage, (c) =>
        shell(
          c,
          { page: 'password-reset', title: 'Choose a new password', path: '/reset-password', noindex: true },
          { narrow: true, element: html`<book-password-reset mode="set"></book-password-reset>` },
        ),
      )

      // An invitation to a team: the token stays in the address only, like the password reset's.
      .get('/join', privatePage, (c) =>
        shell(
          c,
          {
            page: 'join',
            title: 'Join a team',
            path: '/join',
            noindex: true,
            data: { user: c.get('user') ?? null },
          },
          { narrow: true, element: html`<book-join></book-join>` },
        ),
      )

      .get(
        '/manage/:id',
        privatePage,
        validate('param', manageParam, (c) => pages.notFound(c, 'Booking')),
        (c) => {
          const { id } = c.req.valid('param');
          return shell(
            c,
            {
              page: 'manage',
              title: 'Your booking',
              description: 'View, change or cancel your booking.',
              path: `/manage/${id}`,
              noindex: true,
            },
            { element: html`<book-manage booking-id="${id}"></book-manage>` },
          );
        },
      )

      // A waitlist offer's link from its email: the page only shows it; taking it is a button (mail scanners open
      // links). The token stays in the address only, like the manage link's.
      .get(
        '/waitlist/offers/:id',
        privatePage,
        validate('param', offerParam, (c) => pages.notFound(c, 'Offer')),
        (c) => {
          const { id } = c.req.valid('param');
          return shell(
            c,
            { page: 'offer', title: 'An earlier time for you', path: `/waitlist/offers/${id}`, noindex: true },
            { narrow: true, element: html`<book-waitlist-offer offer-id="${id}"></book-waitlist-offer>` },
          );
        },
      )

      .get('/account/:rest{.*}?', privatePage, (c) => {
        const user = c.get('user');
        if (!user) return toLogin(c);
        if (user.role === 'provider') return c.redirect('/admin');
        const title = matchRoute(accountRoutes, c.req.path)?.route.title;
        if (!title) return pages.notFound(c, 'Page');
        return shell(
          c,
          { page: 'account', title, path: c.req.path, noindex: true, data: { user } },
          { element: html`<book-account-app></book-account-app>` },
        );
      })

      .get('/admin/:rest{.*}?', privatePage, async (c) => {
        const user = c.get('user');
        if (!user) return toLogin(c);
        if (user.role !== 'provider') return c.redirect('/account');
        const membership = await membershipOf(deps.db, user.id);
        if (!membership && c.req.path !== '/admin/onboarding') return c.redirect('/admin/onboarding');
        const title = matchRoute(adminRoutes, c.req.path)?.route.title;
        if (!title) return pages.notFound(c, 'Page');
        return shell(
          c,
          {
            page: 'admin',
            title,
            path: c.req.path,
            noindex: true,
            wide: true,
            data: {
              user,
              provider: membership ? { ...adminProvider(membership.provider), me: memberRef(membership.member) } : null,
              appUrl: deps.appUrl,
            },
          },
          { element: html`<book-admin-app></book-admin-app>` },
        );
      })
  );
}
