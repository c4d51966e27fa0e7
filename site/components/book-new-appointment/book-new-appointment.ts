import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminMember, AdminService, OwnerBookingInput, Slot } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { emit } from '../../lib/events.js';
import { formatTime, todayIn } from '../../lib/format.js';
import { fieldError, localMinutes, TIME_PATTERN } from '../../lib/local-time.js';
import { zonedInstant } from '../../lib/zone.js';
import { siteBase } from '../../styles/components.js';

/**
 * @summary "New appointment" for a phone call or a walk-in: service, date and time (the day's free times offered,
 * any other time of the opening hours typed), the customer's name, and optionally email, phone and a note. Books
 * through `POST /api/admin/appointments`; the customer gets the confirmation only if an email is given.
 *
 * @event book-appointment-created - Booked; `detail` is the `AdminAppointment`.
 * @event book-appointment-cancel - Closed without booking.
 * @csspart form - The form.
 *
 * @property services - The provider's services (the active ones are offered).
 * @property timeZone - The provider's zone: the date and time are read in it.
 * @property date - The date to start on (`YYYY-MM-DD`; default today).
 * @property time - The time to start on (`HH:mm`), say the free time clicked in the week view.
 * @property members - The team (the owner and admins book for any member who performs the service; empty: staff,
 * who book for themselves).
 * @property memberId - (`member-id`) Who serves it at first (default: the first member offered).
 */
export class BookNewAppointment extends LitElement {
  static override styles = [
    siteBase,
    css`
      .times {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-bottom: 0.9rem;
      }
      .times button {
        min-width: 4.5rem;
        font-variant-numeric: tabular-nums;
      }
      .times button[aria-pressed='true'] {
        background: var(--book-accent);
        border-color: var(--book-accent);
        color: var(--book-accent-fg);
      }
    `,
  ];

  @property({ attribute: false }) services: AdminService[] = [];
  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @property() date = '';
  @property() time = '';
  @property({ attribute: false }) members: Pick<AdminMember, 'id' | 'name' | 'serviceIds'>[] = [];
  @property({ type: Number, attribute: 'member-id' }) memberId = 0;

  @state() private service = 0;
  @state() private slots: Slot[] = [];
  @state() private slotsFor = '';
  @state() private name = '';
  @state() private email = '';
  @state() private phone = '';
  @state() private note = '';
  @state() private errors: Record<string, string> = {};
  private readonly action = new ActionController(this, { fieldsProblem: 'Please correct the marked fields.' });

  override willUpdate(changed: Map<string, unknown>): void {
    if (!this.date) this.date = todayIn(this.timeZone);
    const active = this.services.filter((s) => s.active);
    if (!active.some((s) => s.id === this.service)) this.service = active[0]?.id ?? 0;
    const offered = this.offered();
    if (offered.length && !offered.some((m) => m.id === this.memberId)) this.memberId = offered[0]!.id;
    if (['date', 'service', 'services', 'memberId'].some((key) => changed.has(key))) void this.loadSlots();
  }

  /** The members who perform the chosen service, when there is a choice to make. */
  private offered() {
    return this.members.length > 1 ? this.members.filter((m) => m.serviceIds.includes(this.service)) : [];
  }

