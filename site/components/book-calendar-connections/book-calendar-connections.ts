import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { Profile } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { LOCALE, statusLabel } from '../../lib/format.js';
import { siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';

interface Connection {
  service: 'google-shared' | 'google' | 'microsoft';
  status: string;
  calendarId: string | null;
  accountEmail: string | null;
  sharedWith: string | null;
  sharedRole: string | null;
  lastError: string | null;
  busyRefreshedAt: string | null;
  connectedAt: string;
}
interface CalendarState {
  connection: Connection | null;
  settings: { includeCustomerContact: boolean };
  feed: { active: boolean; createdAt: string | null };
  syncJobs: Record<'pending' | 'running' | 'done' | 'failed', number>;
  available: { googleShared: boolean; google: boolean; microsoft: boolean };
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

const serviceName = {
  'google-shared': 'Google Calendar (shared calendar)',
  google: 'Google Calendar (your account)',
  microsoft: 'Outlook / Microsoft 365',
};
const when = (iso: string) =>
  new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * @summary Calendar connections: Google (a calendar shared with the service, or the provider's own account via
 * OAuth), Microsoft, the private ICS feed (copy, rotate, turn off), and the sync status with failed jobs to retry.
 *
 * @csspart job - Each failed sync job.
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
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) profile!: Profile;
  @property() origin = location.origin;

  @state() private data?: CalendarState;
  @state() private failed: SyncJob[] = [];
  @state() private feedUrl = '';
  private action = new ActionController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    const params = new URLSearchParams(location.search);
    if (params.get('connected'))
      this.action.status = `Connected to ${params.get('connected') === 'microsoft' ? 'Microsoft' : 'Google'}.`;
    if (params.get('error')) this.action.problem = params.get('message') ?? 'Connecting the calendar did not work.';
    void this.load();
  }

  override render() {
    if (!this.data)
      return html`<p class="notice bad" role="alert">${this.action.problem}</p>${this.action.problem ? nothing : html`<p class="loading" role="status">Loading…</p>`}`;
    const d = this.data;
    return html`<p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      <section class="panel" aria-labelledby="conn-h">
        <h2 id="conn-h">Your calendar</h2>
        ${d.connection ? this.renderConnection(d.connection) : this.renderConnect(d)}
        <label class="check"><input type="checkbox" .checked=${d.settings.includeCustomerContact} @change=${this.toggleContact} />
          Put the customer's email and phone in calendar events</label>
      </section>
      <section class="panel" aria-labelledby="feed-h">
        <h2 id="feed-h">Calendar feed (ICS)</h2>
        <p class="muted">Subscribe to this private address in any calendar app (Apple Calendar, Outlook, Thunderbird) to see your appointments there.</p>
        ${
          this.feedUrl
            ? html`<p class="feed-url">${this.feedUrl}</p>
              <p class="row"><book-copy-button value=${this.feedUrl} label="Copy feed URL"></book-copy-button>
                <span class="hint">Shown once: copy it now. Rotating gives a new address and stops the old one.</span></p>`
            : html`<p>${d.feed.active ? `Your feed is on (address created ${when(d.feed.createdAt!)}). For security it is only shown when created.` : 'The feed is off.'}</p>`
        }
        <div class="row">
          <button ?disabled=${this.action.busy} @click=${this.rotate}>${d.feed.active ? 'Rotate address' : 'Create feed address'}</button>
          ${d.feed.active ? html`<button class="danger" ?disabled=${this.action.busy} @click=${this.disableFeed}>Turn feed off</button>` : nothing}
        </div>
      </section>
      <section class="panel" aria-labelledby="sync-h">
        <h2 id="sync-h">Sync status</h2>
        <p class="counts">
          ${(['done', 'pending', 'running', 'failed'] as const).map(
            (s) =>
              html`<span class="badge ${s === 'done' ? 'sent' : s === 'running' ? 'sending' : s}">${d.syncJobs[s]} ${s === 'done' ? 'synced' : s}</span>`,
          )}
        </p>
        ${
          this.failed.length
            ? html`<h3>Failed</h3>
              <table>
                <thead><tr><th>Appointment</th><th>Error</th><th><span class="sr-only">Action</span></th></tr></thead>
                <tbody>
                  ${this.failed.map(
                    (j) => html`<tr part="job">
                      <td><a href="/admin/appointments/${j.appointment.id}">${j.appointment.serviceName}, ${j.appointment.customerName}</a><br />
                        <span class="hint">${when(j.appointment.start)} · ${j.action} · ${j.attempts} attempts</span></td>
                      <td>${j.lastError ?? '—'}</td>
                      <td><button @click=${() => this.retry(j.id)}>Retry</button></td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">No failed sync jobs.</p>`
        }
      </section>`;
  }

  private renderConnection(c: Connection) {
    return html`<dl>
        <dt>Connected</dt>
        <dd>${serviceName[c.service]}</dd>
        <dt>Status</dt>
        <dd><span class="badge ${c.status === 'active' ? 'sent' : 'failed'}">${statusLabel[c.status] ?? c.status}</span></dd>
        ${c.accountEmail ? html`<dt>Account</dt><dd>${c.accountEmail}</dd>` : nothing}
        ${c.sharedWith ? html`<dt>Shared with</dt><dd>${c.sharedWith} (${c.sharedRole})</dd>` : nothing}
        ${c.calendarId ? html`<dt>Calendar</dt><dd>${c.calendarId}</dd>` : nothing}
        ${c.busyRefreshedAt ? html`<dt>Busy times</dt><dd>read ${when(c.busyRefreshedAt)}</dd>` : nothing}
        ${c.lastError ? html`<dt>Last error</dt><dd class="error">${c.lastError}</dd>` : nothing}
      </dl>
      <div class="row">
        <button ?disabled=${this.action.busy} @click=${this.refreshBusy}>Re-read busy times</button>
        <button class="danger" ?disabled=${this.action.busy} @click=${this.disconnect}>Disconnect</button>
      </div>`;
  }

  private renderConnect(d: CalendarState) {
    const any = d.available.googleShared || d.available.google || d.available.microsoft;
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
      <div class="row">
        ${d.available.google ? html`<button ?disabled=${this.action.busy} @click=${() => this.oauth('google')}>Connect your Google account</button>` : nothing}
        ${d.available.microsoft ? html`<button ?disabled=${this.action.busy} @click=${() => this.oauth('microsoft')}>Connect Outlook / Microsoft 365</button>` : nothing}
      </div>
      ${any ? nothing : html`<p class="muted">No calendar service is configured on this server; the ICS feed below works everywhere.</p>`}`;
  }

  private async load(): Promise<void> {
    try {
      const [state, jobs] = await Promise.all([
        api.request<CalendarState>('GET', '/api/admin/calendar'),
        api.request<{ syncJobs: SyncJob[] }>('GET', '/api/admin/calendar/sync-jobs?status=failed'),
      ]);
      this.data = state;
      this.failed = jobs.syncJobs;
    } catch (e) {
      this.action.report(errorText(e));
    }
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
      this.feedUrl = (await api.request<{ url: string }>('POST', '/api/admin/calendar/feed/rotate')).url;
    }, 'New feed address created.');

  private disableFeed = () =>
    this.run(async () => {
      await api.request('DELETE', '/api/admin/calendar/feed');
      this.feedUrl = '';
    }, 'The feed is off; the old address no longer works.');

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
      async () => void (await api.request('PUT', '/api/admin/calendar/google-shared', { shareWith })),
      'Calendar shared: look for it in your Google Calendar.',
    );
  };

  private oauth = (service: 'google' | 'microsoft') =>
    this.run(async () => {
      const { authorizationUrl } = await api.request<{ authorizationUrl: string }>(
        'POST',
        `/api/admin/calendar/${service}/connect`,
      );
      location.assign(authorizationUrl);
    });

  private refreshBusy = () =>
    this.run(
      async () => void (await api.request('POST', '/api/admin/calendar/busy/refresh')),
      'Busy times read again.',
    );

  private disconnect = () => {
    if (!confirm('Disconnect this calendar? Events already written stay in it.')) return Promise.resolve();
    return this.run(() => api.request('DELETE', '/api/admin/calendar/connection'), 'Disconnected.');
  };

  private retry = (id: number) =>
    this.run(
      async () => void (await api.request('POST', `/api/admin/calendar/sync-jobs/${id}/retry`)),
      'Queued again.',
    );
}

define('book-calendar-connections', BookCalendarConnections);

declare global {
  interface HTMLElementTagNameMap {
    'book-calendar-connections': BookCalendarConnections;
  }
}
