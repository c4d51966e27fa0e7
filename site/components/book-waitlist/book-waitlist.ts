import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BookingApi } from '../../../widget/api/client.js';
import type { WaitlistEntry, WaitlistRequest } from '../../../widget/api/types.js';
import { weekdayNames } from '../../../widget/i18n/format.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { CustomerBooking } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { hasColleagues } from '../../lib/colleagues.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { LOCALE, zoneLabel } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-waitlist-form/book-waitlist-form.js';

/** An entry still in line: waiting, or with an earlier time on offer right now. */
const active = (entry: WaitlistEntry | null | undefined): entry is WaitlistEntry =>
  entry?.status === 'waiting' || entry?.status === 'offered';

/** "any member, Mon, Wed, 09:00–12:00 (Berlin time)": what an entry waits for, in words. */
function wanted(entry: WaitlistEntry, zone: string, memberName: string): string {
  const names = weekdayNames(LOCALE, 1);
  const parts = [
    memberName ? (entry.member === 'any' ? 'with anyone on the team' : `with ${memberName}`) : '',
    entry.days?.length ? `on ${entry.days.map((d) => names[d - 1]).join(', ')}` : 'any day',
    entry.from && entry.to ? `${entry.from}–${entry.to} (${zoneLabel(zone)})` : 'any time',
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * @summary "Earlier time?" for an upcoming one-to-one appointment: asks to be emailed when an earlier time of the
 * same service frees up (for a team, with the same member or anyone; some days of the week; a time window), shows
 * the place in line and stops it. The email's link offers the time to take in one click (`/waitlist/offers/:id`).
 * Works with the booking's manage token or the signed-in customer's session.
 *
 * @event book-waitlist-change - Joined, changed or left; `detail` is the entry (null when left).
 * @csspart heading - The "Earlier time?" heading.
 *
 * @property booking - The appointment.
 * @property token - Its manage token (the manage link's); absent for the signed-in customer's own.
 * @property entry - Its waitlist entry when the caller has it already ("My appointments"); undefined: asked here.
 * @property level - The heading's level in the page's outline.
 */
export class BookWaitlist extends LitElement {
  static override styles = [
    siteBase,
    css`
      .heading {
        font-weight: 600;
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) booking?: CustomerBooking;
  @property() token?: string | undefined;
  @property({ attribute: false }) entry?: WaitlistEntry | null | undefined;
  @property({ type: Number }) level = 2;

  @state() private editing = false;
  /** The serving member's name when someone else performs the service too ("anyone on the team" is a choice). */
  @state() private memberName = '';
  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const b = this.booking;
    if (!b) return nothing;
    const entry = this.entry;
    const zone = b.provider.timeZone;
    return html`<div class="heading" role="heading" aria-level=${this.level} part="heading">Earlier time?</div>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${
        this.editing
          ? html`<book-waitlist-form .value=${active(entry) ? entry : {}} member-name=${this.memberName} time-zone=${zone}
              ?busy=${this.action.busy} submit-label=${active(entry) ? 'Save' : 'Tell me'}
              @book-waitlist-submit=${(e: CustomEvent<WaitlistRequest>) => this.join(e.detail)}
              @book-waitlist-cancel=${() => (this.editing = false)}></book-waitlist-form>`
          : active(entry)
            ? html`<p data-waiting>
                ${entry.status === 'offered' ? html`<strong>An earlier time is offered to you: see your email.</strong><br />` : nothing}
                You are <strong>#${entry.position}</strong> in line for an earlier time: ${wanted(entry, zone, this.memberName)}.
              </p>
              <div class="row">
                <button @click=${this.edit}>Change</button>
                <button class="danger" ?disabled=${this.action.busy} @click=${this.leave}>Stop</button>
              </div>`
            : html`<p class="muted">We can email you if an earlier time frees up, to move your appointment there in one click.</p>
              <button ?disabled=${entry === undefined} @click=${this.edit}>Tell me if an earlier time frees up</button>`
      }`;
  }

  private async load(): Promise<void> {
    const b = this.booking;
    if (!b) return;
    if (b.staff) {
      const client = new BookingApi(location.origin);
      const slug = b.staff.slug;
      void hasColleagues(client, b.provider.slug, b.service.id, slug).then((yes) => {
        this.memberName = yes ? (this.booking?.staff?.name ?? '') : '';
      });
    }
    if (this.entry !== undefined) return;
    try {
      this.entry = (await api.waitlist(b.id, this.token)).waitlist ?? null;
    } catch (e) {
      this.entry = null;
      this.action.report(errorText(e));
    }
  }

  private edit = (): void => {
    this.editing = true;
    this.action.clear();
  };

  private join(request: WaitlistRequest): Promise<void> {
    return this.action.run(async () => {
      const { waitlist } = await api.joinWaitlist(this.booking!.id, request, this.token);
      this.entry = waitlist;
      this.editing = false;
      emit(this, 'book-waitlist-change', waitlist);
      return `Done: we will email you if an earlier time frees up. You are #${waitlist.position} in line.`;
    });
  }

  private leave = (): Promise<void> =>
    this.action.run(async () => {
      await api.leaveWaitlist(this.booking!.id, this.token);
      this.entry = null;
      emit(this, 'book-waitlist-change', null);
      return 'You left the waitlist: we will not email you about earlier times.';
    });
}

define('book-waitlist', BookWaitlist);

declare global {
  interface HTMLElementTagNameMap {
    'book-waitlist': BookWaitlist;
  }
}
