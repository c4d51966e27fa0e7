import { html } from 'hono/html';
import { DateTime } from 'luxon';
import { mediaUrl } from '../../media/media.view.js';
import type { ListingExtras } from '../../providers/listing-extras.js';
import type { ProviderListing } from '../../providers/providers.repository.js';
import type { SearchSuggestions } from '../../providers/search-suggestions.js';
import { excerpt, formatPriceRange, formatSlot, plural, starText, zoneCity } from './format.js';
import type { Html } from './layout.js';

export interface DirectoryView {
  query: { q: string; category: string; city: string };
  facets: { categories: string[]; cities: string[] };
  results: ProviderListing[];
  nextAvailable: Map<number, string | null>;
  extras: Map<number, ListingExtras>;
  /** Only for a text search that found nothing. */
  suggestions: SearchSuggestions | null;
  page: number;
  hasMore: boolean;
}

/** A business's logo, or its initial on a tint when it has none: every card and profile has a face. */
export function logoBadge(name: string, logoUrl: string | undefined, size: 'small' | 'large'): Html {
  return logoUrl
    ? html`<img class="logo ${size}" src="${logoUrl}" alt="" loading="lazy" />`
    : html`<span class="logo ${size} initial" aria-hidden="true">${[...name.trim()][0]?.toUpperCase() ?? '?'}</span>`;
}

export function ratingLine(average: number | null, count: number): Html {
  if (!count || average === null) return html`<span class="muted">No reviews yet</span>`;
  const value = Math.round(average * 10) / 10;
  return html`<span class="rating"
    ><span class="stars" aria-hidden="true">${starText(value)}</span
    ><span>${value.toFixed(1)}<span class="sr-only"> out of 5</span> (${plural(count, 'review', 'reviews')})</span></span
  >`;
}

/** The booking page on the day of the next free time: the customer lands where the card pointed. */
const bookingLink = (p: ProviderListing, serviceId: number | null, next: string) =>
  `/p/${p.slug}/book${serviceId ? `/${serviceId}` : ''}?date=${DateTime.fromISO(next, { zone: p.time_zone }).toISODate()}`;

function card(p: ProviderListing, next: string | null, extras: ListingExtras | undefined): Html {
  const rating = p.rating_average === null ? null : Number(p.rating_average);
  return html`<li>
    <article class="card">
      ${
        extras?.photo
          ? html`<img class="card-photo" src="${mediaUrl(extras.photo.thumb_hash)}" alt="" loading="lazy" width="640" height="400" />`
          : ''
      }
      <div class="card-title">
        ${logoBadge(p.name, extras?.logo ? mediaUrl(extras.logo.thumb_hash) : undefined, 'small')}
        <h2><a href="/p/${p.slug}">${p.name}</a></h2>
      </div>
      <p class="meta">${[p.category, p.city].filter(Boolean).join(' · ')}</p>
      <p>${ratingLine(rating, Number(p.rating_count))}</p>
      ${p.description ? html`<p class="description">${excerpt(p.description, 140)}</p>` : ''}
      ${extras?.price ? html`<p class="price">${formatPriceRange(extras.price)}</p>` : ''}
      ${
        next
          ? html`<p class="next">
            Next available: <a href="${bookingLink(p, extras?.firstServiceId ?? null, next)}"><time datetime="${next}">${formatSlot(next, p.time_zone)}</time></a>
            <span class="muted">(${zoneCity(p.time_zone)} time)</span>
          </p>`
          : html`<p class="next none">No free times in the next two weeks</p>`
      }
      <a class="button primary book" href="/p/${p.slug}/book">Book<span class="sr-only"> ${p.name}</span></a>
    </article>
  </li>`;
}

/** An empty search: a respelt query, businesses matching some of its words, and every category as a chip. */
function suggestionsBlock(view: DirectoryView): Html {
  const s = view.suggestions;
  if (!s) return html``;
  const categoryLink = (category: string) =>
    `/?${new URLSearchParams({ category, ...(view.query.city && { city: view.query.city }) })}`;
  return html`<div class="suggestions">
    ${
      s.didYouMean
        ? html`<p>Did you mean <a href="/?${new URLSearchParams({ q: s.didYouMean })}">${s.didYouMean}</a>?</p>`
        : ''
    }
    ${
      s.nearby.length
        ? html`<p>Close to what you searched:</p>
          <ul class="nearby">
            ${s.nearby.map((p) => html`<li><a href="/p/${p.slug}">${p.name}</a> <span class="muted">${[p.category, p.city].filter(Boolean).join(' · ')}</span></li>`)}
          </ul>`
        : ''
    }
    ${
      s.categories.length
        ? html`<p>Browse a category:</p>
          <ul class="chips">
            ${s.categories.map((c) => html`<li><a class="chip" href="${categoryLink(c)}">${c}</a></li>`)}
          </ul>`
        : ''
    }
  </div>`;
}

const options = (values: string[], selected: string, all: string) =>
  html`<option value="">${all}</option>
    ${values.map((v) => html`<option value="${v}" ${v.toLowerCase() === selected.toLowerCase() ? 'selected' : ''}>${v}</option>`)}`;

/** `/`: search over name, category, services and city, with filters; a plain GET form, so results have URLs. */
export function directoryPage(view: DirectoryView): Html {
  const { query, results } = view;
  const filtered = Boolean(query.q || query.category || query.city);
  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v));
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return qs ? `/?${qs}` : '/';
  };
  return html`<section class="hero">
      <h1>Book your services</h1>
      <p>Find a hairdresser, physio, yoga class or dentist near you and book a time in a few taps — no account needed.</p>
    </section>
    <form class="search" role="search" action="/" method="get">
      <div class="field">
        <label for="q">Search</label>
        <input id="q" name="q" type="search" value="${query.q}" placeholder="Name, service or city" autocomplete="off" />
      </div>
      <div class="field">
        <label for="category">Category</label>
        <select id="category" name="category">${options(view.facets.categories, query.category, 'All categories')}</select>
      </div>
      <div class="field">
        <label for="city">City</label>
        <select id="city" name="city">${options(view.facets.cities, query.city, 'All cities')}</select>
      </div>
      <div class="actions"><button class="button primary" type="submit">Search</button></div>
    </form>
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" class="sr-only">Results</h2>
      <p class="result-count" role="status">
        ${
          results.length
            ? `${filtered ? plural(results.length, 'match', 'matches') : plural(results.length, 'provider', 'providers')}${
                view.page > 1 || view.hasMore ? ` · page ${view.page}` : ''
              }`
            : ''
        }
      </p>
      ${
        results.length
          ? html`<ul class="results">
            ${results.map((p) => card(p, view.nextAvailable.get(p.id) ?? null, view.extras.get(p.id)))}
          </ul>`
          : html`<div class="empty">
            <p>No providers match your search.</p>
            ${suggestionsBlock(view)}
            ${filtered ? html`<a class="button" href="/">Clear the filters</a>` : ''}
          </div>`
      }
      ${
        view.page > 1 || view.hasMore
          ? html`<nav class="pager" aria-label="Result pages">
            ${view.page > 1 ? html`<a class="button" href="${pageLink(view.page - 1)}" rel="prev">← Previous</a>` : html`<span></span>`}
            ${view.hasMore ? html`<a class="button" href="${pageLink(view.page + 1)}" rel="next">Next →</a>` : ''}
          </nav>`
          : ''
      }
    </section>`;
}
