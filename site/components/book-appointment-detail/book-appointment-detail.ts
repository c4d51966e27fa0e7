import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Slot } from '../../../widget/api/types.js';
import { define } from '../../../widget/lib/define.js';
import { ApiError, api } from '../../api/site-api.js';
import type { AdminAppointment, AdminEmail, AdminMember, CancelScope, Profile } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { emit } from '../../lib/events.js';
import { formatDay, formatSpan, formatTime, statusLabel, zoneLabel } from '../../lib/format.js';
import { cancelledPhrase, seriesLine } from '../../lib/series.js';
import { siteBase } from '../../styles/components.js';
import '../book-cancel-scope/book-cancel-scope.js';
import '../book-mailbox/book-mailbox.js';
import '../book-reschedule/book-reschedule.js';

/**
 * @summary One appointment for its provider: when, what, the customer's contact (shown only here), the note, its
 * emails, and the life-cycle actions the server allows now — cancel or reschedule before it starts, complete or
 * no-show once it has started. The owner and admins may give it to another team member; for a class, cancel the
 * whole class time (every attendee is emailed). An occurrence of a recurring series says which one it is, and its
 * cancel asks whether the following dates go too.
 *
 * @event book-appointment-changed - An action succeeded; `detail` is the updated appointment.
 * @csspart actions - The action buttons.
 *
 * @property appointmentId - (`appointment-id`) The appointment's id.
 * @property profile - The provider's profile (for the time zone).
 */
