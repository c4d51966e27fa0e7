import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile, WeeklyInterval } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { siteBase } from '../../styles/components.js';
import '../book-closures/book-closures.js';
import '../book-overrides-calendar/book-overrides-calendar.js';
import '../book-week-editor/book-week-editor.js';

/**
 * @summary Opening hours: the weekly schedule, closures over date ranges (holidays), and date overrides on a
 * calendar.
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
    `,
  ];

  @property({ attribute: false }) profile!: Profile;

  @state() private weekly: WeeklyInterval[] = [];
  @state() private loading = true;
  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void api
      .schedule('0000-01-01', '0000-01-01')
      .then((s) => (this.weekly = s.weeklyHours))
      .catch((e: unknown) => this.action.report(errorText(e)))
      .finally(() => (this.loading = false));
  }

  override render() {
    if (this.loading) return html`<p class="loading" role="status">Loading your hours…</p>`;
    return html`<section aria-labelledby="weekly-h">
        <h2 id="weekly-h">Every week</h2>
        <p class="muted">In ${this.profile.timeZone.replace(/_/g, ' ')} time. Several intervals a day leave room for breaks.</p>
        <p class="notice" role="status">${this.action.status}</p>
        <book-week-editor .intervals=${this.weekly} ?busy=${this.action.busy} error=${this.action.problem}
          @book-week-submit=${(e: CustomEvent<WeeklyInterval[]>) => this.save(e.detail)}></book-week-editor>
      </section>
      <section aria-labelledby="closures-h">
        <h2 id="closures-h">Closed for a while</h2>
        <p class="muted">Holidays and time off: one entry from the first to the last day closed. No bookings on those days.</p>
        <book-closures time-zone=${this.profile.timeZone}></book-closures>
      </section>
      <section aria-labelledby="dates-h">
        <h2 id="dates-h">Special dates</h2>
        <p class="muted">Holidays, days off and one-off hours replace the weekly hours for that date.</p>
        <book-overrides-calendar time-zone=${this.profile.timeZone} .weekly=${this.weekly}></book-overrides-calendar>
      </section>`;
  }

  private save(intervals: WeeklyInterval[]): Promise<void> {
    return this.action.run(async () => {
      this.weekly = (await api.saveWeekly(intervals)).weeklyHours;
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
