import { html } from 'hono/html';
import type { imagesView } from '../../media/media.view.js';
import type { ProviderRow } from '../../providers/providers.table.js';
import type { publicReview } from '../../reviews/review.view.js';
import type { ServiceRow } from '../../services/services.table.js';
import { logoBadge, ratingLine } from './directory.page.js';
import { formatDay, formatDuration, formatPrice, initials, plural, starText } from './format.js';
import type { Html } from './layout.js';
import { type OpeningHoursView, openingHours } from './opening-hours.page.js';

/** A team member on the profile, with the names of the services they perform. */
export interface ProfileMember {
  slug: string;
  name: string;
  bio: string;
  photoUrl: string | null;
  services: string[];
}

export interface ProfileView {
  provider: ProviderRow;
  services: ServiceRow[];
  /** Empty for a business of one. */
  team: ProfileMember[];
  /** A member's slug from `?staff=` ("Book with Mia"): the widget starts with them. */
  staff?: string | undefined;
  rating: { average: number | null; count: number };
  reviews: ReturnType<typeof publicReview>[];
  page: number;
  pages: number;
  images: ReturnType<typeof imagesView>;
  hours: OpeningHoursView;
}

/** The owner's photos, in their order: a strip that scrolls sideways on a phone. */
function gallery(view: ProfileView): Html {
  const { photos } = view.images;
  if (photos.length === 0) return html``;
  return html`<ul class="gallery" aria-label="Photos of ${view.provider.name}">
    ${photos.map(
      (p, i) =>
        html`<li><a href="${p.url}"><img src="${p.thumbUrl}" width="640" height="400" alt="Photo ${i + 1} of ${photos.length}" loading="${i < 2 ? 'eager' : 'lazy'}" /></a></li>`,
    )}
  </ul>`;
}

/**
 * The booking widget itself: the same element providers embed, so the flow exists once. On the site it speaks
 * the site's language and sends the session, so a signed-in customer's booking lands in their account.
 */
export const bookingWidget = (slug: string, serviceId?: number, day?: string, staff?: string): Html =>
  html`<book-services provider="${slug}" ${serviceId ? html`service="${serviceId}"` : ''} ${day ? html`day="${day}"` : ''} ${staff ? html`staff="${staff}"` : ''} locale="en-GB" theme="auto" credentials="same-origin"
    ><p class="muted">Loading available times…</p></book-services
  >`;

function servicesSection(view: ProfileView): Html {
  const { provider, services } = view;
  return html`<section aria-labelledby="services-heading">
    <h2 id="services-heading">Services</h2>
    ${
      services.length
        ? html`<ul class="service-list">
          ${services.map(
            (s) => html`<li>
              <h3>${s.name}</h3>
              <span class="price">${formatPrice(s.price_minor, s.currency)}</span>
              <p class="muted">${formatDuration(s.duration_minutes)}${s.description ? ` · ${s.description}` : ''}</p>
              <a class="button" href="/p/${provider.slug}/book/${s.id}">Book ${s.name}</a>
            </li>`,
          )}
        </ul>`
        : html`<p class="muted">No services are bookable right now.</p>`
    }
  </section>`;
}

/** Who works there: photo or initials, name, bio and services, and a link that books with them. */
function teamSection(view: ProfileView): Html {
  const { provider, team } = view;
  if (team.length === 0) return html``;
  return html`<section class="team" aria-labelledby="team-heading">
    <h2 id="team-heading">Team</h2>
    <ul class="team-list">
      ${team.map(
        (m) => html`<li>
          ${
            m.photoUrl
              ? html`<img class="avatar" src="${m.photoUrl}" alt="" width="64" height="64" loading="lazy" />`
              : html`<span class="avatar" aria-hidden="true">${initials(m.name)}</span>`
          }
          <div>
            <h3>${m.name}</h3>
            ${m.bio ? html`<p>${m.bio}</p>` : ''}
            ${m.services.length ? html`<p class="muted">${m.services.join(' · ')}</p>` : ''}
            ${
              m.services.length
                ? html`<a class="button" href="/p/${provider.slug}?staff=${m.slug}#book-heading">Book with ${m.name}</a>`
                : ''
            }
          </div>
        </li>`,
      )}
    </ul>
  </section>`;
}

