import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../widget/lib/define.js';
import { api } from '../../api/site-api.js';
import type { WebhookDelivery, WebhookEndpoint } from '../../api/types.js';
import { ActionController } from '../../lib/action.js';
import { errorText } from '../../lib/errors.js';
import { formatDay, formatTime } from '../../lib/format.js';
import { fieldsets, siteBase } from '../../styles/components.js';
import '../book-copy-button/book-copy-button.js';

const blank = (events: string[]) => ({
  url: '',
  description: '',
  events: events.filter((e) => e.startsWith('booking.')),
});

/**
 * @summary The business's webhook endpoints (owner and admins): add and edit one (URL, events), see its secret once,
 * rotate it, send a test event, enable or disable it, and read its delivery log with a "Redeliver" per delivery.
 *
 * @csspart endpoint - One endpoint's entry.
 * @csspart delivery - One delivery in an open log.
 *
 * @property timeZone - The business's zone, for the log's times.
 */
export class BookWebhooks extends LitElement {
  static override styles = [
    siteBase,
    fieldsets,
    css`
      .url {
        overflow-wrap: anywhere;
        font-weight: 600;
      }
      .card {
        padding: 0.75rem;
      }
      .secret code {
        overflow-wrap: anywhere;
      }
      ul.log {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
      }
      ul.log li {
        border-top: 1px solid var(--book-surface);
        padding: 0.4rem 0;
        overflow-wrap: anywhere;
      }
      .events label {
        display: inline-flex;
        gap: 0.3rem;
        margin-right: 0.75rem;
      }
    `,
  ];

  @property({ attribute: 'time-zone' }) timeZone = 'UTC';
  @state() private endpoints: WebhookEndpoint[] = [];
  @state() private eventTypes: string[] = [];
  @state() private loading = true;
  @state() private draft = blank([]);
  /** The endpoint the form edits (null: it adds a new one). */
  @state() private editing: number | null = null;
  /** A secret just made: shown this once. */
  @state() private secret: string | null = null;
  @state() private logs = new Map<number, WebhookDelivery[]>();
  private action = new ActionController(this, { fieldsProblem: 'Check the marked fields.' });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override render() {
    return html`<div class="stack">
      <p class="muted">Your other software (a CRM, accounting, an automation tool) gets a signed POST for every booking
        change it subscribes to. See the documentation for the payload and how to check the signature.</p>
      <p class="notice bad" role="alert" tabindex="-1">${this.action.problem}</p>
      <p class="notice" role="status">${this.action.status}</p>
      ${this.secret ? this.renderSecret(this.secret) : nothing}
      ${this.renderForm()}
      ${
        this.loading
          ? html`<p class="loading">Loading endpoints…</p>`
          : this.endpoints.length
            ? html`<div class="cards">${this.endpoints.map((e) => this.renderEndpoint(e))}</div>`
            : html`<p class="muted">No webhook endpoints yet.</p>`
      }
    </div>`;
  }

  private renderSecret(value: string) {
    return html`<div class="panel secret">
      <p><strong>Signing secret</strong>: copy it now, it is not shown again.</p>
      <p><code>${value}</code></p>
      <book-copy-button .value=${value} label="Copy secret"></book-copy-button>
      <button type="button" @click=${() => (this.secret = null)}>Done</button>
    </div>`;
  }

