import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, localDate } from '../../../widget/lib/dates.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type {
  AdminAppointment,
  AdminMember,
  AdminService,
  AppointmentStatus,
  BlockedTime,
  Closure,
  Profile,
  Schedule,
} from '../../api/types.js';
import { errorText } from '../../lib/errors.js';
import { formatDay, formatSpan, formatTime, LOCALE, statusLabel, todayIn } from '../../lib/format.js';
import { seriesBadge, seriesLine } from '../../lib/series.js';
import { dayRange, weekStart } from '../../lib/zone.js';
import { siteBase } from '../../styles/components.js';
import '../book-block-time/book-block-time.js';
import '../book-new-appointment/book-new-appointment.js';
import '../book-week-view/book-week-view.js';
import type { WeekLane } from '../book-week-view/book-week-view.js';
import { styles } from './book-dashboard.styles.js';

type Mode = 'list' | 'week';
/** The form open above the appointments, and where it starts (a free time clicked in the week view). */
type Panel = { form: 'new'; date?: string; time?: string; memberId?: number } | { form: 'block' } | null;
const UPCOMING_DAYS = 14;
/** Confirmed appointments that ended up to this many days ago are listed as "to close" (complete / no-show). */
const CLOSE_DAYS = 7;

/**
 * @summary The provider's dashboard: appointments to close, today and the next two weeks, or a week calendar;
 * filtered by status, service and customer. Times are in the provider's zone. Each appointment links to its
 * detail (cancel, reschedule, complete, no-show, customer contact). "New appointment" books a caller or a walk-in,
 * "Block time" keeps time free; in the week view a click on open time starts a new appointment there. With a
 * team, the owner and admins filter by member, and the week has a column per member (one member at a time on a
 * phone); each appointment names its member. An occurrence of a recurring series has a badge ("Repeats · 3/8").
 *
 * @csspart appointment - Each appointment in the list.
 *
 * @property profile - The provider's profile (for the time zone).
 */
export class BookDashboard extends LitElement {
  static override styles = [siteBase, styles];

  @property({ attribute: false }) profile!: Profile;