function reviewsSection(view: ProfileView): Html {
  const { rating, reviews, page, pages, provider } = view;
  const href = (n: number) => (n === 1 ? `/p/${provider.slug}#reviews` : `/p/${provider.slug}?page=${n}#reviews`);
  return html`<section id="reviews" aria-labelledby="reviews-heading">
    <h2 id="reviews-heading">Reviews</h2>
    ${
      rating.count && rating.average !== null
        ? html`<p class="review-summary">
          <span class="average">${rating.average.toFixed(1)}</span>
          <span class="stars" aria-hidden="true">${starText(rating.average)}</span>
          <span>out of 5 · ${plural(rating.count, 'review', 'reviews')}</span>
        </p>`
        : html`<p class="muted">No reviews yet. Customers can review a visit once it has taken place.</p>`
    }
    <ol class="reviews">
      ${reviews.map(
        (r) => html`<li class="review">
          <header>
            <span class="stars" role="img" aria-label="${r.rating} out of 5 stars">${starText(r.rating)}</span>
            <strong>${r.author}</strong>
            <span class="muted">${r.service} · <time datetime="${r.createdAt}">${formatDay(r.createdAt)}</time></span>
          </header>
          ${r.body ? html`<p class="body">${r.body}</p>` : ''}
          ${
            r.reply
              ? html`<div class="reply">
                <p><strong>Reply from ${provider.name}</strong></p>
                <p>${r.reply}</p>
              </div>`
              : ''
          }
        </li>`,
      )}
    </ol>
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="Review pages">
          ${page > 1 ? html`<a class="button" href="${href(page - 1)}" rel="prev">← Newer reviews</a>` : html`<span></span>`}
          <span class="muted">Page ${page} of ${pages}</span>
          ${page < pages ? html`<a class="button" href="${href(page + 1)}" rel="next">Older reviews →</a>` : html`<span></span>`}
        </nav>`
        : ''
    }
  </section>`;
}

/** `/p/:slug`: everything a customer needs to decide, rendered on the server; the booking widget hydrates. */
export function profilePage(view: ProfileView): Html {
  const { provider } = view;
  const mapUrl = `https://www.openstreetmap.org/search?query=${encodeURIComponent(provider.address)}`;
  // One column on phones (head, booking, services, reviews); on wide screens booking sits in a sticky column.
  return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Directory</a> › ${provider.name}</nav>
    <div class="profile">
        <section class="profile-head">
          <div class="profile-title">
            ${logoBadge(provider.name, view.images.logo?.url, 'large')}
            <h1>${provider.name}</h1>
          </div>
          <p class="meta">${[provider.category, provider.city].filter(Boolean).join(' · ')}</p>
          <p><a href="#reviews">${ratingLine(view.rating.average, view.rating.count)}</a></p>
          ${provider.description ? html`<p>${provider.description}</p>` : ''}
          <dl class="facts">
            ${
              provider.address
                ? html`<dt>Address</dt>
                  <dd><a href="${mapUrl}" rel="noopener" target="_blank">${provider.address}</a></dd>`
                : ''
            }
            ${
              provider.phone
                ? html`<dt>Phone</dt>
                  <dd><a href="tel:${provider.phone.replace(/[^+\d]/g, '')}">${provider.phone}</a></dd>`
                : ''
            }
            <dt>Time zone</dt>
            <dd>${provider.time_zone.replace(/_/g, ' ')}</dd>
          </dl>
          ${gallery(view)}
          ${openingHours(view.hours)}
        </section>
      <aside class="booking-panel" aria-labelledby="book-heading">
        <h2 id="book-heading">Book an appointment</h2>
        ${bookingWidget(provider.slug, undefined, undefined, view.staff)}
      </aside>
      <div class="profile-services">${servicesSection(view)}${teamSection(view)}</div>
      <div class="profile-reviews">${reviewsSection(view)}</div>
    </div>`;
}

/** `/p/:slug/book[/:serviceId]`: the shareable direct booking link, the widget and little else. */
export function bookingPage(view: { provider: ProviderRow; service?: ServiceRow; day?: string; staff?: string }): Html {
  const { provider, service } = view;
  return html`<nav class="crumbs" aria-label="Breadcrumb">
      <a href="/">Directory</a> › <a href="/p/${provider.slug}">${provider.name}</a> › Book
    </nav>
    <div class="narrow booking-page">
      <h1>Book ${service ? service.name : 'an appointment'}</h1>
      <p class="meta">
        ${provider.name}${provider.address ? ` · ${provider.address}` : ''}${
          service
            ? ` · ${formatDuration(service.duration_minutes)} · ${formatPrice(service.price_minor, service.currency)}`
            : ''
        }
      </p>
      <div class="booking-panel">${bookingWidget(provider.slug, service?.id, view.day, view.staff)}</div>
      <p><a href="/p/${provider.slug}">About ${provider.name}, services and reviews</a></p>
    </div>`;
}