  override render() {
    const errors = { ...this.action.errors, ...this.errors };
    return html`<form part="form" class="panel" novalidate aria-labelledby="new-h" @submit=${this.handleSubmit}>
      <h2 id="new-h">New appointment</h2>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <div class="grid2">
        <div class="field">
          <label for="service">Service</label>
          <select id="service" @change=${(e: Event) => (this.service = Number(this.val(e)))}>
            ${this.services.filter((s) => s.active).map((s) => html`<option value=${s.id} ?selected=${s.id === this.service}>${s.name}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="date">Date</label>
          <input id="date" type="date" .value=${this.date} required @change=${(e: Event) => (this.date = this.val(e))} />
        </div>
      </div>
      ${this.renderMembers()}
      ${this.renderTimes()}
      <div class="field">
        <label for="time">Time <span class="hint">(a free time above, or any time within your opening hours)</span></label>
        <input id="time" type="time" step="60" .value=${this.time} required aria-invalid=${Boolean(errors.start)}
          aria-describedby=${errors.start ? 'start-error' : nothing} @input=${(e: Event) => (this.time = this.val(e))} />
        ${fieldError(errors, 'start')}
      </div>
      <div class="field">
        <label for="name">Customer name</label>
        <input id="name" autocomplete="off" maxlength="100" required .value=${this.name} aria-invalid=${Boolean(errors['customer.name'])}
          aria-describedby=${errors['customer.name'] ? 'customer.name-error' : nothing} @input=${(e: Event) => (this.name = this.val(e))} />
        ${fieldError(errors, 'customer.name')}
      </div>
      <div class="grid2">
        <div class="field">
          <label for="email">Email <span class="hint">(optional: then they get the confirmation)</span></label>
          <input id="email" type="email" autocomplete="off" maxlength="254" .value=${this.email} aria-invalid=${Boolean(errors['customer.email'])}
            aria-describedby=${errors['customer.email'] ? 'customer.email-error' : nothing} @input=${(e: Event) => (this.email = this.val(e))} />
          ${fieldError(errors, 'customer.email')}
        </div>
        <div class="field">
          <label for="phone">Phone <span class="hint">(optional)</span></label>
          <input id="phone" type="tel" autocomplete="off" maxlength="40" .value=${this.phone} aria-invalid=${Boolean(errors['customer.phone'])}
            aria-describedby=${errors['customer.phone'] ? 'customer.phone-error' : nothing} @input=${(e: Event) => (this.phone = this.val(e))} />
          ${fieldError(errors, 'customer.phone')}
        </div>
      </div>
      <div class="field">
        <label for="note">Note <span class="hint">(optional)</span></label>
        <textarea id="note" maxlength="1000" .value=${this.note} @input=${(e: Event) => (this.note = this.val(e))}></textarea>
      </div>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.action.busy || !this.service}>Book appointment</button>
        <button type="button" @click=${() => emit(this, 'book-appointment-cancel')}>Cancel</button>
      </div>
    </form>`;
  }

  private renderMembers() {
    const offered = this.offered();
    if (!offered.length) return nothing;
    return html`<div class="field">
      <label for="member">With</label>
      <select id="member" @change=${(e: Event) => (this.memberId = Number(this.val(e)))}>
        ${offered.map((m) => html`<option value=${m.id} ?selected=${m.id === this.memberId}>${m.name}</option>`)}
      </select>
    </div>`;
  }

  private renderTimes() {
    if (!this.service) return html`<p class="muted">Add a service first.</p>`;
    if (this.slotsFor !== this.slotsKey()) return html`<p class="muted" role="status">Looking for free times…</p>`;
    if (!this.slots.length) return html`<p class="muted">No free times left on this day.</p>`;
    return html`<div class="times" role="group" aria-label="Free times">
      ${this.slots.map((s) => {
        const time = formatTime(s.start, this.timeZone);
        return html`<button type="button" aria-pressed=${time === this.time} @click=${() => (this.time = time)}>${time}</button>`;
      })}
    </div>`;
  }

  private val(e: Event): string {
    return (e.target as HTMLInputElement).value;
  }

  /** What the free times shown are for: a service and date, and the member when there is a choice. */
  private slotsKey(): string {
    return `${this.service}|${this.date}|${this.picked() ?? ''}`;
  }

  private picked(): number | undefined {
    return this.offered().length ? this.memberId : undefined;
  }

  private async loadSlots(): Promise<void> {
    const key = this.slotsKey();
    if (!this.service || !this.date || key === this.slotsFor) return;
    try {
      const { slots } = await api.ownerSlots(this.service, this.date, this.picked());
      // A newer date, service or member may have been chosen meanwhile: its answer wins.
      if (key !== this.slotsKey()) return;
      this.slots = slots;
    } catch {
      this.slots = [];
    }
    this.slotsFor = key;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!TIME_PATTERN.test(this.time)) errors.start = 'Pick a free time or type one, such as 14:30.';
    if (!this.name.trim()) errors['customer.name'] = 'Enter the customer’s name.';
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const start = zonedInstant(this.date, localMinutes(this.time), this.timeZone);
    const input: OwnerBookingInput = {
      service: this.service,
      start: new Date(start).toISOString(),
      customer: {
        name: this.name.trim(),
        ...(this.email.trim() && { email: this.email.trim() }),
        ...(this.phone.trim() && { phone: this.phone.trim() }),
      },
      ...(this.note.trim() && { note: this.note.trim() }),
      ...(this.picked() && { memberId: this.picked()! }),
    };
    await this.action.run(async () => {
      const { appointment } = await api.createAppointment(input);
      emit(this, 'book-appointment-created', appointment);
    });
  }
}

define('book-new-appointment', BookNewAppointment);

declare global {
  interface HTMLElementTagNameMap {
    'book-new-appointment': BookNewAppointment;
  }
}
