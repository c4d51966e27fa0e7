import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { ApiRefusal, api } from '../../api/site-api.js';
import type { CustomerBooking, WaitlistOffer } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { browserZone, formatDay, formatSpan, formatTime, zoneLabel } from '../../lib/format.js';
import { siteBase, termList } from '../../styles/components.js';

/** "Tue 1 Dec 2026, 10:00": an instant as a day and a time. */
const when = (iso: string, zone: string) => `${formatDay(iso, zone)}, ${formatTime(iso, zone)}`;

/**
 * @summary The page a waitlist email links to (`/waitlist/offers/:id?token=`): the freed time offered (in the
 * customer's zone), their current time, until when it is held for them, and ONE button that takes it: "Move my
 * appointment to …" (or "Book this place" for a class). Opening the page changes nothing (mail scanners open
 * links); the button does. When someone was quicker or the hold ran out, it says so and lists the other earlier
 * times free now; their place in line is kept.
 *
 * @event book-offer-taken - The offer was taken; `detail` is the moved (or new) booking.
 * @csspart take - The button that takes the offer.
 *
 * @property offerId - (`offer-id`) The offer's id; its token is the page address's `?token=`.
 */
export class BookWaitlistOffer extends LitElement {
  static override styles = [
    siteBase,
    termList,
    css`
      dl {
        margin: 0 0 1rem;
      }
      ul {
        padding-left: 1.25rem;
      }
    `,
  ];

  @property({ type: Number, attribute: 'offer-id' }) offerId = 0;

  @state() private offer?: WaitlistOffer;
  @state() private booking?: CustomerBooking;
  /** Someone else was quicker, or the hold ran out: the other earlier times free now. */
  @state() private missed?: { code: string; next: string[] };
  private action = new ActionController(this);
  private token = new URLSearchParams(location.search).get('token') ?? '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const o = this.offer;
    if (!o) {
      return this.action.problem
        ? html`<p class="notice bad" role="alert">${this.action.problem}</p>
          <p>Check that you opened the whole link from your email.</p>`
        : html`<p class="loading" role="status">Loading your offer…</p>`;
    }
    const zone = o.timeZone ?? browserZone();
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <div class="panel">
        <p><strong>${o.serviceName}</strong> at <a href="/p/${o.providerSlug}">${o.providerName}</a>${o.memberName ? ` with ${o.memberName}` : ''}</p>
        <dl>
          <dt>${o.currentStart ? 'Earlier time' : 'Free place'}</dt>
          <dd data-offered>${formatSpan(o.start, o.end, zone)}</dd>
          ${o.currentStart ? html`<dt>Your time now</dt><dd data-current>${when(o.currentStart, zone)}</dd>` : nothing}
          ${o.status === 'open' && !this.missed ? html`<dt>Held for you until</dt><dd data-held>${when(o.expiresAt, zone)}</dd>` : nothing}
        </dl>
        <p class="muted">Times in ${zoneLabel(zone)}.</p>
        ${this.renderOutcome(o, zone)}
      </div>`;
  }

  private renderOutcome(o: WaitlistOffer, zone: string) {
    if (this.booking) {
      const b = this.booking;
      return html`<p class="notice outcome" role="status" tabindex="-1">Done: ${o.currentStart ? 'your appointment is moved to' : 'you are booked for'}
          ${formatSpan(b.start, b.end, zone)}. We emailed you the details.</p>
        ${b.manageUrl ? html`<p><a class="button" href=${b.manageUrl}>Open your booking</a></p>` : nothing}`;
    }
    if (this.missed) {
      const { code, next } = this.missed;
      return html`<p class="notice outcome" role="status" tabindex="-1">
          ${code === 'offer_expired' ? 'Sorry, the time was no longer held for you.' : 'Someone else was quicker: this time is taken.'}
          You keep your place in line; we will email you if another earlier time frees up.</p>
        ${
          next.length
            ? html`<p>Other earlier times free right now:</p>
              <ul data-next>${next.map((start) => html`<li>${when(start, zone)}</li>`)}</ul>
              <p>To take one of them, open your booking from your confirmation email and choose Reschedule.</p>`
            : nothing
        }`;
    }
    if (o.status === 'expired') {
      return html`<p class="notice" role="status">This offer has expired: the time went to the next in line. You keep your place for
        later times.</p>`;
    }
    if (o.status === 'taken') return html`<p class="notice" role="status">This offer has been taken.</p>`;
    return html`<button class="primary" part="take" ?disabled=${this.action.busy} @click=${this.take}>
      ${o.currentStart ? `Move my appointment to ${when(o.start, zone)}` : 'Book this place'}</button>`;
  }

  private async load(): Promise<void> {
    try {
      this.offer = (await api.offer(this.offerId, this.token)).offer;
    } catch (e) {
      this.action.report(errorText(e) === 'Offer not found' ? 'We could not find this offer.' : errorText(e));
    }
  }

  private take = (): Promise<void> =>
    this.action.run(async () => {
      try {
        const { offer, booking } = await api.takeOffer(this.offerId, this.token);
        this.offer = offer;
        this.booking = booking;
        emit(this, 'book-offer-taken', booking);
      } catch (e) {
        const next = e instanceof ApiRefusal ? e.extra.next : undefined;
        if (!(e instanceof ApiRefusal) || e.status !== 409 || !Array.isArray(next)) throw e;
        this.missed = { code: e.code, next: next.filter((s): s is string => typeof s === 'string') };
      }
      // The button is gone: focus goes to what became of it, so a screen reader says it.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    });
}

define('book-waitlist-offer', BookWaitlistOffer);

declare global {
  interface HTMLElementTagNameMap {
    'book-waitlist-offer': BookWaitlistOffer;
  }
}
