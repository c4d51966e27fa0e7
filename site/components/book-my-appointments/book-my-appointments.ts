import { html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { CancelScope, CustomerBooking, OwnReview } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { calendarLinks } from '../../lib/calendar-links.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { browserZone, formatDay, formatSpan, statusLabel, zoneLabel } from '../../lib/format.js';
import { cancelledPhrase, seriesBadge, seriesLine } from '../../lib/series.js';
import { siteBase } from '../../styles/components.js';
import '../book-cancel-scope/book-cancel-scope.js';
import '../book-contact-business/book-contact-business.js';
import { pastCutoff } from '../book-contact-business/book-contact-business.js';
import '../book-reschedule/book-reschedule.js';
import type { RescheduleChoice } from '../book-reschedule/book-reschedule.js';
import '../book-review-form/book-review-form.js';
import '../book-stars/book-stars.js';
import '../book-waitlist/book-waitlist.js';
import { styles } from './book-my-appointments.styles.js';

const EDIT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * @summary The customer's appointments: upcoming ones with "add to calendar", reschedule and cancel (the same
 * rules as the manage link) and "Earlier time?" (the waitlist) for a one-to-one one, past ones with a review to leave or edit. Each appointment's time is in the zone it
 * happens in (the business's), named beside it: a class in Sydney shows Sydney time wherever the customer is. An
 * occurrence of a recurring series has a badge ("Repeats · 3/8"), and its cancel asks whether the following dates go too.
 *
 * @event book-appointment-changed - Cancelled or moved; `detail` is the booking.
 * @event book-review-saved - A review was published or edited; `detail` is the review.
 * @csspart appointment - Each appointment.
 */
export class BookMyAppointments extends LitElement {
  static override styles = [siteBase, styles];

  @state() private appointments: CustomerBooking[] = [];
  @state() private reviews = new Map<number, OwnReview>();
  @state() private loading = true;
  /** Which appointment has which panel open. */
  @state() private open: { id: number; panel: 'reschedule' | 'cancel' | 'review' } | null = null;
  /** For an occurrence of a series: cancel only it, or it and the following dates. */
  @state() private scope: CancelScope = 'one';
  private action = new ActionController(this);
  private zone = browserZone();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    if (this.loading) return html`<p class="loading" role="status">Loading your appointments…</p>`;
    const now = Date.now();
    const upcoming = this.appointments.filter((a) => a.status === 'confirmed' && Date.parse(a.end) > now);
    const past = this.appointments.filter((a) => !upcoming.includes(a)).reverse();
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">Upcoming</h2>
        ${
          upcoming.length
            ? html`<ul class="list">${upcoming.map((a) => this.renderItem(a, true))}</ul>`
            : html`<p class="empty">Nothing booked. <a href="/">Find a service</a></p>`
        }
      </section>
      <section aria-labelledby="past-h">
        <h2 id="past-h">Past and cancelled</h2>
        ${past.length ? html`<ul class="list">${past.map((a) => this.renderItem(a, false))}</ul>` : html`<p class="muted">None yet.</p>`}
      </section>`;
  }

  private renderItem(a: CustomerBooking, upcoming: boolean) {
    const open = this.open?.id === a.id ? this.open.panel : null;
    const started = Date.parse(a.start) <= Date.now();
    const links = calendarLinks(a);
    const zone = a.provider.timeZone;
    return html`<li class="appt ${a.status}" part="appointment" data-appointment=${a.id}>
      <div class="head">
        <h3>${a.service.name}</h3>
        <span class="badges">
          <span class="badge ${a.status}">${statusLabel[a.status]}</span>
          ${a.series ? html`<span class="badge series" title=${seriesLine(a.series)}>${seriesBadge(a.series)}</span>` : nothing}
        </span>
      </div>
      <p class="when">${formatSpan(a.start, a.end, zone)} <span class="zone">${zoneLabel(zone)}</span></p>
      <p class="muted">${a.staff ? `With ${a.staff.name} · ` : ''}<a href="/p/${a.provider.slug}">${a.provider.name}</a>${a.provider.address ? ` · ${a.provider.address}` : ''}</p>
      ${
        upcoming
          ? html`<div class="actions">
            <a class="button" href=${links.ics} download>Add to calendar (.ics)</a>
            <a class="button" href=${links.google} target="_blank" rel="noopener">Google Calendar</a>
            ${
              started || pastCutoff(a)
                ? nothing
                : html`<button aria-expanded=${open === 'reschedule'} @click=${() => this.toggle(a.id, 'reschedule')}>Reschedule</button>
                  <button class="danger" @click=${() => this.toggle(a.id, 'cancel')}>Cancel</button>`
            }
          </div>
          ${!started && pastCutoff(a) ? html`<book-contact-business .booking=${a}></book-contact-business>` : nothing}
          ${
            started || pastCutoff(a) || (a.seats ?? 1) > 1
              ? nothing
              : keyed(
                  a.start,
                  html`<book-waitlist class="waitlist" .booking=${a} .entry=${a.waitlist} level="4"></book-waitlist>`,
                )
          }`
          : nothing
      }
      ${
        open === 'cancel'
          ? html`<div class="confirm notice" role="alertdialog" aria-label="Confirm cancellation">
            <p>Cancel ${a.service.name} on ${formatDay(a.start, zone)}? ${a.provider.name} will be told.</p>
            ${
              a.series
                ? html`<book-cancel-scope .series=${a.series} .value=${this.scope}
                  @book-cancel-scope-change=${(e: CustomEvent<CancelScope>) => (this.scope = e.detail)}></book-cancel-scope>`
                : nothing
            }
            <div class="row">
              <button class="danger" ?disabled=${this.action.busy} @click=${() => this.cancel(a)}>Yes, cancel</button>
              <button @click=${() => (this.open = null)}>Keep it</button>
            </div>
          </div>`
          : nothing
      }
      ${
        open === 'reschedule'
          ? html`<book-reschedule provider=${a.provider.slug} service=${a.service.id} booked=${a.start} time-zone=${zone} ?busy=${this.action.busy}
            .staff=${a.staff}
            @book-reschedule-confirm=${(e: CustomEvent<RescheduleChoice>) => this.reschedule(a, e.detail)}
            @book-reschedule-cancel=${() => (this.open = null)}></book-reschedule>`
          : nothing
      }
      ${a.status === 'completed' ? this.renderReview(a, open === 'review') : nothing}
    </li>`;
  }

  private renderReview(a: CustomerBooking, editing: boolean) {
    const review = this.reviews.get(a.id);
    if (editing) {
      return html`<div class="review">
        <book-review-form .rating=${review?.rating ?? 0} .body=${review?.body ?? ''} ?busy=${this.action.busy}
          submit-label=${review ? 'Save changes' : 'Publish review'}
          @book-review-submit=${(e: CustomEvent<{ rating: number; body: string }>) => this.saveReview(a, e.detail)}
          @book-review-cancel=${() => (this.open = null)}></book-review-form>
      </div>`;
    }
    if (!review) {
      return html`<div class="review"><button class="primary" @click=${() => this.toggle(a.id, 'review')}>Leave a review<span class="sr-only"> for ${a.provider.name}</span></button></div>`;
    }
    const editable = Date.now() - Date.parse(review.createdAt) < EDIT_WINDOW_MS;
    return html`<div class="review">
      <p><book-stars value=${review.rating}></book-stars> <span class="muted">Your review · ${formatDay(review.createdAt, this.zone)}</span></p>
      ${review.body ? html`<p class="body">${review.body}</p>` : nothing}
      ${review.reply ? html`<p class="reply"><strong>Reply from ${a.provider.name}</strong><br />${review.reply}</p>` : nothing}
      ${editable ? html`<button @click=${() => this.toggle(a.id, 'review')}>Edit review</button>` : nothing}
    </div>`;
  }

  private toggle(id: number, panel: 'reschedule' | 'cancel' | 'review'): void {
    this.open = this.open?.id === id && this.open.panel === panel ? null : { id, panel };
    this.scope = 'one';
    this.action.clear();
  }

  private async load(): Promise<void> {
    try {
      const [{ appointments }, { reviews }] = await Promise.all([api.myAppointments(), api.myReviews()]);
      this.appointments = appointments;
      this.reviews = new Map(reviews.map((r) => [r.appointmentId, r]));
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  /** Runs a change, then closes its panel and shows the appointments as they now are. */
  private run(work: () => Promise<string>): Promise<void> {
    return this.action.run(async () => {
      const done = await work();
      this.open = null;
      await this.load();
      return done;
    });
  }

  private cancel(a: CustomerBooking): Promise<void> {
    return this.run(async () => {
      const { booking, cancelled } = await api.cancelBooking(a.id, undefined, a.series ? this.scope : undefined);
      emit(this, 'book-appointment-changed', booking);
      return cancelledPhrase(
        cancelled,
        `${a.service.name} on ${formatDay(a.start, a.provider.timeZone)} is cancelled.`,
      );
    });
  }

  private reschedule(a: CustomerBooking, choice: RescheduleChoice): Promise<void> {
    return this.run(async () => {
      const { booking } = await api.rescheduleBooking(a.id, choice.start, undefined, choice.staff);
      emit(this, 'book-appointment-changed', booking);
      return `${a.service.name} moved to ${formatSpan(booking.start, booking.end, a.provider.timeZone)} (${zoneLabel(a.provider.timeZone)}).`;
    });
  }

  private saveReview(a: CustomerBooking, input: { rating: number; body: string }): Promise<void> {
    return this.run(async () => {
      const existing = this.reviews.get(a.id);
      const { review } = existing
        ? await api.updateReview(existing.id, input.rating, input.body)
        : await api.createReview(a.id, input.rating, input.body);
      emit(this, 'book-review-saved', review);
      return existing ? 'Your review is updated.' : `Thanks! Your review is on ${a.provider.name}'s page.`;
    });
  }
}

define('book-my-appointments', BookMyAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'book-my-appointments': BookMyAppointments;
  }
}