  private renderForm() {
    const errors = this.action.errors;
    const d = this.draft;
    return html`<form class="panel" novalidate @submit=${this.handleSubmit}>
      <h2>${this.editing === null ? 'Add an endpoint' : 'Edit the endpoint'}</h2>
      <div class="field">
        <label for="url">URL</label>
        <input id="url" type="url" required maxlength="2000" placeholder="https://example.com/hooks" .value=${d.url}
          aria-invalid=${Boolean(errors.url)} aria-describedby=${errors.url ? 'url-error' : nothing}
          @input=${(e: Event) => (this.draft = { ...this.draft, url: (e.target as HTMLInputElement).value })} />
        ${errors.url ? html`<p class="error" id="url-error">${errors.url}</p>` : nothing}
      </div>
      <div class="field">
        <label for="description">Description</label>
        <input id="description" maxlength="200" .value=${d.description}
          @input=${(e: Event) => (this.draft = { ...this.draft, description: (e.target as HTMLInputElement).value })} />
      </div>
      <fieldset class="events" aria-describedby=${errors.events ? 'events-error' : nothing}>
        <legend>Events</legend>
        ${this.eventTypes.map(
          (type) => html`<label><input type="checkbox" name="event" value=${type} .checked=${d.events.includes(type)}
            @change=${(e: Event) => this.toggleEvent(type, (e.target as HTMLInputElement).checked)} />${type}</label>`,
        )}
        ${errors.events ? html`<p class="error" id="events-error">${errors.events}</p>` : nothing}
      </fieldset>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.action.busy}>${this.editing === null ? 'Add endpoint' : 'Save'}</button>
        ${this.editing === null ? nothing : html`<button type="button" @click=${this.stopEditing}>Cancel</button>`}
      </div>
    </form>`;
  }

  private renderEndpoint(e: WebhookEndpoint) {
    const log = this.logs.get(e.id);
    const busy = this.action.busy;
    return html`<div class="card" part="endpoint">
      <p class="url">${e.url}</p>
      <p>
        <span class="badge ${e.enabled ? 'sent' : 'failed'}">${e.enabled ? 'Enabled' : 'Disabled'}</span>
        ${e.description ? html`<span class="muted">${e.description}</span>` : nothing}
      </p>
      <p class="muted">${e.events.join(', ')}</p>
      ${e.disabledAt ? html`<p class="notice bad">Disabled on ${this.when(e.disabledAt)} after failing since ${this.when(e.failingSince!)}.</p>` : nothing}
      ${!e.disabledAt && e.failureCount ? html`<p class="muted">${e.failureCount} failed attempt(s) in a row.</p>` : nothing}
      ${e.previousSecretUntil ? html`<p class="muted">The previous secret also signs until ${this.when(e.previousSecretUntil)}.</p>` : nothing}
      <div class="row">
        <button type="button" ?disabled=${busy || !e.enabled} @click=${() => this.sendTest(e)}>Send test event</button>
        <button type="button" ?disabled=${busy} @click=${() => this.toggleLog(e)}>${log ? 'Hide log' : 'Delivery log'}</button>
        <button type="button" ?disabled=${busy} @click=${() => this.edit(e)}>Edit</button>
        <button type="button" ?disabled=${busy} @click=${() => this.setEnabled(e, !e.enabled)}>${e.enabled ? 'Disable' : 'Enable'}</button>
        <button type="button" ?disabled=${busy} @click=${() => this.rotate(e)}>Rotate secret</button>
        <button type="button" class="danger" ?disabled=${busy} @click=${() => this.deleteEndpoint(e)}>Delete</button>
      </div>
      ${log ? this.renderLog(e, log) : nothing}
    </div>`;
  }

  private renderLog(endpoint: WebhookEndpoint, deliveries: WebhookDelivery[]) {
    if (!deliveries.length) return html`<p class="muted">No deliveries yet.</p>`;
    return html`<ul class="log" aria-label="Deliveries to ${endpoint.url}">
      ${deliveries.map(
        (d) => html`<li part="delivery">
          <span class="badge ${d.status === 'delivered' ? 'sent' : d.status}">${d.status}</span>
          <strong>${d.type}</strong> · ${this.when(d.createdAt)} · attempt ${d.attempts}
          ${d.statusCode === null ? nothing : html` · HTTP ${d.statusCode}`}
          ${d.durationMs === null ? nothing : html` · ${d.durationMs} ms`}
          ${d.error ? html`<br /><span class="muted">${d.error}</span>` : nothing}
          ${d.nextAttemptAt ? html`<br /><span class="muted">Next try ${this.when(d.nextAttemptAt)}</span>` : nothing}
          ${
            d.status === 'delivered' || d.status === 'failed'
              ? html` <button type="button" class="link" ?disabled=${this.action.busy || !endpoint.enabled}
                  @click=${() => this.redeliver(endpoint, d)}>Redeliver</button>`
              : nothing
          }
        </li>`,
      )}
    </ul>`;
  }

