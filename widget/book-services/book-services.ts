import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, BookingApi, uuid } from '../api/client.js';
import type { Booking, ProviderResponse, SeriesBooked, Service, Slot, TeamMember } from '../api/types.js';
import '../book-calendar/book-calendar.js';
import '../book-confirmation/book-confirmation.js';
import '../book-details/book-details.js';
import '../book-policy/book-policy.js';
import type { BookDetails, Details } from '../book-details/book-details.js';
import '../book-service-list/book-service-list.js';
import { ANY_STAFF } from '../book-staff-list/book-staff-list.js';
import '../book-times/book-times.js';
import type { BookServicesEventMap } from '../events.js';
import { formatDate, formatDuration, formatPrice, formatTime } from '../i18n/format.js';
import { fill, type Messages, resolveLocale } from '../i18n/messages.js';
import { addMonths, localDate, validZone } from '../lib/dates.js';
import { define } from '../lib/define.js';
import type { RepeatChoice } from '../repeat/repeat.js';
import { base } from '../styles/shared.js';
import { hostTokens } from '../styles/tokens.js';
import { reset, styles } from './book-services.styles.js';
import { MonthSlots } from './month-slots.js';

type Step = 'service' | 'staff' | 'time' | 'details' | 'done';

/** How many months ahead of today the calendar may go. */
const LAST_MONTH = 12;

/** Messages for error codes the customer can act on; anything else is a generic failure. */
const errorText: Record<string, keyof Messages> = {
  offline: 'offline',
  not_found: 'notFound',
  slot_taken: 'slotTaken',
  slot_not_offered: 'slotGone',
  rate_limited: 'tooMany',
};

/**
 * The booking widget: service → team member (when more than one performs it) → day and time (in the customer's zone; it opens on the first free day, the calendar and
 * the times side by side where there is room) → details → confirmation, in Shadow DOM.
 * Importing `widget.js` defines it; the page sets attributes and listens for its events (typed in `events.ts`).
 *
 * @summary Lets customers book a provider's services on any website.
 * @tagname book-services
 *
 * @event {CustomEvent<BookReadyDetail>} book-ready - The provider and its services loaded; `detail: { provider, services }` (slug, number of services).
 * @event {CustomEvent<BookStaffSelectedDetail>} book-staff-selected - The customer chose who serves them; `detail: { service, staff }` (a member's slug or `any`).
 * @event {CustomEvent<BookSlotSelectedDetail>} book-slot-selected - The customer picked a time; `detail: { service, start, end, staff? }` (ISO-8601 UTC instants).
 * @event {CustomEvent<BookBookedDetail>} book-booked - The booking is confirmed; `detail: { id, start, end, service, manageUrl, staff?, series? }` (a series: its first date, and `series: { id, count }`).
 * @event {CustomEvent<BookErrorDetail>} book-error - An error was shown; `detail: { code, status, message }`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Provider name and the chosen service.
 * @csspart heading - The step title.
 * @csspart back - The back button.
 * @csspart notice - Error and info messages.
 * @csspart loading - The loading message.
 * @csspart empty - The "no free times" message of a month.
 * @csspart service - Each service button.
 * @csspart staff - Each choice of the team-member step ("Any available" and each member).
 * @csspart avatar - A member's photo or initials in the team-member step.
 * @csspart day - Each calendar day.
 * @csspart time - Each time button.
 * @csspart zone - The time-zone select.
 * @csspart form - The details form.
 * @csspart confirm - The details form's submit button.
 * @csspart calendar-link - The .ics and Google Calendar links on the confirmation.
 * @csspart manage-link - The link to manage or cancel the booking on the confirmation.
 * @csspart waitlist - "Notify me if an earlier time frees up" on the confirmation of a one-to-one appointment.
 * @csspart repeat - "Repeat" on the details step of a service that allows recurring appointments.
 * @csspart policy - The business's cancellation policy, before the confirm button and on the confirmation.
 *
 * @cssprop [--book-accent=#1d4ed8] - Buttons, links, times, selected day (dark: #8ab4ff).
 * @cssprop [--book-accent-fg=#ffffff] - Text on the accent colour (dark: #0b1322).
 * @cssprop --book-accent-soft - Days with free times, hovered services (the accent at 14 % on the background; dark 25 %).
 * @cssprop [--book-bg=#ffffff] - Background (dark: #16181d).
 * @cssprop [--book-surface=#f4f5f7] - Messages, separators (dark: #20242b).
 * @cssprop [--book-fg=#1a1c20] - Text (dark: #eef0f3).
 * @cssprop [--book-muted=#52575f] - Secondary text, days without free times (dark: #b1b8c2).
 * @cssprop [--book-border=#767b84] - Borders of the box, buttons and inputs (dark: #8a929e).
 * @cssprop [--book-danger=#b3261e] - Errors (dark: #ffb4ab).
 * @cssprop [--book-success=#1b6b35] - The confirmation (dark: #8fd9a8).
 * @cssprop [--book-focus=#1d4ed8] - The keyboard focus ring (dark: #8ab4ff).
 * @cssprop [--book-radius=8px] - Corner radius.
 * @cssprop [--book-avatar-size=2.75rem] - The team members' photos.
 * @cssprop --book-font - Font family (system UI fonts by default).
 */
