import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminMember, Profile, WeeklyInterval } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { siteBase } from '../../styles/components.js';
import '../book-closures/book-closures.js';
import '../book-overrides-calendar/book-overrides-calendar.js';
import '../book-week-editor/book-week-editor.js';

/**
 * @summary Opening hours: the weekly schedule, closures over date ranges (holidays), and date overrides on a
 * calendar. With a team, each member has their own weekly hours and special dates: the owner and admins pick whose
 * they edit; a staff member edits their own. Closures are the whole business's (owner and admins).
 *
 * @property profile - The provider's profile (for the time zone).
 */
export class BookScheduleEditor extends LitElement {
  static override styles = [
    siteBase,
    css`
      section + section {
        margin-top: 2rem;
      }
      .picker {
        max-width: 20rem;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;

  @state() private weekly: WeeklyInterval[] = [];
  @state() private loading = true;
  @state() private team: AdminMember[] = [];
  /** Whose hours are edited: a member's id (0 until known: the signed-in member's). */
  @state() private member = 0;
  private action = new ActionController(this);

  private get staff(): boolean {
    return this.profile.me?.role === 'staff';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.member = this.profile.me?.memberId ?? 0;
    if (!this.staff && this.profile.me)
      void api
        .team()
        .then((t) => (this.team = t.members))
        .catch(() => undefined);
    void this.load();
  }

  private async load(): Promise<void> {
    this.loading = true;
    this.action.clear();
    try {
      this.weekly = (await api.schedule('0000-01-01', '0000-01-01', this.member || undefined)).weeklyHours;
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  override render() {
    return html`${this.team.length > 1 ? this.renderPicker() : nothing}
      ${this.loading ? html`<p class="loading" role="status">Loading the hours…</p>` : this.renderHours()}`;
  }

  private renderPicker() {
    return html`<div class="field picker">
      <label for="member">Whose hours</label>
      <select id="member" @change=${(e: Event) => this.pickMember(Number((e.target as HTMLSelectElement).value))}>
        ${this.team.map((m) => html`<option value=${m.id} ?selected=${m.id === this.member}>${m.name}${m.id === this.profile.me?.memberId ? ' (you)' : ''}</option>`)}
      </select>
    </div>`;
  }

  private pickMember(member: number): void {
    this.member = member;
    void this.load();
  }

  private renderHours() {
    return html`<section aria-labelledby="weekly-h">
        <h2 id="weekly-h">Every week</h2>
        <p class="muted">In ${this.profile.timeZone.replace(/_/g, ' ')} time. Several intervals a day leave room for breaks.</p>
        <p class="notice" role="status">${this.action.status}</p>
        <book-week-editor .intervals=${this.weekly} ?busy=${this.action.busy} error=${this.action.problem}
          @book-week-submit=${(e: CustomEvent<WeeklyInterval[]>) => this.save(e.detail)}></book-week-editor>
      </section>
      ${
        this.staff
          ? nothing
          : html`<section aria-labelledby="closures-h">
            <h2 id="closures-h">Closed for a while</h2>
            <p class="muted">Holidays and time off of the whole business: one entry from the first to the last day closed. No bookings on those days.</p>
            <book-closures time-zone=${this.profile.timeZone}></book-closures>
          </section>`
      }
      <section aria-labelledby="dates-h">
        <h2 id="dates-h">Special dates</h2>
        <p class="muted">Holidays, days off and one-off hours replace the weekly hours for that date.</p>
        ${keyed(this.member, html`<book-overrides-calendar time-zone=${this.profile.timeZone} member=${this.member} .weekly=${this.weekly}></book-overrides-calendar>`)}
      </section>`;
  }

  private save(intervals: WeeklyInterval[]): Promise<void> {
    return this.action.run(async () => {
      this.weekly = (await api.saveWeekly(intervals, this.member || undefined)).weeklyHours;
      return 'Weekly hours saved.';
    });
  }
}

define('book-schedule-editor', BookScheduleEditor);

declare global {
  interface HTMLElementTagNameMap {
    'book-schedule-editor': BookScheduleEditor;
  }
}
