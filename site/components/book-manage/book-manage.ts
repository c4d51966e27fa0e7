import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { CancelScope, CustomerBooking, Email, SeriesOccurrence } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { calendarLinks } from '../../lib/calendar-links.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { browserZone, formatDay, formatSpan, LOCALE, statusLabel, zoneLabel } from '../../lib/format.js';
import { cancelledPhrase, seriesLine } from '../../lib/series.js';
import { siteBase, termList } from '../../styles/components.js';
import '../../../widget/book-policy/book-policy.js';
import '../book-cancel-scope/book-cancel-scope.js';
import '../book-contact-business/book-contact-business.js';
import { pastCutoff } from '../book-contact-business/book-contact-business.js';
import '../book-mailbox/book-mailbox.js';
import '../book-reschedule/book-reschedule.js';
import '../book-series-dates/book-series-dates.js';
import type { RescheduleChoice } from '../book-reschedule/book-reschedule.js';
import '../book-waitlist/book-waitlist.js';

/**
 * @summary The manage link from the booking email (`/manage/:id?token=`): the booking (and who serves it), "add to calendar",
 * reschedule and cancel (only before the business's cut-off; after it, the business's phone and email), "Earlier
 * time?" (the waitlist, for a one-to-one appointment that may still move), the business's policy, "Erase my details" once it is over or cancelled, and the emails
 * sent about it. An occurrence of a recurring series says which one it is ("Appointment 3 of 8 · every week"), lists
 * all the dates of its series (each linking to its own page), and its cancel asks whether the following dates go too. Works without an account: the token in the link is the key; a signed-in customer's own bookings
 * open without it.
 *
 * @event book-appointment-changed - Cancelled or moved; `detail` is the booking.
 * @csspart actions - The action buttons.
 *
 * @property bookingId - (`booking-id`) The booking's id.
 */
export class BookManage extends LitElement {
  static override styles = [
    siteBase,
    termList,
    css`
      h1 {
        font-size: 1.6rem;
        margin: 0 0 0.75rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.75rem;
      }
      section {
        margin-top: 1.5rem;
      }
    `,
  ];

  @property({ type: Number, attribute: 'booking-id' }) bookingId = 0;