export class BookServices extends LitElement {
  static override styles = [reset, hostTokens, base, styles];

  /** The provider's slug, as in their page URL (required). */
  @property() provider = '';
  /** A service id to preselect; skips the service list and starts at the calendar. */
  @property() service = '';
  /**
   * A team member's slug to preselect: skips the team-member step and lists only their services. Ignored when the
   * business has no member of that name.
   */
  @property() staff = '';
  /** BCP 47 locale; defaults to the browser's. `en` and `de` have text; other languages fall back to English. */
  @property() locale = '';
  /** IANA zone the times are shown in (`Europe/Berlin`); defaults to the browser's. The customer can switch it. */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** `light`, `dark`, or `auto` (follows the visitor's OS setting). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';
  /** Base URL of the booking server; defaults to the origin `widget.js` was loaded from. */
  @property() api = '';
  /** `same-origin` sends the page's cookies (the hosted site, so a signed-in customer's booking lands in their account). */
  @property() credentials: 'omit' | 'same-origin' = 'omit';
  /** `{ name, email }` to prefill the details form with (the signed-in customer on the hosted site). */
  @property({ attribute: false }) customer?: { name: string; email: string };
  /** A day (`YYYY-MM-DD`) to open on, with its times shown: where a "next available" link pointed. Used once. */
  @property() day = '';

  @state() private data?: ProviderResponse;
  @state() private step: Step = 'service';
  @state() private loading = true;
  /** A failure that replaces the step's content, with a way to retry. */
  @state() private problem?: { text: keyof Messages; retry?: () => void } | undefined;
  @state() private notice = '';
  @state() private chosen?: Service;
  /** Who serves: a member's slug or `any`; empty for a server before teams, which is never sent it. */
  @state() private member = '';
  @state() private zone = validZone(undefined);
  @state() private date = '';
  @state() private picked?: Slot | undefined;
  @state() private busy = false;
  @state() private fieldErrors: Record<string, string> = {};
  @state() private booking?: Booking | undefined;
  /** Repeat, when the customer turned it on (`<book-repeat>`); then the series booked. */
  @state() private rep?: RepeatChoice | undefined;
  /** The Repeat choice made for an earlier time of this service: another time starts with it (`<book-repeat>`). */
  private lastRep?: RepeatChoice | undefined;
  @state() private series?: SeriesBooked | undefined;
  @state() private live = '';

  private client = new BookingApi('');
  private slots = new MonthSlots(this, () => ({
    client: this.client,
    provider: this.provider,
    service: this.chosen?.id,
    zone: this.zone,
    staff: this.member || undefined,
    // For a class, its full times too (from the waitlist's chunk).
    full:
      (this.chosen?.seats ?? 1) > 1
        ? (...range: [string, string, Promise<Slot[]>]) =>
            this.waitlist().then((w) =>
              w.withFull(this.client, this.provider, this.chosen!.id, this.member, this.locale, ...range),
            )
        : undefined,
  }));
  private attempt?: { key: string; body: string } | undefined;
  private loadId = 0;
  /** What the customer typed in the form, kept when they go back to change the time. */
  private draft: BookDetails['values'] = { name: '', email: '', phone: '', note: '' };
  private moved = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('timeZone') && this.timeZone) {
      this.zone = validZone(this.timeZone);
      if (this.chosen && this.slots.month) void this.showMonth(this.slots.month);
    }
    if (changed.has('customer') && this.customer) {
      this.draft = {
        ...this.draft,
        name: this.draft.name || this.customer.name,
        email: this.draft.email || this.customer.email,
      };
    }
    if (changed.has('provider') || changed.has('api') || changed.has('credentials')) void this.load();
    else if ((changed.has('service') || changed.has('staff')) && this.data) this.start();
  }

  override updated(): void {
    if (!this.moved) return;
    this.moved = false;
    this.renderRoot.querySelector('h2')?.focus();
  }

  override render() {
    const { locale, msg } = resolveLocale(this.locale);
    const p = this.problem;
    return html`<section part="base" lang=${locale} aria-labelledby="heading">
      ${this.data ? this.renderHeader(locale, msg) : nothing}
      <div class="bar">
        ${
          this.backStep() && !p
            ? html`<button class="link" part="back" @click=${() => this.go(this.backStep()!)}>← ${msg.back}</button>`
            : nothing
        }
        <h2 id="heading" part="heading" tabindex="-1">
          ${this.loading ? msg.loading : this.data ? this.stepTitle(msg) : msg.unavailable}
        </h2>
      </div>
      <div class="notice" part="notice" role="alert">${p ? msg[p.text] : this.notice}</div>
      ${
        p
          ? p.retry
            ? html`<button class="primary" @click=${p.retry}>${msg.retry}</button>`
            : nothing
          : this.loading
            ? this.renderLoading(msg)
            : html`<div class="step">${this.renderStep(locale, msg)}</div>`
      }
      <div class="sr-only" role="status">${this.live}</div>
    </section>`;
  }

  private renderHeader(locale: string, msg: Messages) {
    const s = this.chosen;
    const showSlot = this.picked && this.step === 'details';
    return html`<header part="header">
      <p class="provider">${this.data!.provider.name}</p>
      ${
        s && this.step !== 'service'
          ? html`<p class="summary">
            ${s.name} · ${formatDuration(s.durationMinutes, locale)} · ${formatPrice(s.price, locale)}
            ${this.servingName() ? html`· ${fill(msg.withStaff, { name: this.servingName() })}` : nothing}
            ${
              showSlot
                ? html`<br />${formatDate(this.date, locale)}, ${formatTime(this.picked!.start, locale, this.zone)}
                  (${this.zone.replace(/_/g, ' ')})`
                : nothing
            }
          </p>`
          : nothing
      }
    </header>`;
  }

  private renderLoading(msg: Messages) {
    return html`<p class="status" part="loading"><span class="spinner" aria-hidden="true"></span>${msg.loading}</p>`;
  }

  private renderStep(locale: string, msg: Messages) {
    switch (this.step) {
      case 'service':
        return html`<book-service-list
          exportparts="service"
          .services=${this.offered()}
          .selected=${this.chosen?.id}
          locale=${locale}
          @book-service-select=${this.handleServiceSelect}
        ></book-service-list>`;
      case 'staff':
        return html`<book-staff-list
          exportparts="staff, avatar"
          .members=${this.performers(this.chosen!)}
          selected=${this.member}
          locale=${locale}
          @book-staff-select=${this.handleStaffSelect}
        ></book-staff-list>`;
      case 'time':
        return html`<div class="pick">
          <div>
            <book-calendar
              exportparts="day"
              month=${this.slots.month}
              .available=${[...this.slots.days.keys()]}
              selected=${this.date}
              today=${localDate(Date.now(), this.zone)}
              last=${addMonths(localDate(Date.now(), this.zone).slice(0, 7), LAST_MONTH)}
              ?loading=${this.slots.loading}
              locale=${locale}
              @book-month-change=${this.handleMonthChange}
              @book-day-select=${this.handleDaySelect}
            ></book-calendar>
            ${this.renderMonthStatus(locale, msg)}
          </div>
          <div>${this.renderTimes(locale, msg)}</div>
        </div>`;
      case 'details':
        // A full class time: its waitlist (the waitlist's chunk is loaded: the time came from it).
        if (this.picked?.placesLeft === 0) {
          // One line: a template's whitespace is downloaded as it is.
          return html`<book-class-wait .client=${this.client} .time=${this.picked} provider=${this.provider} service=${this.chosen!.id} member=${this.member} time-zone=${this.zone} .values=${this.draft} locale=${locale}></book-class-wait>`;
        }
        return html`<book-details
          exportparts="form, confirm"
          .values=${this.draft}
          .errors=${this.fieldErrors}
          ?busy=${this.busy}
          .label=${this.rep?.label}
          ?blocked=${this.rep?.blocked}
          locale=${locale}
          @input=${this.handleDraft}
          @book-details-submit=${this.handleSubmit}
        >${this.chosen!.repeat ? html`<book-repeat exportparts="repeat" .client=${this.client} .repeat=${this.chosen!.repeat} provider=${this.provider} service=${this.chosen!.id} start=${this.picked!.start} member=${this.member} time-zone=${this.zone} locale=${locale} .resume=${this.lastRep} @book-repeat-change=${(e: CustomEvent<RepeatChoice>) => (this.rep = e.detail)}></book-repeat>` : nothing}${this.renderPolicy(locale)}</book-details>`;
      case 'done':
        return html`<book-confirmation
          exportparts="calendar-link, manage-link"
          .booking=${this.booking}
          service=${this.chosen?.name ?? ''}
          email=${this.draft.email}
          .price=${this.chosen?.price}
          address=${this.data!.provider.address}
          time-zone=${this.zone}
          locale=${locale}
          @book-restart=${this.handleRestart}
        >${this.renderPolicy(locale)}${this.series ? html`<book-series .result=${this.series} time-zone=${this.zone} locale=${locale}></book-series>` : html`<book-earlier exportparts="waitlist" .client=${this.client} .booking=${this.booking} .service=${this.chosen} .team=${this.performers(this.chosen!)} locale=${locale}></book-earlier>`}</book-confirmation>`;
    }
  }

  /** The chosen day's times; a hint while no day of the shown month is chosen. */
  private renderTimes(locale: string, msg: Messages) {
    if (this.slots.loading || !this.slots.days.size) return nothing;
    if (!this.date.startsWith(this.slots.month)) return html`<p class="status">${msg.pickDay}</p>`;
    return html`<book-times
      exportparts="time, zone"
      date=${this.date}
      .slots=${this.slots.days.get(this.date) ?? []}
      selected=${this.picked?.start ?? ''}
      time-zone=${this.zone}
      .zones=${[validZone(undefined), this.data!.provider.timeZone]}
      locale=${locale}
      @book-zone-change=${this.handleZoneChange}
      @book-time-select=${this.handleTimeSelect}
    ></book-times>`;
  }

  private renderPolicy(locale: string) {
    return html`<book-policy exportparts="policy" .policy=${this.data!.provider.policy} locale=${locale}></book-policy>`;
  }

  private renderMonthStatus(locale: string, msg: Messages) {
    if (this.slots.loading) return this.renderLoading(msg);
    if (this.slots.days.size) return nothing;
    const next = this.slots.nextFree;
    return html`<p class="status" part="empty">
      ${msg.emptyMonth}
      ${next === null ? msg.noneSoon : nothing}
      ${
        next
          ? html`<button class="link" @click=${() => this.showDay(next)}>
            ${fill(msg.nextFree, { date: formatDate(next, locale) })}
          </button>`
          : nothing
      }
      ${next === undefined ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
    </p>`;
  }

  private stepTitle(msg: Messages): string {
    const titles = {
      service: msg.chooseService,
      staff: msg.chooseStaff,
      time: msg.chooseTime,
      details: msg.details,
      done: msg.done,
    };
    return titles[this.step];
  }

  private steps(): Step[] {
    const first: Step[] = this.preset() ? [] : ['service'];
    const staff: Step[] = this.chosen && this.asksStaff(this.chosen) ? ['staff'] : [];
    return [...first, ...staff, 'time', 'details'];
  }

  /** The day a "next available" link opens on, until it is used; empty otherwise. */
  private linkedDay(): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(this.day) ? this.day : '';
  }

  /** The members who perform a service, in the business's order (none from a server before teams). */
  private performers(service: Service): TeamMember[] {
    return (this.data?.team ?? []).filter((m) => m.serviceIds.includes(service.id));
  }

  /** The member the `staff` attribute names, when the business has them. */
  private presetMember(): TeamMember | undefined {
    return this.staff ? this.data?.team?.find((m) => m.slug === this.staff) : undefined;
  }

  /** The member step is shown when more than one member performs the service and none is preset for it. */
  private asksStaff(service: Service): boolean {
    return !this.presetMember()?.serviceIds.includes(service.id) && this.performers(service).length > 1;
  }

  /** The services to list: a preset member's own (all of them if that would leave none). */
  private offered(): Service[] {
    const { services } = this.data!;
    const member = this.presetMember();
    const own = member ? services.filter((s) => member.serviceIds.includes(s.id)) : [];
    return own.length ? own : services;
  }

  /** The chosen member's name; empty for "any" (the booking names who it was). */
  private servingName(): string {
    const booked = this.step === 'done' ? this.booking?.staff?.name : undefined;
    return booked ?? this.data?.team?.find((m) => m.slug === this.member)?.name ?? '';
  }

  private preset(): Service | undefined {
    return this.data?.services.find((s) => String(s.id) === this.service);
  }

  private backStep(): Step | undefined {
    const steps = this.steps();
    const i = steps.indexOf(this.step);
    return i > 0 && !this.busy ? steps[i - 1] : undefined;
  }

  /** Moves to a step after a user action: focus goes to its heading and the live region announces it. */
  private go(step: Step): void {
    const { msg } = resolveLocale(this.locale);
    this.step = step;
    this.moved = true;
    const steps = this.steps();
    const title = this.stepTitle(msg);
    this.live = step === 'done' ? title : fill(msg.step, { n: steps.indexOf(step) + 1, total: steps.length, title });
    this.notice = '';
  }

  private async load(): Promise<void> {
    const id = ++this.loadId;
    this.loading = true;
    this.problem = undefined;
    this.notice = '';
    this.client = new BookingApi(this.api || new URL(import.meta.url).origin, this.credentials);
    if (!this.provider) {
      this.loading = false;
      this.problem = { text: 'notFound' };
      return;
    }
    this.slots.clear();
    this.member = this.staff;
    // With a preset service the first free day need not wait for the provider: ask for both at once.
    if (Number(this.service) > 0) {
      this.slots.firstFree('', Number(this.service)).catch(() => {});
      this.slots.fetch(localDate(Date.now(), this.zone).slice(0, 7), Number(this.service)).catch(() => {});
    }
    try {
      const data = await this.client.provider(this.provider);
      if (id !== this.loadId) return;
      this.data = data;
      this.loading = false;
      if (!data.services.length) this.problem = { text: 'noServices' };
      else this.start();
      this.fire('book-ready', { provider: data.provider.slug, services: data.services.length });
    } catch (e) {
      if (id !== this.loadId) return;
      this.loading = false;
      this.fail(e, () => void this.load());
    }
  }

  /** Starts the flow over: at the preset service's calendar, or at the service list. */
  private start(byUser = false): void {
    this.booking = this.series = undefined;
    this.picked = undefined;
    this.date = '';
    const preset = this.preset();
    if (preset) this.pick(preset, byUser);
    else if (byUser) this.go('service');
    else this.step = 'service';
  }

  private pick(service: Service, byUser = true): void {
    this.chosen = service;
    this.lastRep = undefined;
    // Recurring appointments' chunk, only for a service that offers them.
    if (service.repeat) import('../repeat/index.js').catch(() => {});
    this.date = '';
    const preset = this.presetMember();
    if (!this.data?.team) this.member = '';
    else if (preset?.serviceIds.includes(service.id)) this.member = preset.slug;
    else if (!this.performers(service).some((m) => m.slug === this.member)) this.member = ANY_STAFF;
    // A "next available" link (`day`) promised a time of anyone's: its day opens at once, the member step stays a
    // Back away.
    if (this.asksStaff(service) && !this.linkedDay()) {
      if (byUser) this.go('staff');
      else this.step = 'staff';
    } else this.openTimes(byUser);
  }

  /** Moves on to the calendar for the chosen service and member. */
  private openTimes(byUser: boolean): void {
    this.date = '';
    this.picked = undefined;
    if (byUser) this.go('time');
    else this.step = 'time';
    // A "next available" link names its day; otherwise the first free one.
    const day = this.linkedDay();
    this.day = '';
    if (day) this.showDay(day);
    else void this.openFirst();
  }

  /** Opens the calendar on the first free day, with that day's times shown: no empty month, no extra tap. */
  private async openFirst(): Promise<void> {
    this.problem = undefined;
    this.notice = '';
    try {
      const first = await this.slots.showFirst(localDate(Date.now(), this.zone));
      if (first) this.date = first;
    } catch (e) {
      this.fail(e, () => void this.openFirst());
    }
  }

  /** Shows a day's month with that day chosen ("Next available"). */
  private showDay(date: string): void {
    this.date = date;
    this.picked = undefined;
    void this.showMonth(date.slice(0, 7));
  }

  private async showMonth(month: string): Promise<void> {
    this.problem = undefined;
    this.notice = '';
    await this.slots.show(month).catch((e: unknown) => this.fail(e, () => void this.showMonth(month)));
  }

  private handleServiceSelect(e: CustomEvent<Service>): void {
    this.pick(e.detail);
  }

  private handleStaffSelect(e: CustomEvent<string>): void {
    this.member = e.detail;
    this.fire('book-staff-selected', { service: this.chosen!.id, staff: this.member });
    this.openTimes(true);
  }

  private handleMonthChange(e: CustomEvent<string>): void {
    void this.showMonth(e.detail);
  }

  private handleDaySelect(e: CustomEvent<string>): void {
    this.date = e.detail;
    this.picked = undefined;
    // The times appear beside or below the calendar; focus stays on the day, the live region says what changed.
    const { locale, msg } = resolveLocale(this.locale);
    this.live = fill(msg.timesOn, { date: formatDate(this.date, locale) });
  }

  private handleZoneChange(e: CustomEvent<string>): void {
    this.zone = validZone(e.detail);
    void this.showMonth(this.slots.month);
  }

  private handleTimeSelect(e: CustomEvent<Slot>): void {
    const slot = e.detail;
    this.picked = slot;
    this.fieldErrors = {};
    this.lastRep = this.rep;
    this.rep = undefined;
    this.fire('book-slot-selected', {
      service: this.chosen!.id,
      start: slot.start,
      end: slot.end,
      ...(this.member && { staff: this.member }),
    });
    this.go('details');
  }

  /** The waitlist's chunk, loaded when first needed. */
  private waitlist() {
    return import('../waitlist/index.js');
  }

  private handleDraft(e: Event): void {
    this.draft = (e.currentTarget as BookDetails).values;
  }

  private handleRestart(): void {
    this.start(true);
  }

  private async handleSubmit(e: CustomEvent<Details>): Promise<void> {
    const details = e.detail;
    // The form trims what was typed: the confirmation names the address exactly as it was sent.
    this.draft = (e.currentTarget as BookDetails).values;
    const request = {
      provider: this.provider,
      service: this.chosen!.id,
      start: this.picked!.start,
      ...details,
      timeZone: this.zone,
      ...(this.member && { staff: this.member }),
    };
    const rep = this.rep;
    const body = JSON.stringify([request, rep]);
    // Same request, same key: a retry after a lost response can never book twice.
    if (this.attempt?.body !== body) this.attempt = { key: uuid(), body };
    this.busy = true;
    this.notice = '';
    try {
      const key = this.attempt.key;
      const series =
        rep && (await this.withRetry(() => this.renderRoot.querySelector('book-repeat')!.book(request, key)));
      // A date of the series was taken meanwhile: its list says which.
      if (rep && !series) {
        this.attempt = undefined;
        return;
      }
      this.series = series;
      this.booking = series ? series.bookings[0]! : await this.withRetry(() => this.client.book(request, key));
      this.attempt = undefined;
      this.slots.clear();
      this.go('done');
      // The confirmation's "Notify me if an earlier time frees up" comes with the waitlist's chunk.
      void this.waitlist();
      const b = this.booking;
      this.fire('book-booked', {
        id: b.id,
        start: b.start,
        end: b.end,
        service: this.chosen!.id,
        manageUrl: b.manageUrl,
        ...(b.staff !== undefined && { staff: b.staff }),
        ...(series && { series: { id: series.series.id, count: series.bookings.length } }),
      });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      if (code === 'slot_taken' || code === 'slot_not_offered') {
        this.attempt = undefined;
        this.slots.clear();
        this.picked = undefined;
        this.go('time');
        void this.showMonth(this.slots.month);
      } else if (code === 'invalid_request') {
        const { msg } = resolveLocale(this.locale);
        const own: Record<string, string> = {
          'customer.name': msg.needName,
          'customer.email': msg.needEmail,
          'customer.phone': msg.badPhone,
        };
        this.fieldErrors = Object.fromEntries(Object.entries((e as ApiError).fields).map(([k, v]) => [k, own[k] ?? v]));
      }
      this.report(e);
    } finally {
      this.busy = false;
    }
  }

  /** A booking request, tried once more a second after no answer came (same idempotency key: never twice). */
  private async withRetry<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'offline') throw e;
      await new Promise((r) => setTimeout(r, 1000));
      return request();
    }
  }

  /** A failure that blocks the current step. */
  private fail(e: unknown, retry: () => void): void {
    const text = this.report(e);
    this.problem = { text, ...(text === 'notFound' ? {} : { retry }) };
    // Offline: try again by itself as soon as the browser is back online.
    if (text === 'offline') addEventListener('online', () => this.problem?.retry === retry && retry(), { once: true });
  }

  /** Shows an error in the notice and tells the page; returns the message key used. */
  private report(e: unknown): keyof Messages {
    const err = e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e));
    const { msg } = resolveLocale(this.locale);
    const text = errorText[err.code] ?? 'failed';
    // Field errors show next to their fields; the notice would only repeat them.
    this.notice = Object.keys(err.fields).length ? '' : msg[text];
    this.fire('book-error', { code: err.code, status: err.status, message: err.message });
    return text;
  }

  private fire<K extends keyof BookServicesEventMap>(type: K, detail: BookServicesEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

define('book-services', BookServices);

declare global {
  interface HTMLElementTagNameMap {
    'book-services': BookServices;
  }
}