  @state() private mode: Mode = 'list';
  @state() private week = '';
  @state() private appointments: AdminAppointment[] = [];
  @state() private services: AdminService[] = [];
  @state() private loading = true;
  @state() private problem = '';
  @state() private status: AppointmentStatus | '' = '';
  @state() private service = '';
  @state() private query = '';
  @state() private panel: Panel = null;
  @state() private done = '';
  @state() private blockedTimes: BlockedTime[] = [];
  @state() private schedule: Schedule = { weeklyHours: [], overrides: [] };
  /** The team (owner and admins only: staff see their own appointments, so no filter) and the chosen member. */
  @state() private team: AdminMember[] = [];
  @state() private member = '';
  @state() private lanes: WeekLane[] = [];
  private loadId = 0;
  /** A phone's week is one member at a time: seven days of several columns each would not be readable. */
  private readonly phone = matchMedia('(max-width: 40rem)').matches;

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    this.mode = params.get('view') === 'week' ? 'week' : 'list';
    this.week = params.get('week') ?? weekStart(todayIn(this.profile.timeZone));
    this.member = params.get('member') ?? '';
    void api
      .servicesFor(this.profile)
      .then((services) => (this.services = services))
      .catch(() => undefined);
    void this.start();
  }

  /** Loads the team first where there is one to choose from, since the week's columns are its members. */
  private async start(): Promise<void> {
    if (this.profile.me && this.profile.me.role !== 'staff')
      this.team = (await api.team().catch(() => ({ members: [] }))).members;
    await this.load();
  }

  /** The member whose things are shown ('' for everyone): on a phone's week, one member at a time. */
  private shownMember(): string {
    if (this.member || !(this.phone && this.mode === 'week' && this.team.length > 1)) return this.member;
    return String(this.profile.me?.memberId ?? this.team[0]!.id);
  }

  override render() {
    return html`<div class="row actions">
        <button class="primary" type="button" aria-expanded=${this.panel?.form === 'new'} @click=${() => this.open({ form: 'new' })}>New appointment</button>
        <button type="button" aria-expanded=${this.panel?.form === 'block'} @click=${() => this.open({ form: 'block' })}>Block time</button>
      </div>
      ${this.renderPanel()}
      <p class="notice" role="status">${this.done}</p>
      ${this.renderToolbar()}
      <p class="notice bad" role="alert">${this.problem}</p>
      ${this.loading ? html`<p class="loading" role="status">Loading appointments…</p>` : this.mode === 'week' ? this.renderWeek() : this.renderList()}`;
  }

  private renderPanel() {
    const zone = this.profile.timeZone;
    const close = () => (this.panel = null);
    if (this.panel?.form === 'new')
      return html`<book-new-appointment .services=${this.services} time-zone=${zone} date=${this.panel.date ?? ''} time=${this.panel.time ?? ''}
        .members=${this.team} member-id=${this.panel.memberId ?? (Number(this.shownMember()) || (this.profile.me?.memberId ?? 0))}
        @book-appointment-cancel=${close}
        @book-appointment-created=${(e: CustomEvent<AdminAppointment>) =>
          this.finish(
            `Booked: ${e.detail.customer.name}, ${e.detail.service.name}, ${formatSpan(e.detail.start, e.detail.end, zone)}.`,
          )}></book-new-appointment>`;
    if (this.panel?.form === 'block')
      return html`<book-block-time time-zone=${zone} member=${Number(this.shownMember())} member-name=${this.team.find((m) => String(m.id) === this.shownMember())?.name ?? ''}
        @book-block-cancel=${close}
        @book-time-blocked=${(e: CustomEvent<BlockedTime>) => this.finish(`Blocked: ${formatSpan(e.detail.start, e.detail.end, zone)}.`)}></book-block-time>`;
    return nothing;
  }

  private async open(panel: Panel): Promise<void> {
    this.panel = null; // a new click starts the form afresh, with what it was clicked for
    await this.updateComplete;
    this.panel = panel;
    this.done = '';
    await this.updateComplete;
    const form = this.renderRoot.querySelector('book-new-appointment, book-block-time');
    form?.scrollIntoView({ block: 'nearest' });
    (form?.shadowRoot?.querySelector('select, input') as HTMLElement | null)?.focus();
  }

  private finish(done: string): void {
    this.panel = null;
    this.done = done;
    void this.load();
  }

  private async unblock(blocked: BlockedTime): Promise<void> {
    try {
      await api.unblockTime(blocked.id);
      this.done = `Removed the blocked time ${formatSpan(blocked.start, blocked.end, this.profile.timeZone)}.`;
      this.problem = '';
      await this.load();
    } catch (e) {
      this.problem = errorText(e);
    }
  }

  private renderToolbar() {
    return html`<div class="toolbar" role="search" aria-label="Filter appointments">
      <div class="toggle" role="group" aria-label="View">
        <button type="button" aria-pressed=${this.mode === 'list'} @click=${() => this.setMode('list')}>List</button>
        <button type="button" aria-pressed=${this.mode === 'week'} @click=${() => this.setMode('week')}>Week</button>
      </div>
      <div class="field">
        <label for="status">Status</label>
        <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as AppointmentStatus)}>
          <option value="">All</option>
          ${(['confirmed', 'completed', 'cancelled', 'no_show'] as const).map((s) => html`<option value=${s} ?selected=${s === this.status}>${statusLabel[s]}</option>`)}
        </select>
      </div>
      ${this.team.length > 1 ? this.renderMemberFilter() : nothing}
      <div class="field">
        <label for="service">Service</label>
        <select id="service" @change=${(e: Event) => (this.service = (e.target as HTMLSelectElement).value)}>
          <option value="">All services</option>
          ${this.services.map((s) => html`<option value=${s.id} ?selected=${String(s.id) === this.service}>${s.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="q">Customer</label>
        <input id="q" type="search" placeholder="Name or email" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      </div>
    </div>`;
  }

  private renderMemberFilter() {
    const shown = this.shownMember();
    const everyone = !(this.phone && this.mode === 'week');
    return html`<div class="field">
      <label for="member">Team member</label>
      <select id="member" @change=${(e: Event) => this.setMember((e.target as HTMLSelectElement).value)}>
        ${everyone ? html`<option value="" ?selected=${shown === ''}>Everyone</option>` : nothing}
        ${this.team.map((m) => html`<option value=${m.id} ?selected=${String(m.id) === shown}>${m.name}</option>`)}
      </select>
    </div>`;
  }

  private setMember(member: string): void {
    this.member = member;
    this.syncUrl();
    void this.load();
  }

  private filtered(): AdminAppointment[] {
    const q = this.query.trim().toLowerCase();
    return this.appointments.filter(
      (a) =>
        (!this.status || a.status === this.status) &&
        (!this.service || String(a.service.id) === this.service) &&
        (!q || a.customer.name.toLowerCase().includes(q) || a.customer.email.toLowerCase().includes(q)),
    );
  }

  private renderList() {
    const zone = this.profile.timeZone;
    const now = Date.now();
    const today = todayIn(zone);
    const all = this.filtered();
    const toClose = all.filter(
      (a) => a.status === 'confirmed' && Date.parse(a.start) <= now && localDate(a.start, zone) <= today,
    );
    const todays = all.filter((a) => localDate(a.start, zone) === today && !toClose.includes(a));
    const upcoming = all.filter((a) => localDate(a.start, zone) > today);
    const confirmedToday = todays.filter((a) => a.status === 'confirmed').length;
    const days = new Map<string, AdminAppointment[]>();
    for (const a of upcoming) days.set(localDate(a.start, zone), [...(days.get(localDate(a.start, zone)) ?? []), a]);
    return html`<div class="stats">
        <div class="stat"><strong>${confirmedToday}</strong>today</div>
        <div class="stat"><strong>${upcoming.filter((a) => a.status === 'confirmed').length}</strong>next ${UPCOMING_DAYS} days</div>
        <div class="stat"><strong>${toClose.length}</strong>to close</div>
      </div>
      ${
        toClose.length
          ? html`<section aria-labelledby="close-h">
            <h2 id="close-h">To close</h2>
            <p class="muted">These have started: mark them completed or as a no-show.</p>
            ${this.renderItems(toClose, true)}
          </section>`
          : nothing
      }
      <section aria-labelledby="today-h">
        <h2 id="today-h">Today <span class="muted">· ${formatDay(new Date().toISOString(), zone)}</span></h2>
        ${todays.length ? this.renderItems(todays) : html`<p class="empty">No appointments today.</p>`}
      </section>
      <section aria-labelledby="upcoming-h">
        <h2 id="upcoming-h">Upcoming</h2>
        ${
          days.size
            ? [...days.values()].map(
                (list) => html`<h3 class="day">${formatDay(list[0]!.start, zone)}</h3>${this.renderItems(list)}`,
              )
            : html`<p class="empty">Nothing booked in the next ${UPCOMING_DAYS} days yet.</p>`
        }
      </section>`;
  }

  private renderItems(list: AdminAppointment[], withDay = false) {
    const zone = this.profile.timeZone;
    return html`<ul class="appointments">
      ${list.map(
        (a) => html`<li>
          <a class="appt" part="appointment" href="/admin/appointments/${a.id}">
            <span class="time">${withDay ? html`${formatDay(a.start, zone).slice(0, 10)}<br />` : nothing}${formatTime(a.start, zone)}–${formatTime(a.end, zone)}</span>
            <span class="who"><strong>${a.customer.name}</strong><br /><span class="muted">${a.service.name}${this.team.length > 1 && a.member ? ` · with ${a.member.name}` : ''}</span></span>
            <span class="badges">
              <span class="badge ${a.status}">${statusLabel[a.status]}</span>
              ${a.series ? html`<span class="badge series" title=${seriesLine(a.series)}>${seriesBadge(a.series)}</span>` : nothing}
            </span>
          </a>
        </li>`,
      )}
    </ul>`;
  }

  private renderWeek() {
    const end = addDays(this.week, 6);
    const fmt = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return html`<div class="week-nav">
        <button type="button" @click=${() => this.moveWeek(-7)} aria-label="Previous week">←</button>
        <button type="button" @click=${() => this.moveWeek(7)} aria-label="Next week">→</button>
        <button type="button" @click=${() => this.moveWeek(0)}>This week</button>
        <strong aria-live="polite">${fmt.formatRange(new Date(`${this.week}T00:00:00Z`), new Date(`${end}T00:00:00Z`))}</strong>
      </div>
      <book-week-view .appointments=${this.filtered()} .lanes=${this.lanes} .blockedTimes=${this.blockedTimes} .weeklyHours=${this.schedule.weeklyHours}
.overrides=${this.schedule.overrides} .closures=${this.schedule.closures ?? []} start=${this.week} time-zone=${this.profile.timeZone}
        step=${Math.max(15, this.profile.bookingRules.slotStepMinutes)}
        @book-slot-pick=${(e: CustomEvent<{ date: string; time: string; memberId?: number }>) => this.open({ form: 'new', ...e.detail })}
        @book-blocked-remove=${(e: CustomEvent<BlockedTime>) => this.unblock(e.detail)}></book-week-view>`;
  }

  private setMode(mode: Mode): void {
    this.mode = mode;
    this.syncUrl();
    void this.load();
  }

  private moveWeek(days: number): void {
    this.week = days === 0 ? weekStart(todayIn(this.profile.timeZone)) : addDays(this.week, days);
    this.syncUrl();
    void this.load();
  }

  /** The view and week are part of the URL, so a reload or a shared link shows the same. */
  private syncUrl(): void {
    const params = new URLSearchParams();
    if (this.mode === 'week') {
      params.set('view', 'week');
      params.set('week', this.week);
    }
    if (this.member) params.set('member', this.member);
    history.replaceState(null, '', `/admin${params.size ? `?${params}` : ''}`);
  }

  private async load(): Promise<void> {
    const id = ++this.loadId;
    const zone = this.profile.timeZone;
    const range =
      this.mode === 'week'
        ? dayRange(this.week, 7, zone)
        : dayRange(addDays(todayIn(zone), -CLOSE_DAYS), CLOSE_DAYS + UPCOMING_DAYS + 1, zone);
    this.loading = this.appointments.length === 0;
    const member = Number(this.shownMember()) || undefined;
    // Everyone's week with a team: a column per member, each with their own hours and blocked times.
    const columns = this.mode === 'week' && !member && this.team.length > 1 ? this.team : [];
    try {
      const week = this.mode === 'week' && !columns.length;
      const [{ appointments }, blocked, schedule, lanes] = await Promise.all([
        api.appointments({ ...range, member }),
        week ? api.blockedTimes(range, member) : undefined,
        week ? api.schedule(this.week, addDays(this.week, 6), member) : undefined,
        Promise.all(columns.map((m) => this.laneOf(m, range))),
      ]);
      if (id !== this.loadId) return;
      this.appointments = appointments;
      this.blockedTimes = blocked?.blockedTimes ?? [];
      if (schedule) this.schedule = schedule;
      this.lanes = lanes.map(([lane]) => lane);
      if (lanes.length) this.schedule = { weeklyHours: [], overrides: [], closures: lanes[0]![1] };
      this.problem = '';
    } catch (e) {
      if (id === this.loadId) this.problem = errorText(e);
    } finally {
      if (id === this.loadId) this.loading = false;
    }
  }

  /** One member's column of the week, with the business's closures (the same for every member). */
  private async laneOf(m: AdminMember, range: { from: string; to: string }): Promise<[WeekLane, Closure[]]> {
    const [{ blockedTimes }, schedule] = await Promise.all([
      api.blockedTimes(range, m.id),
      api.schedule(this.week, addDays(this.week, 6), m.id),
    ]);
    const { weeklyHours, overrides, closures = [] } = schedule;
    return [{ member: { id: m.id, name: m.name }, weeklyHours, overrides, blockedTimes }, closures];
  }
}

define('book-dashboard', BookDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'book-dashboard': BookDashboard;
  }
}