  @state() private booking?: CustomerBooking;
  @state() private emails: Email[] = [];
  /** For an occurrence of a series: every date of it, to see them all and reach the others. */
  @state() private dates: SeriesOccurrence[] = [];
  @state() private panel: 'reschedule' | 'cancel' | 'erase' | null = null;
  /** For an occurrence of a series: cancel only it, or it and the following dates. */
  @state() private scope: CancelScope = 'one';
  private action = new ActionController(this);
  private token = new URLSearchParams(location.search).get('token') ?? undefined;
  private zone = browserZone();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const b = this.booking;
    if (!b) {
      return html`<h1>Your booking</h1>
        ${
          this.action.problem
            ? html`<p class="notice bad" role="alert">${this.action.problem}</p>
              <p>Check that you opened the whole link from your email. <a href="/login">Sign in</a> to see bookings in your account.</p>`
            : html`<p class="loading" role="status">Loading your booking…</p>`
        }`;
    }
    const future = Date.parse(b.start) > Date.now();
    const changeable = b.status === 'confirmed' && future && !pastCutoff(b);
    const erasable = !b.contactErased && (b.status !== 'confirmed' || Date.parse(b.end) <= Date.now());
    const links = b.calendarLinks ?? calendarLinks(b);
    return html`<h1>${b.service.name} at ${b.provider.name}</h1>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <div class="panel">
        <dl>
          <dt>Status</dt>
          <dd><span class="badge ${b.status}">${statusLabel[b.status]}</span>${b.cancelledBy ? ` by ${b.cancelledBy === 'customer' ? 'you' : b.provider.name}` : ''}</dd>
          ${b.staff ? html`<dt>With</dt><dd>${b.staff.name}</dd>` : nothing}
          <dt>When</dt>
          <dd>${formatSpan(b.start, b.end, this.zone)} <span class="muted">(${zoneLabel(this.zone)})</span></dd>
          ${b.series ? html`<dt>Repeats</dt><dd data-series>${seriesLine(b.series)}</dd>` : nothing}
          <dt>Where</dt>
          <dd><a href="/p/${b.provider.slug}">${b.provider.name}</a>${b.provider.address ? html`<br />${b.provider.address}` : nothing}</dd>
          <dt>Name</dt>
          <dd>${b.customerName}</dd>
          ${b.note ? html`<dt>Note</dt><dd>${b.note}</dd>` : nothing}
        </dl>
        <book-policy .policy=${b.policy} locale=${LOCALE}></book-policy>
        ${
          b.status === 'confirmed'
            ? html`<div class="actions" part="actions">
              <a class="button" href=${links.ics} download>Add to calendar (.ics)</a>
              <a class="button" href=${links.google} target="_blank" rel="noopener">Google Calendar</a>
              ${
                changeable
                  ? html`<button aria-expanded=${this.panel === 'reschedule'} @click=${() => this.toggle('reschedule')}>Reschedule</button>
                    <button class="danger" @click=${() => this.toggle('cancel')}>Cancel booking</button>`
                  : nothing
              }
            </div>
            ${future && !changeable ? html`<book-contact-business .booking=${b}></book-contact-business>` : nothing}`
            : html`<p class="actions"><a class="button primary" href="/p/${b.provider.slug}/book/${b.service.id}">Book again</a></p>`
        }
        ${erasable ? html`<p class="actions"><button @click=${() => this.toggle('erase')} aria-expanded=${this.panel === 'erase'}>Erase my details</button></p>` : nothing}
        ${b.contactErased ? html`<p class="muted" data-erased>Your name, email, phone and note are erased from this booking.</p>` : nothing}
        ${
          this.panel === 'erase'
            ? html`<div class="notice" role="alertdialog" aria-label="Confirm erasing your details">
              <p>Erase your name, email, phone and note from this booking? ${b.provider.name} keeps only the time and the service.</p>
              <div class="row">
                <button class="danger" ?disabled=${this.action.busy} @click=${this.erase}>Yes, erase my details</button>
                <button @click=${() => (this.panel = null)}>Keep them</button>
              </div>
            </div>`
            : nothing
        }
        ${
          this.panel === 'cancel'
            ? html`<div class="notice" role="alertdialog" aria-label="Confirm cancellation">
              <p>Cancel your ${b.service.name} on ${formatDay(b.start, this.zone)}?</p>
              ${
                b.series
                  ? html`<book-cancel-scope .series=${b.series} .value=${this.scope}
                    @book-cancel-scope-change=${(e: CustomEvent<CancelScope>) => (this.scope = e.detail)}></book-cancel-scope>`
                  : nothing
              }
              <div class="row">
                <button class="danger" ?disabled=${this.action.busy} @click=${this.cancel}>Yes, cancel</button>
                <button @click=${() => (this.panel = null)}>Keep it</button>
              </div>
            </div>`
            : nothing
        }
        ${
          this.panel === 'reschedule'
            ? html`<book-reschedule provider=${b.provider.slug} service=${b.service.id} booked=${b.start} time-zone=${this.zone} ?busy=${this.action.busy}
              .staff=${b.staff}
              @book-reschedule-confirm=${(e: CustomEvent<RescheduleChoice>) => this.reschedule(e.detail)}
              @book-reschedule-cancel=${() => (this.panel = null)}></book-reschedule>`
            : nothing
        }
      </div>
      ${
        changeable && (b.seats ?? 1) === 1
          ? html`<div class="panel">${keyed(b.start, html`<book-waitlist .booking=${b} .token=${this.token}></book-waitlist>`)}</div>`
          : nothing
      }
      ${
        b.series && this.dates.length
          ? html`<section aria-labelledby="series-h">
            <h2 id="series-h">All dates in this series</h2>
            <book-series-dates .occurrences=${this.dates} current=${b.id} .token=${this.token} time-zone=${this.zone}></book-series-dates>
          </section>`
          : nothing
      }
      <section aria-labelledby="emails-h">
        <h2 id="emails-h">Emails about this booking</h2>
        <book-mailbox .emails=${this.emails}></book-mailbox>
      </section>`;
  }

  private toggle(panel: 'reschedule' | 'cancel' | 'erase'): void {
    this.panel = this.panel === panel ? null : panel;
    this.scope = 'one';
    this.action.clear();
  }

  private async load(): Promise<void> {
    try {
      const [{ booking }, { emails }] = await Promise.all([
        api.booking(this.bookingId, this.token),
        api.bookingEmails(this.bookingId, this.token).catch(() => ({ emails: [] as Email[] })),
      ]);
      // After the booking: only an occurrence of a series has dates to list. Without them the page still works.
      const dates = booking.series
        ? await api.bookingSeries(this.bookingId, this.token).catch(() => ({ occurrences: [] as SeriesOccurrence[] }))
        : { occurrences: [] };
      this.booking = booking;
      this.emails = emails;
      this.dates = dates.occurrences;
      document.title = `${booking.service.name} at ${booking.provider.name} · Book your services`;
    } catch (e) {
      this.action.report(errorText(e) === 'Booking not found' ? 'We could not find this booking.' : errorText(e));
    }
  }

  /** Runs a change, then closes its panel and shows the booking as it now is. */
  private run(work: () => Promise<string>): Promise<void> {
    return this.action.run(async () => {
      const done = await work();
      this.panel = null;
      await this.load();
      emit(this, 'book-appointment-changed', this.booking);
      return done;
    });
  }

  private cancel = () =>
    this.run(async () => {
      // A single booking sends no scope at all: only a series' occurrence has a choice to make.
      const { cancelled } = await api.cancelBooking(
        this.bookingId,
        this.token,
        this.booking?.series ? this.scope : undefined,
      );
      return cancelledPhrase(cancelled, 'Your booking is cancelled.');
    });

  private erase = () =>
    this.run(async () => {
      await api.eraseBooking(this.bookingId, this.token);
      return 'Your details are erased from this booking.';
    });

  private reschedule = (choice: RescheduleChoice) =>
    this.run(async () => {
      const { booking } = await api.rescheduleBooking(this.bookingId, choice.start, this.token, choice.staff);
      const who =
        booking.staff && booking.staff.slug !== this.booking?.staff?.slug ? ` with ${booking.staff.name}` : '';
      return `Moved to ${formatSpan(booking.start, booking.end, this.zone)}${who}.`;
    });
}

define('book-manage', BookManage);

declare global {
  interface HTMLElementTagNameMap {
    'book-manage': BookManage;
  }
}
