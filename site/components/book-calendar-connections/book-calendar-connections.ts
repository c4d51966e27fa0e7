import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { AdminMember, Profile } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { feedSubscribeLinks } from '../../lib/calendar-links.js';
import { errorText } from '../../lib/errors.js';
import { LOCALE } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';
import '../book-member-picker/book-member-picker.js';

interface Connection {
  service: 'google-shared' | 'google' | 'microsoft' | 'caldav';
  status: string;
  calendarId: string | null;
  accountEmail: string | null;
  sharedWith: string | null;
  sharedRole: string | null;
  lastError: string | null;
  busyRefreshedAt: string | null;
  connectedAt: string;
}
type Health = 'up_to_date' | 'retrying' | 'missing' | 'reconnect' | 'connecting';
interface CalendarState {
  connection: Connection | null;
  /** The connection's state in plain words (see `server/calendar/calendar.view.ts`); null without one. */
  health: Health | null;
  settings: { includeCustomerContact: boolean };
  feed: { active: boolean; createdAt: string | null };
  syncJobs: Record<'pending' | 'running' | 'done' | 'failed', number>;
  available: { googleShared: boolean; google: boolean; microsoft: boolean; caldav?: boolean };
}
interface CalendarChoice {
  id: string;
  name: string;
}
interface SyncJob {
  id: number;
  appointment: { id: number; start: string; customerName: string; serviceName: string };
  action: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** The company's name alone, for sentences ("Couldn't reach Google"). */
const companyName = {
  'google-shared': 'Google',
  google: 'Google',
  microsoft: 'Microsoft',
  caldav: 'your calendar server',
};
const serviceName = {
  'google-shared': 'Google Calendar (shared calendar)',
  google: 'Google Calendar (your account)',
  microsoft: 'Outlook / Microsoft 365',
  caldav: 'iCloud, Fastmail, Nextcloud or another CalDAV calendar',
};
const when = (iso: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * @summary The owner's calendar page, in plain words: connect Google (a calendar shared with the service, or their
 * own account via OAuth) or Microsoft where this server offers them, with one status ("Up to date", "Couldn't
 * reach Google — we'll keep trying", "Reconnect needed"); and the private ICS feed with one-tap subscribe links
 * for iPhone and Google Calendar, which works on any server. With a team, each member has their own: the owner and
 * admins pick whose they connect and manage (`?member=` on the page opens that one); a staff member sees their own.
 *
 * @csspart job - Each appointment that could not be added to the connected calendar.
 *
 * @property profile - The provider's profile.
 * @property origin - The site's public origin.
 */
export class BookCalendarConnections extends LitElement {
  static override styles = [
    siteBase,
    css`
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .feed-url {
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        word-break: break-all;
        background: var(--book-surface);
        padding: 0.5rem;
        border-radius: var(--book-radius);
      }
      .subscribe {
        display: grid;
        gap: 0.75rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .subscribe a {
        font-weight: 600;
      }
      .subscribe p {
        margin: 0.15rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;
  @property() origin = location.origin;

  @state() private data: CalendarState | undefined;
  @state() private failed: SyncJob[] = [];
  @state() private feedUrl = '';
  @state() private team: AdminMember[] = [];
  /** A CalDAV account's calendars, to choose which one appointments go to (shown when there are several). */
  @state() private calendars: CalendarChoice[] = [];
  /** Whose calendar is shown: a member's id (0: the signed-in member's, as for a server before teams). */
  @state() private member = 0;
  private action = new ActionController(this);

  private get me(): number {
    return this.profile.me?.memberId ?? 0;
  }

  /** `path` about the chosen member: another's is named (`?member=`), one's own needs no name. */
  private at(path: string): string {
    if (!this.member || this.member === this.me) return path;
    return `${path}${path.includes('?') ? '&' : '?'}member=${this.member}`;
  }

  /** "Your" or the chosen member's name, for headings. */
  private get whose(): string {
    const other = this.member !== this.me && this.team.find((m) => m.id === this.member);
    return other ? `${other.name}'s` : 'Your';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    if (params.get('connected'))
      this.action.status = `Connected to ${params.get('connected') === 'microsoft' ? 'Microsoft' : 'Google'}.`;
    if (params.get('error')) this.action.problem = params.get('message') ?? 'Connecting the calendar did not work.';
    this.member = Number(params.get('member')) || this.me;
    if (this.profile.me && this.profile.me.role !== 'staff')
      void api
        .team()
        .then((t) => (this.team = t.members))
        .catch(() => undefined);
    void this.load();
  }

  override render() {
    const picker = html`<book-member-picker label="Whose calendar" .members=${this.team} selected=${this.member} me=${this.me}
      @book-member-pick=${(e: CustomEvent<number>) => this.pickMember(e.detail)}></book-member-picker>`;
    if (!this.data)
      return html`${picker}<p class="notice bad" role="alert">${this.action.problem}</p>${this.action.problem ? nothing : html`<p class="loading" role="status">Loading…</p>`}`;
    const d = this.data;
    const anyService = d.available.googleShared || d.available.google || d.available.microsoft || d.available.caldav;
    return html`${picker}<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${
        d.connection || anyService
          ? html`<section class="panel" aria-labelledby="conn-h">
            <h2 id="conn-h">${this.whose} calendar</h2>
            ${d.connection ? this.renderConnection(d.connection, d) : this.renderConnect(d)}
          </section>`
          : nothing
      }
      ${this.renderFeed(d)}
      <label class="check"><input type="checkbox" .checked=${d.settings.includeCustomerContact} @change=${this.toggleContact} />
        Put the customer's email and phone in calendar events</label>`;
  }

  private renderFeed(d: CalendarState) {
    const links = this.feedUrl ? feedSubscribeLinks(this.feedUrl) : undefined;
    return html`<section class="panel" aria-labelledby="feed-h">
      <h2 id="feed-h">${this.whose === 'Your' ? "See your appointments in your phone's calendar" : `${this.whose} appointments in a phone's calendar`}</h2>
      <p class="muted">A private link that keeps your calendar app up to date with your bookings (it can take a few
        hours to show changes). Works with iPhone, Google Calendar, Outlook and others.</p>
      ${
        links
          ? html`<ul class="subscribe">
              <li><a href=${links.webcal} data-subscribe="webcal">Add to iPhone or Mac Calendar</a>
                <p class="hint">On your iPhone, tap the link, then tap Subscribe.<br />Your appointments appear in the Calendar app.</p></li>
              <li><a href=${links.google} target="_blank" rel="noopener" data-subscribe="google">Add to Google Calendar</a>
                <p class="hint">Open the link on a computer signed in to Google, then click Add.<br />The Google Calendar app on your phone then shows it too.</p></li>
            </ul>
            <p class="row"><book-copy-button value=${this.feedUrl} label="Copy the link"></book-copy-button>
              <span class="hint">For other apps. Keep it private: anyone with it sees your appointments.</span></p>`
          : html`<p>${
              d.feed.active
                ? `Your calendar link is on (made ${when(d.feed.createdAt!)}). For your privacy it is shown only once; to add it to another calendar, get a new one (calendars using the old link stop updating).`
                : 'Get your private link to add your appointments to a calendar app.'
            }</p>`
      }
      <div class="row">
        <button class=${d.feed.active ? '' : 'primary'} ?disabled=${this.action.busy} @click=${this.rotate}>${d.feed.active ? 'Get a new link' : 'Get my calendar link'}</button>
        ${d.feed.active ? html`<button class="danger" ?disabled=${this.action.busy} @click=${this.disableFeed}>Turn the link off</button>` : nothing}
      </div>
    </section>`;
  }

  private renderConnection(c: Connection, d: CalendarState) {
    const company = companyName[c.service];
    const status: Record<Health, [tone: string, label: string, explain: string]> = {
      up_to_date: [
        'sent',
        'Up to date',
        'New bookings and changes appear in it, and busy times there are not offered.',
      ],
      retrying: [
        'pending',
        `Couldn't reach ${company} — we'll keep trying`,
        'Nothing to do: the latest changes go in as soon as it answers.',
      ],
      missing: [
        'failed',
        'Some appointments are missing',
        `${company} did not take these appointments. Try again, or add them by hand.`,
      ],
      reconnect: [
        'failed',
        'Reconnect needed',
        `${company} no longer lets us into your calendar. Connect it again below.`,
      ],
      connecting: ['pending', 'Finishing the connection', 'This takes a moment.'],
    };
    const [tone, label, explain] = status[d.health ?? 'connecting'];
    return html`<p><span class="badge ${tone}" data-health=${d.health ?? ''}>${label}</span></p>
      <p>${explain}</p>
      ${
        d.health === 'missing'
          ? html`<ul>
              ${this.failed.map(
                (
                  j,
                ) => html`<li part="job"><a href="/admin/appointments/${j.appointment.id}">${j.appointment.serviceName}, ${j.appointment.customerName}</a>
                  <span class="hint">${when(j.appointment.start)}</span></li>`,
              )}
            </ul>
            <p><button class="primary" ?disabled=${this.action.busy} @click=${this.retryAll}>Try again</button></p>`
          : nothing
      }
      <dl>
        <dt>Calendar</dt>
        <dd>${serviceName[c.service]}</dd>
        ${c.accountEmail ? html`<dt>Account</dt><dd>${c.accountEmail}</dd>` : nothing}
        ${c.service === 'caldav' && this.calendars.length > 0 ? this.renderCalendarChoice(c) : nothing}
        ${c.sharedWith ? html`<dt>Shared with</dt><dd>${c.sharedWith}</dd>` : nothing}
        ${c.busyRefreshedAt ? html`<dt>Busy times</dt><dd>checked ${when(c.busyRefreshedAt)}</dd>` : nothing}
      </dl>
      ${d.health === 'reconnect' ? this.renderConnect(d) : nothing}
      <div class="row">
        <button ?disabled=${this.action.busy} @click=${this.refreshBusy}>Check busy times now</button>
        <button class="danger" ?disabled=${this.action.busy} @click=${this.disconnect}>Disconnect</button>
      </div>`;
  }

  private renderConnect(d: CalendarState) {
    return html`<p>Connect a calendar: new bookings appear in it, and times you are busy there are not offered to customers.</p>
      ${
        d.available.googleShared
          ? html`<form class="panel" @submit=${this.shareGoogle}>
            <h3>Google Calendar: share a calendar with us</h3>
            <p class="hint">No Google sign-in needed: we create a calendar and share it with your Google address.</p>
            <div class="field"><label for="share">Your Google email</label><input id="share" name="shareWith" type="email" required autocomplete="email" /></div>
            <button class="primary" type="submit" ?disabled=${this.action.busy}>Share a calendar with me</button>
          </form>`
          : nothing
      }
      ${d.available.caldav ? this.renderCaldav() : nothing}
      <div class="row">
        ${d.available.google ? html`<button ?disabled=${this.action.busy} @click=${() => this.oauth('google')}>Connect your Google account</button>` : nothing}
        ${d.available.microsoft ? html`<button ?disabled=${this.action.busy} @click=${() => this.oauth('microsoft')}>Connect Outlook / Microsoft 365</button>` : nothing}
      </div>`;
  }

  /** CalDAV: a server address, a user name and an app password (never shown again once sent). */
  private renderCaldav() {
    return html`<form class="panel" data-form="caldav" @submit=${this.connectCaldav}>
      <h3>iCloud, Fastmail, Nextcloud (CalDAV)</h3>
      <p class="hint">Use an app password made for this, not your account password: on iCloud at account.apple.com
        (Sign-In and Security, App-Specific Passwords), on Fastmail in Settings, Privacy &amp; Security; on Nextcloud in
        Personal settings, Security.</p>
      <div class="field"><label for="dav-url">Server address</label>
        <input id="dav-url" name="serverUrl" type="url" required placeholder="https://caldav.icloud.com" autocomplete="url" />
        <p class="hint">iCloud: https://caldav.icloud.com · Fastmail: https://caldav.fastmail.com · Nextcloud: https://your-cloud/remote.php/dav</p></div>
      <div class="field"><label for="dav-user">User name</label>
        <input id="dav-user" name="username" required autocomplete="username" autocapitalize="none" spellcheck="false" /></div>
      <div class="field"><label for="dav-pass">App password</label>
        <input id="dav-pass" name="password" type="password" required autocomplete="current-password" /></div>
      <button class="primary" type="submit" ?disabled=${this.action.busy}>Connect this calendar</button>
    </form>`;
  }

  private renderCalendarChoice(c: Connection) {
    return html`<dt><label for="dav-calendar">Appointments go to</label></dt>
      <dd><select id="dav-calendar" ?disabled=${this.action.busy} @change=${this.chooseCalendar}>
        ${this.calendars.map((cal) => html`<option value=${cal.id} ?selected=${cal.id === c.calendarId}>${cal.name}</option>`)}
      </select></dd>`;
  }

  /** Shows another member's calendar: their connection, feed and failed jobs (a feed link shown once is not theirs). */
  private pickMember(member: number): void {
    this.member = member;
    this.feedUrl = '';
    this.data = undefined;
    this.action.clear();
    void this.load();
  }

  private async load(): Promise<void> {
    const member = this.member;
    try {
      const [state, jobs] = await Promise.all([
        api.request<CalendarState>('GET', this.at('/api/admin/calendar')),
        api.request<{ syncJobs: SyncJob[] }>('GET', this.at('/api/admin/calendar/sync-jobs?status=failed')),
      ]);
      // Another member was picked meanwhile: their answer is on its way.
      if (member !== this.member) return;
      this.data = state;
      this.failed = jobs.syncJobs;
      this.calendars = [];
      if (state.connection?.service === 'caldav' && state.connection.status === 'active')
        void this.loadCalendars(member);
    } catch (e) {
      this.action.report(errorText(e));
    }
  }

  /** A CalDAV account's calendars; without them (the server is down) the page simply offers no choice. */
  private async loadCalendars(member: number): Promise<void> {
    const answer = await api
      .request<{ calendars: CalendarChoice[] }>('GET', this.at('/api/admin/calendar/calendars'))
      .catch(() => ({ calendars: [] }));
    if (member === this.member) this.calendars = answer.calendars.length > 1 ? answer.calendars : [];
  }

  /** Runs a change, then shows the settings as they now are. */
  private run(work: () => Promise<unknown>, done = ''): Promise<void> {
    return this.action.run(async () => {
      await work();
      await this.load();
      return done;
    });
  }

  private rotate = () =>
    this.run(async () => {
      this.feedUrl = (await api.request<{ url: string }>('POST', this.at('/api/admin/calendar/feed/rotate'))).url;
    }, 'Your calendar link is ready: add it below.');

  private disableFeed = () =>
    this.run(async () => {
      await api.request('DELETE', this.at('/api/admin/calendar/feed'));
      this.feedUrl = '';
    }, 'The link is off; calendars using it stop updating.');

  private toggleContact = (e: Event) =>
    this.run(async () => {
      await api.request('PUT', '/api/admin/calendar/settings', {
        includeCustomerContact: (e.target as HTMLInputElement).checked,
      });
    }, 'Saved.');

  private shareGoogle = (e: SubmitEvent) => {
    e.preventDefault();
    const shareWith = String(new FormData(e.target as HTMLFormElement).get('shareWith') ?? '');
    return this.run(
      async () => void (await api.request('PUT', this.at('/api/admin/calendar/google-shared'), { shareWith })),
      'Calendar shared: look for it in your Google Calendar.',
    );
  };

  private connectCaldav = (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '');
    return this.run(
      () =>
        api.request('PUT', this.at('/api/admin/calendar/caldav'), {
          serverUrl: field('serverUrl').trim(),
          username: field('username').trim(),
          password: field('password'),
        }),
      'Connected: new bookings go to your calendar.',
    );
  };

  private chooseCalendar = (e: Event) =>
    this.run(
      () =>
        api.request('PUT', this.at('/api/admin/calendar/calendar'), {
          calendarId: (e.target as HTMLSelectElement).value,
        }),
      'Saved: appointments ahead go to this calendar.',
    );

  private oauth = (service: 'google' | 'microsoft') =>
    this.run(async () => {
      const { authorizationUrl } = await api.request<{ authorizationUrl: string }>(
        'POST',
        this.at(`/api/admin/calendar/${service}/connect`),
      );
      location.assign(authorizationUrl);
    });

  private refreshBusy = () =>
    this.run(
      async () => void (await api.request('POST', this.at('/api/admin/calendar/busy/refresh'))),
      'Busy times read again.',
    );

  private disconnect = () => {
    if (!confirm('Disconnect this calendar? Events already written stay in it.')) return Promise.resolve();
    return this.run(() => api.request('DELETE', this.at('/api/admin/calendar/connection')), 'Disconnected.');
  };

  private retryAll = () =>
    this.run(async () => {
      for (const job of this.failed)
        await api.request('POST', this.at(`/api/admin/calendar/sync-jobs/${job.id}/retry`));
    }, 'Trying again: they go in within a minute.');
}

define('book-calendar-connections', BookCalendarConnections);

declare global {
  interface HTMLElementTagNameMap {
    'book-calendar-connections': BookCalendarConnections;
  }
}