export class BookAppointmentDetail extends LitElement {
  static override styles = [
    siteBase,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(6rem, auto) 1fr;
        gap: 0.4rem 1rem;
        margin: 0 0 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      dd.message {
        white-space: pre-line;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .confirm {
        margin-top: 0.75rem;
      }
      textarea {
        width: 100%;
      }
      .member-change select {
        width: auto;
        max-width: 100%;
      }
    `,
  ];

  @property({ type: Number, attribute: 'appointment-id' }) appointmentId = 0;
  @property({ attribute: false }) profile!: Profile;

  @state() private appointment?: AdminAppointment;
  @state() private emails: AdminEmail[] = [];
  private action = new ActionController(this);
  @state() private rescheduling = false;
  @state() private confirmingCancel = false;
  /** The owner's optional message to the customer, typed in the cancel confirmation. */
  @state() private cancelReason = '';
  /** Whether the cancel confirmation is for the whole class time rather than this one attendee. */
  @state() private wholeClass = false;
  /** For an occurrence of a series: cancel only it, or it and the following dates. */
  @state() private scope: CancelScope = 'one';
  /** The team, for the owner and admins to give the appointment to another member (staff cannot list it). */
  @state() private members: AdminMember[] = [];
  @state() private memberChoice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    const a = this.appointment;
    if (!a)
      return html`<p class="notice bad" role="alert">${this.action.problem}</p>${this.action.problem ? nothing : html`<p class="loading">Loading…</p>`}`;
    const zone = this.profile.timeZone;
    const started = Date.parse(a.start) <= Date.now();
    const confirmed = a.status === 'confirmed';
    return html`<p><a href="/admin">← All appointments</a></p>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <div class="panel">
        <h2>${a.service.name} <span class="badge ${a.status}">${statusLabel[a.status]}</span></h2>
        <dl>
          <dt>When</dt>
          <dd>${formatSpan(a.start, a.end, zone)} <span class="muted">(${zoneLabel(zone)})</span></dd>
          ${a.member ? html`<dt>With</dt><dd>${a.member.name}</dd>` : nothing}
          ${a.seats && a.seats > 1 ? html`<dt>Class</dt><dd>${a.seats} places</dd>` : nothing}
          ${a.series ? html`<dt>Repeats</dt><dd data-series>${seriesLine(a.series)}</dd>` : nothing}
          <dt>Customer</dt>
          <dd>${a.customer.name}</dd>
          <dt>Email</dt>
          <dd><a href="mailto:${a.customer.email}">${a.customer.email}</a></dd>
          ${a.customer.phone ? html`<dt>Phone</dt><dd><a href="tel:${a.customer.phone.replace(/[^+\d]/g, '')}">${a.customer.phone}</a></dd>` : nothing}
          ${
            a.customer.timeZone && a.customer.timeZone !== zone
              ? html`<dt>Their time</dt><dd>${formatTime(a.start, a.customer.timeZone)} (${a.customer.timeZone.replace(/_/g, ' ')})</dd>`
              : nothing
          }
          ${a.note ? html`<dt>Note</dt><dd>${a.note}</dd>` : nothing}
          ${a.cancelReason ? html`<dt>Your message</dt><dd class="message">${a.cancelReason}</dd>` : nothing}
          <dt>Booked</dt>
          <dd>${formatDay(a.createdAt, zone)}${a.cancelledBy ? html` · cancelled by ${a.cancelledBy === 'provider' ? 'you' : 'the customer'}` : nothing}</dd>
        </dl>
        ${
          confirmed
            ? html`<div class="actions" part="actions">
              ${
                started
                  ? html`<button class="primary" ?disabled=${this.action.busy} @click=${() => this.act('complete')}>Mark completed</button>
                    <button ?disabled=${this.action.busy} @click=${() => this.act('no-show')}>Mark no-show</button>`
                  : html`<button ?disabled=${this.action.busy} aria-expanded=${this.rescheduling} @click=${() => (this.rescheduling = !this.rescheduling)}>Reschedule</button>
                    <button class="danger" ?disabled=${this.action.busy} @click=${() => this.askCancel(false)}>Cancel appointment</button>
                    ${a.seats && a.seats > 1 && a.member ? html`<button class="danger" ?disabled=${this.action.busy} @click=${() => this.askCancel(true)}>Cancel this class time</button>` : nothing}`
              }
            </div>`
            : nothing
        }
        ${confirmed && !started && this.members.length > 1 ? this.renderMemberChange(a) : nothing}
        ${
          this.confirmingCancel
            ? html`<div class="confirm notice" role="alertdialog" aria-label="Confirm cancellation">
              <p>${
                this.wholeClass
                  ? `Cancel this class time for every attendee? Each one gets an email.`
                  : `Cancel this appointment? ${a.customer.name} gets an email.`
              }</p>
              <div class="field">
                <label for="cancel-reason">Message to ${this.wholeClass ? 'the attendees' : a.customer.name} <span class="hint">(optional, goes into the email)</span></label>
                <textarea id="cancel-reason" rows="3" maxlength="500" .value=${this.cancelReason}
                  @input=${(e: Event) => (this.cancelReason = (e.target as HTMLTextAreaElement).value)}></textarea>
              </div>
              ${
                a.series && !this.wholeClass
                  ? html`<book-cancel-scope .series=${a.series} .value=${this.scope}
                    @book-cancel-scope-change=${(e: CustomEvent<CancelScope>) => (this.scope = e.detail)}></book-cancel-scope>`
                  : nothing
              }
              <div class="row">
                <button class="danger" ?disabled=${this.action.busy} @click=${() => (this.wholeClass ? this.cancelClass(a) : this.cancel(a))}>Yes, cancel it</button>
                <button @click=${() => (this.confirmingCancel = false)}>Keep it</button>
              </div>
            </div>`
            : nothing
        }
        ${
          this.rescheduling
            ? html`<book-reschedule provider=${a.provider.slug} service=${a.service.id} booked=${a.start} time-zone=${zone} ?busy=${this.action.busy}
              @book-reschedule-confirm=${(e: CustomEvent<Slot>) => this.move(e.detail)}
              @book-reschedule-cancel=${() => (this.rescheduling = false)}></book-reschedule>`
            : nothing
        }
      </div>
      ${
        this.staff
          ? nothing
          : html`<section>
            <h2>Emails about this appointment</h2>
            <book-mailbox admin .emails=${this.emails} @book-email-retry=${(e: CustomEvent<number>) => this.retry(e.detail)}></book-mailbox>
          </section>`
      }`;
  }

  /** Staff manage their own appointments, not the business's team or its email log. */
  private get staff(): boolean {
    return this.profile.me?.role === 'staff';
  }

  /** The emails about this appointment, as they are now (none for staff, as the email log is not theirs). */
  private async emailsNow(): Promise<AdminEmail[]> {
    if (this.staff) return [];
    return (await api.adminEmails({ appointment: this.appointmentId }).catch(() => ({ emails: this.emails }))).emails;
  }

  private async load(): Promise<void> {
    try {
      const [{ appointment }, emails] = await Promise.all([api.appointment(this.appointmentId), this.emailsNow()]);
      this.appointment = appointment;
      this.emails = emails;
    } catch (e) {
      this.action.report(errorText(e));
    }
    if (this.staff || !this.appointment?.member) return;
    this.members = (await api.team().catch(() => ({ members: [] }))).members;
  }

  private renderMemberChange(a: AdminAppointment) {
    const others = this.members.filter((m) => m.id !== a.member?.id && m.serviceIds.includes(a.service.id));
    if (!others.length) return nothing;
    return html`<form class="row confirm member-change" @submit=${(e: SubmitEvent) => this.changeMember(e, a)}>
      <label for="member">Give it to</label>
      <select id="member" @change=${(e: Event) => (this.memberChoice = (e.target as HTMLSelectElement).value)}>
        <option value="">Choose a member</option>
        ${others.map((m) => html`<option value=${m.id} ?selected=${this.memberChoice === String(m.id)}>${m.name}</option>`)}
      </select>
      <button type="submit" ?disabled=${this.action.busy || !this.memberChoice}>Change member</button>
    </form>`;
  }

  private askCancel(wholeClass: boolean): void {
    this.wholeClass = wholeClass;
    this.scope = 'one';
    this.confirmingCancel = true;
  }

  private changeMember(event: SubmitEvent, a: AdminAppointment): Promise<void> {
    event.preventDefault();
    const to = this.members.find((m) => String(m.id) === this.memberChoice);
    if (!to) return Promise.resolve();
    return this.run(async () => {
      try {
        const { appointment } = await api.changeMember(a.id, to.id);
        this.memberChoice = '';
        return appointment;
      } catch (e) {
        // The server's refusals in the owner's words: who is busy, or who does not do this service.
        if (e instanceof ApiError && e.status === 409)
          throw new ApiError(409, e.code, `${to.name} is not free at that time. Choose someone else or another time.`);
        if (e instanceof ApiError && e.status === 422)
          throw new ApiError(422, e.code, `${to.name} does not perform ${a.service.name}.`);
        throw e;
      }
    }, `Now with ${to.name}.`);
  }

  private cancelClass(a: AdminAppointment): Promise<void> {
    const reason = this.cancelReason.trim();
    return this.run(async () => {
      await api.cancelClass({
        serviceId: a.service.id,
        memberId: a.member!.id,
        start: a.start,
        ...(reason && { reason }),
      });
      return (await api.appointment(a.id)).appointment;
    }, 'The class time is cancelled; every attendee gets an email.');
  }

  /** Cancels this appointment, and for an occurrence of a series the following dates if so chosen. */
  private cancel(a: AdminAppointment): Promise<void> {
    const reason = this.cancelReason.trim();
    let cancelled: number | undefined;
    return this.run(
      async () => {
        const answer = await api.cancelAppointment(a.id, { reason, ...(a.series && { scope: this.scope }) });
        cancelled = answer.cancelled;
        return answer.appointment;
      },
      () => cancelledPhrase(cancelled, 'Appointment cancelled.'),
    );
  }

  /** Runs a change, then closes its panels and shows its emails as they now are. */
  private run(work: () => Promise<AdminAppointment>, done: string | (() => string)): Promise<void> {
    return this.action.run(async () => {
      this.appointment = await work();
      this.rescheduling = this.confirmingCancel = false;
      emit(this, 'book-appointment-changed', this.appointment);
      this.emails = await this.emailsNow();
      return typeof done === 'string' ? done : done();
    });
  }

  private act(action: 'complete' | 'no-show'): Promise<void> {
    const done = action === 'complete' ? 'Marked as completed.' : 'Marked as a no-show.';
    return this.run(async () => (await api.appointmentAction(this.appointmentId, action)).appointment, done);
  }

  private move(slot: Slot): Promise<void> {
    return this.run(
      async () => (await api.rescheduleAppointment(this.appointmentId, slot.start)).appointment,
      `Moved to ${formatSpan(slot.start, slot.end, this.profile.timeZone)}.`,
    );
  }

  private retry(id: number): Promise<void> {
    return this.action.run(async () => {
      this.emails = await api.retryEmailIn(this.emails, id);
    });
  }
}

define('book-appointment-detail', BookAppointmentDetail);

declare global {
  interface HTMLElementTagNameMap {
    'book-appointment-detail': BookAppointmentDetail;
  }
}