  private when(iso: string): string {
    return `${formatDay(iso, this.timeZone)} ${formatTime(iso, this.timeZone)}`;
  }

  private toggleEvent(type: string, on: boolean): void {
    const events = this.draft.events.filter((e) => e !== type);
    this.draft = { ...this.draft, events: on ? [...events, type] : events };
  }

  private async load(): Promise<void> {
    try {
      const { endpoints, eventTypes } = await api.webhooks();
      this.endpoints = endpoints;
      if (!this.eventTypes.length) this.draft = blank(eventTypes);
      this.eventTypes = eventTypes;
    } catch (e) {
      this.action.report(errorText(e));
    } finally {
      this.loading = false;
    }
  }

  private replace(endpoint: WebhookEndpoint): void {
    this.endpoints = this.endpoints.map((e) => (e.id === endpoint.id ? endpoint : e));
  }

  private handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = { ...this.draft, url: this.draft.url.trim(), description: this.draft.description.trim() };
    return this.action.run(async () => {
      if (this.editing === null) {
        const { endpoint, secret } = await api.createWebhook(input);
        this.endpoints = [...this.endpoints, endpoint];
        this.secret = secret;
        this.draft = blank(this.eventTypes);
        return 'Endpoint added.';
      }
      this.replace((await api.updateWebhook(this.editing, input)).endpoint);
      this.stopEditing();
      return 'Endpoint saved.';
    });
  }

  private edit(e: WebhookEndpoint): void {
    this.editing = e.id;
    this.draft = { url: e.url, description: e.description, events: [...e.events] };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#url')?.focus());
  }

  private readonly stopEditing = () => {
    this.editing = null;
    this.draft = blank(this.eventTypes);
  };

  private setEnabled(e: WebhookEndpoint, enabled: boolean): Promise<void> {
    return this.action.run(async () => {
      this.replace((await api.updateWebhook(e.id, { enabled })).endpoint);
      return enabled ? 'Endpoint enabled.' : 'Endpoint disabled.';
    });
  }

  private rotate(e: WebhookEndpoint): Promise<void> {
    return this.action.run(async () => {
      const { endpoint, secret } = await api.rotateWebhookSecret(e.id);
      this.replace(endpoint);
      this.secret = secret;
      return 'New secret made; the old one keeps signing for 24 hours.';
    });
  }

  private sendTest(e: WebhookEndpoint): Promise<void> {
    return this.action.run(async () => {
      await api.testWebhook(e.id);
      if (this.logs.has(e.id)) await this.refreshLog(e.id);
      return 'Test event queued.';
    });
  }

  private deleteEndpoint(e: WebhookEndpoint): Promise<void> {
    if (!confirm(`Delete the endpoint ${e.url}?`)) return Promise.resolve();
    return this.action.run(async () => {
      await api.deleteWebhook(e.id);
      this.endpoints = this.endpoints.filter((x) => x.id !== e.id);
      return 'Endpoint deleted.';
    });
  }

  private async refreshLog(id: number): Promise<void> {
    const { deliveries } = await api.webhookDeliveries(id);
    this.logs = new Map(this.logs).set(id, deliveries);
  }

  private toggleLog(e: WebhookEndpoint): Promise<void> {
    if (this.logs.has(e.id)) {
      const logs = new Map(this.logs);
      logs.delete(e.id);
      this.logs = logs;
      return Promise.resolve();
    }
    return this.action.run(() => this.refreshLog(e.id));
  }

  private redeliver(e: WebhookEndpoint, d: WebhookDelivery): Promise<void> {
    return this.action.run(async () => {
      await api.redeliverWebhook(e.id, d.id);
      await this.refreshLog(e.id);
      return 'Delivery queued again.';
    });
  }
}

define('book-webhooks', BookWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'book-webhooks': BookWebhooks;
  }
}
